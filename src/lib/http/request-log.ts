import type { RequestHandler } from 'express'
import type { IncomingHttpHeaders } from 'node:http'
import type { Logger } from 'pino'

import { randomUUID } from 'node:crypto'

/**
 * One log line per finished request. Only the path is logged: query strings can carry emails or search
 * terms, and IP addresses and user agents are personal data, so neither is recorded.
 */
/** The caller's X-Request-Id (cut to 64 characters) or a new one. */
export const requestId = (headers: IncomingHttpHeaders): string =>
  (headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID()

export const logRequest = ({
  bytes,
  id,
  logger,
  method,
  ms,
  url,
  status,
}: {
  bytes?: number
  id: string
  logger: Logger
  method?: string
  ms: number
  status: number
  url: string
}) => logger.info({ bytes: bytes || undefined, method, ms: Math.round(ms * 10) / 10, path: url.split('?')[0], reqId: id, status })

export const requestLog =
  ({ logger }: { logger: Logger }): RequestHandler =>
  (req, res, next) => {
    const started = process.hrtime.bigint()
    const id = requestId(req.headers)
    res.setHeader('X-Request-Id', id)
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      logRequest({
        bytes: Number(res.getHeader('content-length')),
        id,
        logger,
        method: req.method,
        ms,
        status: res.statusCode,
        url: req.originalUrl,
      })
    })
    next()
  }
