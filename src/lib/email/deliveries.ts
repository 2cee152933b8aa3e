import type { Payload, PayloadRequest } from 'payload'

import { createHash } from 'node:crypto'
import path from 'node:path'

import type { SendResult } from './transport'

import { dataDir } from '../env'
import { openJournal, readJournal, removeJournal } from '../jobs/journal'

/** What is kept per sent message: enough to answer "was it sent?", no addresses or content. */
export type Delivery = { messageId: string; sentAt: string; transport: SendResult['transport'] }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export const deliveryOf = (result: SendResult): Delivery => ({
  messageId: result.messageId,
  sentAt: result.acceptedAt,
  transport: result.transport,
})

/**
 * Sent messages are recorded in Payload's key-value store (the payload-kv table every hub already has,
 * unique on key, written outside any transaction), so the record commits the moment the send succeeds
 * and is independent of the job's own state update.
 */
const deliveryKey = (messageId: string): string => `email-sent:${messageId}`

/**
 * The earlier delivery of this Message-ID, if any. Throws when the store cannot be read: better to wait than
 * to guess. With `req` (a field hook inside an operation) the read joins the request's transaction; the
 * key-value API always takes a connection of its own.
 */
export const findDelivery = async ({
  messageId,
  payload,
  req,
}: {
  messageId: string
  payload: Payload
  req?: PayloadRequest
}): Promise<Delivery | null> => {
  if (!req) return payload.kv.get<Delivery>(deliveryKey(messageId))
  const found = await payload.db.findOne<{ data: Delivery; id: number | string }>({
    collection: 'payload-kv',
    req,
    where: { key: { equals: deliveryKey(messageId) } },
  })
  return found?.data ?? null
}

/**
 * Records a completed send. Never throws: the message is already out, and failing the job now would only
 * send it again. A write that keeps failing is logged; the acceptance journal then still answers a retry
 * on this machine.
 */
export const recordDelivery = async ({ delivery, payload }: { delivery: Delivery; payload: Payload }): Promise<boolean> => {
  for (const pause of [0, 250, 1_000, 4_000]) {
    await sleep(pause)
    try {
      await payload.kv.set(deliveryKey(delivery.messageId), delivery)
      return true
    } catch (err) {
      payload.logger.warn({ err, messageId: delivery.messageId, msg: 'Could not record a sent email; trying again' })
    }
  }
  payload.logger.error({
    messageId: delivery.messageId,
    msg: 'Sent email not recorded in the database; only the local acceptance journal knows it was sent',
  })
  return false
}

/**
 * The acceptance journal (see ../jobs/journal) covers the moment between the SMTP server's acceptance and
 * the database record: a process killed then leaves the acceptance on disk, and the retry of its job
 * records it instead of sending the message again. One small file per message in flight, named by a digest
 * of the Message-ID (which may hold any character), removed once the database has the record.
 */
const journalDir = (): string => path.join(dataDir(), 'email-journal')
const journalName = (messageId: string): string => createHash('sha256').update(messageId).digest('hex')

/** Notes an acceptance synchronously. Never throws: the message is out, and a failed job would send it again. */
export const journalAcceptance = ({ delivery, payload }: { delivery: Delivery; payload: Payload }): void => {
  try {
    const journal = openJournal<Delivery>({ dir: journalDir(), name: journalName(delivery.messageId) })
    journal.append(delivery)
    journal.close()
  } catch (err) {
    payload.logger.error({ err, messageId: delivery.messageId, msg: 'Could not note a sent email in the acceptance journal' })
  }
}

/** An acceptance noted on this machine by a process that died before the database record. */
export const journalledDelivery = ({ messageId }: { messageId: string }): Delivery | null =>
  readJournal<Delivery>({ dir: journalDir(), name: journalName(messageId) }).find((entry) => entry.messageId === messageId) ?? null

export const forgetJournalled = ({ messageId }: { messageId: string }): void =>
  removeJournal({ dir: journalDir(), name: journalName(messageId) })
