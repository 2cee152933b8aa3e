/**
 * Polls until `check` holds or the time is up; returns whether it held. Tests wait for a condition this
 * way rather than sleeping for a guessed time.
 */
export const waitFor = async ({
  check,
  intervalMs = 50,
  timeoutMs,
}: {
  check: () => boolean | Promise<boolean>
  intervalMs?: number
  timeoutMs: number
}): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await check()) return true
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
