import type { Payload } from 'payload'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Stops the job crons from starting new runs and waits for a run in progress to finish,
 * so a shutdown never cuts a job in half. Returns false if the deadline passed first.
 */
export const drainJobs = async ({ payload, timeoutMs }: { payload: Payload; timeoutMs: number }): Promise<boolean> => {
  const crons = [...payload.crons]
  for (const cron of crons) cron.pause()
  const deadline = Date.now() + timeoutMs
  while (crons.some((cron) => cron.isBusy())) {
    if (Date.now() > deadline) return false
    await sleep(50)
  }
  for (const cron of crons) cron.stop()
  payload.crons.splice(0, payload.crons.length)
  return true
}
