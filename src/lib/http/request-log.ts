import type { RequestHandler } from 'express'
import type { Logger } from 'pino'

import { randomUUID } from 'node:crypto'

/**
 * One log line per finished request. Only the path is logged: query strings can carry emails or search
 * terms, and IP addresses and user agents are personal data, so neither is recorded.
 */
export const requestLog = ({ logger }: { logger: Logger }): RequestHandler => (req, res, next) => {
  const started = process.hrtime.bigint()
  const id = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID()
  res.setHeader('X-Request-Id', id)
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    logger.info({
      bytes: Number(res.getHeader('content-length')) || undefined,
      method: req.method,
      ms: Math.round(ms * 10) / 10,
      path: req.originalUrl.split('?')[0],
      reqId: id,
      status: res.statusCode,
    })
  })
  next()
}
