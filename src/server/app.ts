import type { Express, RequestHandler } from 'express'
import type { Payload } from 'payload'
import type { Logger } from 'pino'

import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'

import compression from 'compression'
import express from 'express'
import path from 'node:path'

import { knownAudience, requestAudience } from '../lib/cache/audience'
import { answerFromPageCache, pageCache } from '../lib/cache/page-cache'
import { processLiveness } from '../lib/db/liveness'
import { serverURL } from '../lib/env'
import { databaseReadiness } from '../lib/db/readiness'
import { forwardClientIp } from '../lib/http/client-ip'
import { logRequest, requestId, requestLog } from '../lib/http/request-log'
import { refuseCrossSiteWrites } from '../lib/http/same-origin'
import { answerErrors, refuseMalformedRequests } from '../lib/input/request-guard'
import { HSTS, securityHeaderPairs, securityHeaders } from '../lib/http/security-headers'
import { staticAssets } from '../lib/http/static-assets'
import { databaseScope } from '../lib/http/unavailable'
import { ASSETS, FORGOT_PASSWORD_TOO_MANY, HEALTHZ, READYZ, SEARCH_API, SITE_PATH_HEADER } from '../lib/routes'
import { countNotFound } from '../lib/redirects/not-found'
import { applyRedirects } from '../lib/redirects/table'
import { searchRoute } from '../lib/search/api'

export type AppState = { draining: boolean }

const nhsukDist = path.resolve(process.cwd(), 'node_modules/nhsuk-frontend/dist/nhsuk')

/**
 * The Express layer in front of Next: health checks, request logs, security headers, refusal of malformed
 * requests and static design-system assets. No body parser is mounted: Payload's routes read the raw request
 * themselves.
 */
export const createApp = ({
  dev,
  livenessLimitMs = 30_000,
  logger,
  nextHandler,
  payload,
  state,
  trustProxy,
}: {
  dev: boolean
  /** /healthz fails once the database pool or writer queue has been stuck this long. */
  livenessLimitMs?: number
  logger: Logger
  nextHandler?: RequestHandler
  payload: Payload
  state: AppState
  trustProxy: number
}): Express => {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', trustProxy)
  app.use(requestLog({ logger }))
  app.use(forwardClientIp())
  app.use(securityHeaders({ dev }))
  // A write from another website is refused whatever it carries (headers only).
  app.use(refuseCrossSiteWrites({ publicUrl: serverURL() }))
  // Before anything reads the address or the body: a malformed request is a 4xx here, never a 500 later.
  app.use(refuseMalformedRequests())
  app.use(databaseScope())

  // Liveness, not readiness: an unreachable database is not this process's fault, a wedged one is.
  app.get(HEALTHZ, (_req, res) => {
    res.set('Cache-Control', 'no-store')
    const liveness = processLiveness({ limitMs: livenessLimitMs })
    if (liveness.ok) res.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) })
    else res.status(503).json({ reason: liveness.reason, status: 'wedged' })
  })

  app.get(READYZ, async (_req, res) => {
    res.set('Cache-Control', 'no-store')
    if (state.draining) {
      res.status(503).json({ reason: 'shutting down', status: 'unavailable' })
      return
    }
    const readiness = await databaseReadiness({ payload })
    if (readiness.ok) res.json({ database: payload.db.name, status: 'ready' })
    else res.status(503).json({ reason: readiness.reason, status: 'unavailable' })
  })

  // The stylesheet and scripts pages link, fingerprinted and precompressed.
  app.use(staticAssets())
  // Everything else is compressed as it goes out, as the client accepts (Brotli or gzip; Vary: Accept-Encoding).
  // Pages from the page cache come precompressed and pass through untouched.
  // Not a byte range: compressing one would give the client bytes that do not fit the rest of the file.
  app.use(compression({ filter: (req, res) => !req.headers.range && res.statusCode !== 206 && compression.filter(req, res) }))
  // The design system's icons, at the fixed addresses its stylesheet names: kept a day, then checked again.
  const staticOptions = { fallthrough: true, index: false, maxAge: dev ? 0 : '1d' }
  app.use(ASSETS, express.static(path.join(nhsukDist, 'assets'), staticOptions))

  // The rate-limit pages say 429, so clients and monitors see a refusal, not a success.
  app.get(FORGOT_PASSWORD_TOO_MANY, (req, res, next) => {
    res.status(429).setHeader('Retry-After', String(Math.min(3600, Number(req.query.retry) || 600)))
    next()
  })

  // Searches by readers whose audience is known are answered here rather than through Next's routing.
  app.get(SEARCH_API, searchRoute({ payload }))

  if (nextHandler) {
    // The site's layout marks the current section from the address; set here, so a client cannot send its own.
    app.use((req, _res, next) => {
      req.headers[SITE_PATH_HEADER] = req.path
      next()
    })
    // Old addresses lead on before the site renders anything; those that lead nowhere are counted for editors.
    app.use(applyRedirects({ payload }))
    app.use(countNotFound({ payload }))
    // In development pages change with the code, not only with the content.
    if (!dev) app.use(pageCache({ audienceOf: requestAudience({ payload }) }))
    app.use(nextHandler)
  }
  app.use(answerErrors({ logger }))
  return app
}

/** HTTPS as Express's `req.secure` works it out: TLS here, or X-Forwarded-Proto from a trusted proxy. */
const isSecure = ({ req, trustProxy }: { req: IncomingMessage; trustProxy: number }): boolean => {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true
  const forwarded = trustProxy > 0 ? req.headers['x-forwarded-proto'] : undefined
  return typeof forwarded === 'string' && forwarded.split(',')[0]!.trim() === 'https'
}

/**
 * The server's request listener: a page stored in the page cache, for a reader whose audience is known without
 * a database read, is answered straight from memory with the same headers and log line as any answer;
 * everything else goes through the Express app. Express's routing and middleware cost several times what
 * sending a stored page does, and cached pages are most of what a public site serves.
 */
export const cachedPagesFirst = ({
  app,
  dev,
  logger,
  trustProxy,
}: {
  app: RequestListener
  dev: boolean
  logger: Logger
  trustProxy: number
}): RequestListener => {
  if (dev) return app
  const security = securityHeaderPairs({ dev }).flat()
  return (req: IncomingMessage, res: ServerResponse) => {
    const audience = knownAudience(req)
    if (audience) {
      const started = performance.now()
      const id = requestId(req.headers)
      const headers = [...security, ...(isSecure({ req, trustProxy }) ? HSTS : []), 'X-Request-Id', id]
      const bytes = answerFromPageCache({ audience, headers, req, res })
      if (bytes !== null) {
        logRequest({ bytes, id, logger, method: req.method, ms: performance.now() - started, status: res.statusCode, url: req.url ?? '' })
        return
      }
    }
    app(req, res)
  }
}
