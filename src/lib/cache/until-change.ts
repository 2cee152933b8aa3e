import type { Payload } from 'payload'

import { pageCacheStats } from './page-cache'

// Read again at least this often, whatever else happens: another instance's change may have been announced before
// its commit, when this one could still read the old rows.
const MAX_AGE_MS = 60_000

type Held<T> = { generation: number; loadedAt: number; value: T }
type Slot<T> = { held?: Held<T>; loading?: Promise<T> }

/**
 * A value read from the database and held in memory until content changes (the signal that empties the page
 * cache, on every instance) or a minute passes, one per Payload. Concurrent readers share one load; a failed
 * load is not kept.
 */
export const heldUntilChange = <T>({ load }: { load: (args: { payload: Payload }) => Promise<T> }) => {
  const slots = new WeakMap<Payload, Slot<T>>()
  return async ({ payload }: { payload: Payload }): Promise<T> => {
    const current = slots.get(payload) ?? {}
    slots.set(payload, current)
    const generation = pageCacheStats().generation
    if (current.held?.generation === generation && Date.now() - current.held.loadedAt < MAX_AGE_MS) return current.held.value
    current.loading ??= load({ payload })
      .then((value) => {
        current.held = { generation, loadedAt: Date.now(), value }
        return value
      })
      .finally(() => {
        current.loading = undefined
      })
    return current.loading
  }
}
