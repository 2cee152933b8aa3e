import pino from 'pino'

// The worker exists to run jobs, whatever the web instances are configured to do.
process.env.JOBS_AUTORUN = 'true'
const env = process.env as Record<string, string | undefined>
env.NODE_ENV ||= 'production'

const { exitOnInvalidEnvironment, logLevel, serverSettings } = await import('../lib/env')
exitOnInvalidEnvironment()
const logger = pino({ base: undefined, level: logLevel() })
const { bootPayload } = await import('./boot')
const { installShutdown } = await import('./shutdown')
const { DEFAULT_QUEUE, NEWSLETTER_QUEUE } = await import('../lib/jobs/names')

const payload = await bootPayload({ cron: true })
logger.info({ database: payload.db.name, queues: [DEFAULT_QUEUE, NEWSLETTER_QUEUE] }, 'job worker running')
installShutdown({ logger, payload, state: { draining: false }, timeoutMs: serverSettings().shutdownTimeoutMs })
