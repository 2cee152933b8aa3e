import type { Payload } from 'payload'
import type { Logger } from 'pino'

import type { drainableServer } from '../lib/http/drain'

import { closeRateLimitStore } from '../lib/http/rate-limit'
import { drainJobs } from '../lib/jobs/drain'

/**
 * SIGTERM/SIGINT: stop accepting connections (readyz turns 503 at once), let in-flight requests and the
 * running job finish, close the database, exit 0. A second signal or the deadline forces the exit.
 */
export const installShutdown = ({
  close,
  logger,
  payload,
  server,
  state,
  timeoutMs,
}: {
  close?: () => Promise<void>
  logger: Logger
  payload: Payload
  server?: ReturnType<typeof drainableServer>
  state: { draining: boolean }
  timeoutMs: number
}): void => {
  const shutdown = async (signal: string) => {
    if (state.draining) {
      logger.warn({ signal }, 'second signal: exiting now')
      process.exit(1)
    }
    state.draining = true
    logger.info({ signal }, 'shutting down: finishing in-flight requests and jobs')
    const deadline = setTimeout(() => {
      logger.error('shutdown deadline passed: exiting')
      process.exit(1)
    }, timeoutMs + 5_000)
    deadline.unref()
    if (server && !(await server.drain({ timeoutMs }))) logger.warn('requests were still running at the deadline')
    const drained = await drainJobs({ payload, timeoutMs })
    if (!drained) logger.warn('a job was still running at the deadline')
    await close?.().catch((error) => logger.warn({ err: error }, 'closing the site failed'))
    await closeRateLimitStore().catch((error: unknown) => logger.warn({ err: error }, 'closing the rate-limit store failed'))
    await payload.db.destroy?.()
    logger.info('shutdown complete')
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}
