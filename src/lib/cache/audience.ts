import type { Request } from 'express'
import type { Payload } from 'payload'

import { executeAuthStrategies } from 'payload'

import { canReadProfessionalContent, hasRole, STAFF_ROLES } from '../access'

/**
 * Who a page is rendered for, as far as the site's pages differ: nobody signed in, an account that reads
 * public content only, or a professional. Staff are null (never cached): their pages show drafts and what
 * their own groups hold, so they may differ from person to person.
 */
export type PageAudience = 'anonymous' | 'professional' | 'signed-in'

export const hasCredentials = (req: Pick<Request, 'headers'>): boolean =>
  /(?:^|;\s*)payload-token=/.test(req.headers.cookie ?? '') || Boolean(req.headers.authorization)

const webHeaders = (req: Pick<Request, 'headers'>): Headers => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one)
  }
  return headers
}

/**
 * The audience of a request, checked as Payload checks it for the page itself (signature, expiry and a session
 * that has not been ended), so a cached page is never served to anyone the render would not show it to.
 * Payload's auth strategies alone: `payload.auth` also works out every collection's permissions, which a
 * page does not use and which costs more than serving the cached page.
 * Null when the request must be rendered: staff, or a check that could not be made (e.g. the database is down).
 */
export const requestAudience =
  ({ payload }: { payload: Payload }) =>
  async (req: Pick<Request, 'headers'>): Promise<null | PageAudience> => {
    if (!hasCredentials(req)) return 'anonymous'
    try {
      const { user } = await executeAuthStrategies({ headers: webHeaders(req), payload })
      if (!user) return 'anonymous'
      if (hasRole({ roles: STAFF_ROLES, user })) return null
      return canReadProfessionalContent(user) ? 'professional' : 'signed-in'
    } catch {
      return null
    }
  }
