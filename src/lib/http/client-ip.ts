import type { RequestHandler } from 'express'

/** The header through which Express tells Payload's routes the client address it resolved. */
export const CLIENT_IP_HEADER = 'x-hub-client-ip'

/**
 * Express knows the client address (honouring TRUST_PROXY); the Next/Payload routes behind it only see
 * headers. Any incoming value is overwritten, so a client cannot choose its own address for rate limits.
 */
export const forwardClientIp = (): RequestHandler => (req, _res, next) => {
  req.headers[CLIENT_IP_HEADER] = req.ip ?? req.socket.remoteAddress ?? 'unknown'
  next()
}
