import type { Request, RequestHandler } from 'express'

import { API, ONE_CLICK_UNSUBSCRIBE } from '../routes'

const WRITES = new Set(['DELETE', 'PATCH', 'POST', 'PUT'])
// RFC 8058 one-click unsubscribe: mail programs post it from wherever they run, with no session.
const CROSS_SITE_ALLOWED = [ONE_CLICK_UNSUBSCRIBE]
const SESSION_COOKIE = /(?:^|;\s*)payload-token=/

const originOf = (value: string): null | string => {
  try {
    return new URL(value).origin
  } catch {
    return null
  }
}

/** Where the request came from, as the browser tells it; null when nothing says (a client that is not a browser). */
const claimedOrigin = (req: Request): null | string | undefined => {
  const origin = req.get('origin')
  if (origin !== undefined) return origin === 'null' ? 'null' : originOf(origin)
  const referer = req.get('referer')
  return referer ? originOf(referer) : undefined
}

/**
 * Refuses state-changing requests a browser sends from another site (CSRF): the API, the admin, and the
 * site's forms (ask, feedback, newsletter, sign-in). A browser says where a request comes from
 * (`Sec-Fetch-Site`, `Origin`, or at least `Referer`), and it must be the hub itself: `publicUrl`, or the
 * host the request was addressed to (a browser cannot forge Host). Clients that are not browsers send
 * none of these and carry no cookies of a signed-in person, so they pass; Payload's own `csrf` list then
 * ignores a session cookie sent from anywhere else.
 */
export const refuseCrossSiteWrites = ({ publicUrl }: { publicUrl: string }): RequestHandler => {
  const publicOrigin = publicUrl ? originOf(publicUrl) : null
  return (req, res, next) => {
    if (!WRITES.has(req.method)) return next()
    if (CROSS_SITE_ALLOWED.includes(req.path) && !SESSION_COOKIE.test(req.headers.cookie ?? '')) return next()
    const site = req.get('sec-fetch-site')
    const claimed = claimedOrigin(req)
    // Host, not scheme: behind a TLS proxy without TRUST_PROXY the request itself looks like plain HTTP.
    const fromHere = claimed !== null && claimed !== 'null' && claimed !== undefined && new URL(claimed).host === req.get('host')
    const sameSite = site
      ? site === 'same-origin' || site === 'none'
      : claimed === undefined || fromHere || (publicOrigin !== null && claimed === publicOrigin)
    if (sameSite) return next()
    res.status(403).set('Cache-Control', 'no-store')
    const message = 'This request came from another website and was refused. Use the form on the hub itself.'
    if (req.path.startsWith(API)) res.json({ errors: [{ message }] })
    else res.type('text/plain').send(message)
  }
}
