type Window = { hits: number[] }

const STORE_KEY = Symbol.for('diabetes-hub.question-rate-limit')
const store = (): Map<string, Window> => {
  const holder = globalThis as unknown as Record<symbol, Map<string, Window> | undefined>
  holder[STORE_KEY] ??= new Map()
  return holder[STORE_KEY]
}

export const QUESTION_LIMIT = { max: Number(process.env.QUESTION_RATE_LIMIT_MAX || 5), windowMs: 10 * 60 * 1000 }

/**
 * Sliding-window limit on questions per client address, per process. With several web instances each keeps
 * its own count, so the effective limit is at most instances × max; enough to stop a flood from one address.
 */
export const takeQuestionSlot = ({ key, now = Date.now() }: { key: string; now?: number }): { allowed: boolean; retryAfterSeconds: number } => {
  const { max, windowMs } = QUESTION_LIMIT
  const windows = store()
  const window = windows.get(key) ?? { hits: [] }
  window.hits = window.hits.filter((at) => at > now - windowMs)
  if (window.hits.length >= max) {
    windows.set(key, window)
    return { allowed: false, retryAfterSeconds: Math.ceil((window.hits[0] + windowMs - now) / 1000) }
  }
  window.hits.push(now)
  windows.set(key, window)
  // Forget idle addresses so the map cannot grow without bound.
  if (windows.size > 10_000) for (const [other, entry] of windows) if (!entry.hits.some((at) => at > now - windowMs)) windows.delete(other)
  return { allowed: true, retryAfterSeconds: 0 }
}

export const resetQuestionRateLimit = (): void => store().clear()
