import type { Payload, PayloadRequest } from 'payload'

import { createHmac, randomBytes } from 'node:crypto'

import { ukDay } from '../sla/uk-time'

const KEY_NAME = 'question-reference-key'
const ROUNDS = 6
const MIN_DIGITS = 6

/**
 * One round function of the permutation below: a keyed hash of the round and the other half, reduced to
 * the half's range. HMAC keeps the mapping unpredictable to anyone without the key.
 */
const round = ({ half, key, modulus, n }: { half: number; key: Buffer; modulus: number; n: number }): number =>
  Number(createHmac('sha256', key).update(`${n}:${half}`).digest().readBigUInt64BE(0) % BigInt(modulus))

/**
 * A keyed permutation of the numbers below 10^digits (a Feistel network over two decimal halves): distinct
 * inputs always give distinct outputs, and consecutive inputs give unrelated ones. Hand-written: no
 * maintained library offers format-preserving permutation of small decimal ranges for Node.
 */
export const permuteDecimal = ({ digits, key, value }: { digits: number; key: Buffer; value: number }): number => {
  const high = 10 ** Math.floor(digits / 2)
  const low = 10 ** Math.ceil(digits / 2)
  // (left, right) lives in [0, high) x [0, low); each round swaps the ranges, so an even count restores them.
  let left = Math.floor(value / low)
  let right = value % low
  let [leftRange, rightRange] = [high, low]
  for (let n = 0; n < ROUNDS; n++) {
    const mixed = (left + round({ half: right, key, modulus: leftRange, n })) % leftRange
    ;[left, right] = [right, mixed]
    ;[leftRange, rightRange] = [rightRange, leftRange]
  }
  return left * rightRange + right
}

/**
 * The reference people quote (Q-2026-004271): the UK year of receipt and a keyed permutation of the
 * question's database id. Two questions can never share one, whichever instance stored them, and none
 * can be guessed from another. Six digits up to a million questions, then seven, and so on.
 */
export const questionReference = ({ id, key, receivedAt }: { id: number; key: Buffer; receivedAt: string }): string => {
  const digits = Math.max(MIN_DIGITS, String(id).length)
  const number = permuteDecimal({ digits, key, value: id })
  return `Q-${ukDay({ instant: new Date(receivedAt) }).slice(0, 4)}-${String(number).padStart(digits, '0')}`
}

/** A random reference, for databases whose ids are not numbers (MongoDB); the unique index is the guard. */
export const randomQuestionReference = ({ receivedAt }: { receivedAt: string }): string =>
  `Q-${ukDay({ instant: new Date(receivedAt) }).slice(0, 4)}-${String(randomBytes(4).readUInt32BE(0) % 10 ** MIN_DIGITS).padStart(MIN_DIGITS, '0')}`

const cachedKeys = new WeakMap<Payload, Buffer>()

/**
 * The permutation key, kept in the database so every instance uses the same one. Created once at start-up,
 * under the start-up lock (see bootPayload): two instances can never pick different keys.
 */
export const ensureReferenceKey = async ({ payload }: { payload: Payload }): Promise<void> => {
  if (await payload.kv.get<string>(KEY_NAME)) return
  await payload.kv.set(KEY_NAME, randomBytes(32).toString('base64'))
}

/** The key, read once per process; with `req` the read joins the request's transaction. */
export const referenceKey = async ({ payload, req }: { payload: Payload; req: PayloadRequest }): Promise<Buffer> => {
  const cached = cachedKeys.get(payload)
  if (cached) return cached
  const stored = await payload.db.findOne<{ data: string; id: number | string }>({
    collection: 'payload-kv',
    req,
    where: { key: { equals: KEY_NAME } },
  })
  if (!stored?.data) throw new Error('The question reference key is missing: start the hub through its boot, which creates it')
  const key = Buffer.from(stored.data, 'base64')
  cachedKeys.set(payload, key)
  return key
}
