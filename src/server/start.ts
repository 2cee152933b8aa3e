import http from 'node:http'
import pino from 'pino'

// `npm start` serves the production build (built just before, when stale) unless told otherwise (`npm run dev`).
const env = process.env as Record<string, string | undefined>
env.NODE_ENV ||= 'production'
const started = Date.now()
const { env: readEnv, exitOnInvalidEnvironment, logLevel, serverSettings } = await import('../lib/env')
// A bad setting stops here, with one message naming it, before anything connects or listens.
exitOnInvalidEnvironment()
const dev = readEnv().NODE_ENV === 'development'
const root = process.cwd()
// Written without blocking: under load, lines wait while the previous write is under way and go out together
// (a line per request written synchronously cost about a tenth of serving a cached page). Flushed on exit.
const logger = pino({ base: undefined, level: logLevel() }, pino.destination({ dest: 1, sync: false }))
const settings = serverSettings()

const { bootPayload, startJobCrons } = await import('./boot')
const { seed } = await import('../../seed/index')
const payload = await bootPayload({
  cron: false,
  prepare: (booted) =>
    seed({ log: (message) => console.log(message), payload: booted }).catch(async (error: Error) => {
      // A refused ADMIN_PASSWORD and the like: one clear line, not a stack trace.
      logger.fatal(error.message)
      await booted.destroy()
      process.exit(1)
    }),
})
// Jobs start once the seed is in, so none runs against half-seeded content.
await startJobCrons()

const { sharePageCacheInvalidations } = await import('../lib/cache/broadcast')
const stopSharingInvalidations = await sharePageCacheInvalidations({ payload })

const { default: next } = await import('next')
const nextApp = next({ dev, dir: root, hostname: settings.host, port: settings.port })
await nextApp.prepare()
const handle = nextApp.getRequestHandler()

const { cachedPagesFirst, createApp } = await import('./app')
const state = { draining: false }
const app = createApp({
  dev,
  livenessLimitMs: settings.livenessLimitMs,
  logger,
  nextHandler: (req, res) => handle(req, res),
  payload,
  state,
  trustProxy: settings.trustProxy,
})
const server = http.createServer(cachedPagesFirst({ app, dev, logger, trustProxy: settings.trustProxy }))
const { drainableServer } = await import('../lib/http/drain')
const drainable = drainableServer({ server })
// Installed before the server listens: a signal that arrives as soon as the hub answers still drains it.
let stopSearchIndex = (): void => undefined
const { installShutdown } = await import('./shutdown')
installShutdown({
  close: async () => {
    stopSearchIndex()
    await stopSharingInvalidations()
    await nextApp.close?.()
  },
  logger,
  payload,
  server: drainable,
  state,
  timeoutMs: settings.shutdownTimeoutMs,
})
await new Promise<void>((resolve) => server.listen(settings.port, settings.host, resolve))
logger.info(
  { database: payload.db.name, ms: Date.now() - started, url: `http://${settings.host}:${settings.port}` },
  `Diabetes Network Hub ready at http://${settings.host}:${settings.port} (admin: /admin)`,
)

// Only web processes search, so only they hold (and follow) an index; the worker does not. Built once the
// server listens, so the build does not share the thread with start-up; until it is built, search answers
// from the database.
const { startSearchIndex } = await import('../lib/search/sync')
stopSearchIndex = startSearchIndex({ payload })
