/**
 * Runs `work` for every item, at most `total` at once and at most `perHost` at once for items of the same
 * host, so no site gets more than a couple of requests from the hub at a time. `work` must not throw.
 */
export const forEachLimited = async <T>({
  hostOf,
  items,
  perHost,
  total,
  work,
}: {
  hostOf: (item: T) => string
  items: T[]
  perHost: number
  total: number
  work: (item: T) => Promise<void>
}): Promise<void> => {
  const waiting = [...items]
  const busy = new Map<string, number>()
  let running = 0
  await new Promise<void>((resolve) => {
    const start = () => {
      if (!waiting.length && !running) return resolve()
      for (let index = 0; index < waiting.length && running < total;) {
        const item = waiting[index]!
        const host = hostOf(item)
        if ((busy.get(host) ?? 0) >= perHost) {
          index++
          continue
        }
        waiting.splice(index, 1)
        running++
        busy.set(host, (busy.get(host) ?? 0) + 1)
        void work(item).finally(() => {
          running--
          busy.set(host, (busy.get(host) ?? 1) - 1)
          start()
        })
      }
    }
    start()
  })
}
