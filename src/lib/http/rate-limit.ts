type Window = { hits: number[] }

/**
 * A sliding-window limit per key (a client address), kept in this process. With several web instances each
 * keeps its own count, so the effective limit is at most instances × max: enough to stop a flood.
 */
export const createRateLimiter = ({ max, name, windowMs }: { max: number; name: string; windowMs: number }) => {
  const storeKey = Symbol.for(`diabetes-hub.rate-limit.${name}`)
  const store = (): Map<string, Window> => {
    const holder = globalThis as unknown as Record<symbol, Map<string, Window> | undefined>
    holder[storeKey] ??= new Map()
    return holder[storeKey]
  }
  const take = ({ key, now = Date.now() }: { key: string; now?: number }): { allowed: boolean; retryAfterSeconds: number } => {
    const windows = store()
    const window = windows.get(key) ?? { hits: [] }
    window.hits = window.hits.filter((at) => at > now - windowMs)
    if (window.hits.length >= max) {
      windows.set(key, window)
      return { allowed: false, retryAfterSeconds: Math.ceil((window.hits[0] + windowMs - now) / 1000) }
    }
    window.hits.push(now)
    windows.set(key, window)
    // Forget idle keys so the map cannot grow without bound.
    if (windows.size > 10_000) for (const [other, entry] of windows) if (!entry.hits.some((at) => at > now - windowMs)) windows.delete(other)
    return { allowed: true, retryAfterSeconds: 0 }
  }
  /** Gives back the latest hit of a key: an attempt counted in advance that turned out not to count (a sign-in that succeeded). */
  const refund = ({ key }: { key: string }): void => {
    store().get(key)?.hits.pop()
  }
  return { max, refund, reset: () => store().clear(), take, windowMs }
}
