import type { RequestHandler } from 'express'
import type { AfterErrorHook } from 'payload'

import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable, withDatabaseScope } from '../db/availability'

/**
 * Payload's API: an error caused by the database being busy or unreachable is a 503 that says when to try
 * again, not a 500. Everything else is left as Payload answers it.
 */
export const answerDatabaseUnavailable: AfterErrorHook = ({ error, req }) => {
  if (!isDatabaseUnavailable(error)) return
  const headers = new Headers(req.responseHeaders)
  headers.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS))
  req.responseHeaders = headers
  return {
    response: {
      errors: [{ message: 'The service is busy or briefly unavailable. Nothing was saved. Please try again in a few seconds.' }],
    },
    status: 503,
  }
}

/**
 * Each request runs in a scope that records a database failure (see ../db/availability). A page that failed
 * because of one is answered 503 with Retry-After instead of 500, so people, proxies and monitors see "try
 * again shortly" rather than a fault. A form shown again, with what was typed, because it could not be saved
 * (503) or was over a rate limit (429) is answered with the status its page set.
 */
export const databaseScope = (): RequestHandler => (req, res, next) => {
  // A script-driven form post (Next's server action fetch) needs its 200 to apply the answer in place.
  const scripted = Boolean(req.headers['next-action'])
  withDatabaseScope((scope) => {
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => typeof res
    res.writeHead = ((statusCode: number, ...rest: unknown[]) => {
      const failed = statusCode === 500 && scope.databaseTrouble
      const keptForm = statusCode === 200 && !scripted ? scope.pageStatus : undefined
      if (failed || keptForm) {
        res.setHeader('Retry-After', String(keptForm?.retryAfterSeconds ?? DATABASE_RETRY_AFTER_SECONDS))
        res.setHeader('Cache-Control', 'no-store')
        return writeHead(keptForm?.status ?? 503, ...rest)
      }
      return writeHead(statusCode, ...rest)
    }) as typeof res.writeHead
    next()
  })
}
