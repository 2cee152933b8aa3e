import type { Payload } from 'payload'
import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible'

import { createHmac, randomBytes } from 'node:crypto'

import type { LimitSpec, RateLimitStore } from './rate-limit-store'

import { memoryStore, openRateLimitStore } from './rate-limit-store'

export type RateLimitSlot = { allowed: boolean; retryAfterSeconds: number }

type Registry = { fallback: RateLimitStore; keySecret: string; lastWarned: Map<string, number>; store: RateLimitStore }

// One per process: the Express server and the Next.js bundle each load their own copy of this module.
const REGISTRY_KEY = Symbol.for('diabetes-hub.rate-limit-store')
const holder = globalThis as unknown as Record<symbol, Registry | undefined>

const consoleWarn = (details: Record<string, unknown>, message: string) => console.warn(message, details)

const registry = (): Registry => {
  holder[REGISTRY_KEY] ??= {
    fallback: memoryStore({ warn: consoleWarn }),
    keySecret: randomBytes(32).toString('hex'),
    lastWarned: new Map(),
    // No hub booted in this process (a script, a unit test): counts stay in memory.
    store: memoryStore({ warn: consoleWarn }),
  }
  return holder[REGISTRY_KEY]
}

/**
 * Opens the rate-limit store of the hub's database for this process, closing any earlier one (tests boot
 * several hubs in one process). Called once the hub has booted; until then counts stay in memory.
 */
export const useRateLimitStore = async ({ payload }: { payload: Payload }): Promise<RateLimitStore> => {
  const previous = holder[REGISTRY_KEY]?.store
  const store = openRateLimitStore({ payload })
  holder[REGISTRY_KEY] = { fallback: memoryStore({ warn: store.warn }), keySecret: payload.secret, lastWarned: new Map(), store }
  await previous?.close().catch(() => undefined)
  return store
}

export const closeRateLimitStore = async (): Promise<void> => {
  await holder[REGISTRY_KEY]?.store.close()
  holder[REGISTRY_KEY] = undefined
}

// The library rejects with its result object when a limit is reached, and with an Error when the store fails.
const isRefusal = (outcome: unknown): outcome is RateLimiterRes =>
  !(outcome instanceof Error) && typeof (outcome as RateLimiterRes | undefined)?.msBeforeNext === 'number'

const refusal = (outcome: RateLimiterRes): RateLimitSlot => ({
  allowed: false,
  retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)),
})

const ALLOWED: RateLimitSlot = { allowed: true, retryAfterSeconds: 0 }

// Counts are kept under a keyed hash: the table never holds the addresses and emails it limits.
const hashed = ({ key, secret }: { key: string; secret: string }) =>
  createHmac('sha256', secret).update(key).digest('base64url').slice(0, 32)

export type RateLimiter = {
  /** The same as `take`. */
  consume: (args: { key: string }) => Promise<RateLimitSlot>
  durationSeconds: number
  name: string
  points: () => number
  /** Gives back one counted by `take`, for something counted early that was not accepted after all. */
  refund: (args: { key: string }) => Promise<void>
  /** Forgets the count of one key, or of every key. */
  reset: (args?: { key?: string }) => Promise<void>
  /** Counts one for `key`; refused (with the seconds until the window ends) once `points` are used. */
  take: (args: { key: string }) => Promise<RateLimitSlot>
}

/**
 * A fixed-window limit shared by every instance of the hub: counts live in the database (see
 * ./rate-limit-store). When the database cannot answer, the count goes on in this process's memory with a
 * warning, so a store failure never fails the request it limits. `points` may be a function, read at each
 * call, so a setting changed between tests takes effect.
 */
export const createRateLimiter = ({
  durationSeconds,
  name,
  points,
}: {
  durationSeconds: number
  name: string
  points: (() => number) | number
}): RateLimiter => {
  const pointsNow = typeof points === 'function' ? points : () => points
  const spec = (): LimitSpec => ({ durationSeconds, name, points: pointsNow() })

  const warnFallback = ({ error }: { error: unknown }) => {
    const { lastWarned, store } = registry()
    const now = Date.now()
    if (now - (lastWarned.get(name) ?? 0) < 60_000) return
    lastWarned.set(name, now)
    store.warn({ err: error, limiter: name }, 'Rate-limit store unavailable: counting in this process until it answers')
  }

  /** Runs one library call on the store, or on the in-memory fallback when the store fails. */
  const run = async <T>({
    call,
    key,
  }: {
    call: (limiter: RateLimiterAbstract, storedKey: string) => Promise<T>
    key: string
  }): Promise<T> => {
    const { fallback, keySecret, store } = registry()
    const storedKey = hashed({ key, secret: keySecret })
    try {
      return await call(await store.limiter(spec()), storedKey)
    } catch (outcome) {
      if (isRefusal(outcome)) throw outcome
      warnFallback({ error: outcome })
      return call(await fallback.limiter(spec()), storedKey)
    }
  }

  const take = async ({ key }: { key: string }): Promise<RateLimitSlot> => {
    try {
      await run({ call: (limiter, storedKey) => limiter.consume(storedKey, 1), key })
      return ALLOWED
    } catch (outcome) {
      if (isRefusal(outcome)) return refusal(outcome)
      // Even the in-memory count failed: let the request through rather than fail it.
      warnFallback({ error: outcome })
      return ALLOWED
    }
  }

  const refund = async ({ key }: { key: string }): Promise<void> => {
    await run({ call: (limiter, storedKey) => limiter.reward(storedKey, 1), key }).catch((error: unknown) => warnFallback({ error }))
  }

  const reset = async ({ key }: { key?: string } = {}): Promise<void> => {
    const { fallback, store } = registry()
    if (key !== undefined) {
      await run({ call: (limiter, storedKey) => limiter.delete(storedKey), key })
      return
    }
    await Promise.all([store.clear({ name }), fallback.clear({ name })])
  }

  return { consume: take, durationSeconds, name, points: pointsNow, refund, reset, take }
}
