import config from '@payload-config'
import { createLocalReq, generateExpiredPayloadCookie, getPayload, logoutOperation } from 'payload'

import { isDatabaseUnavailable } from '@/lib/db/availability'
import { unavailableFormPage } from '@/lib/http/unavailable-page'
import { LOGOUT } from '@/lib/routes'

/**
 * Site sign-out: ends the session on the server (the token in the cookie is refused from then on, wherever
 * it was copied) and expires the cookie. POST only, so a link on another site cannot sign people out.
 */
export const POST = async (request: Request) => {
  const payload = await getPayload({ config })
  const expired = generateExpiredPayloadCookie({
    collectionAuthConfig: payload.collections.users.config.auth,
    cookiePrefix: payload.config.cookiePrefix,
  })
  try {
    const { user } = await payload.auth({ headers: request.headers })
    if (user?.collection === 'users') {
      await logoutOperation({ collection: payload.collections.users, req: await createLocalReq({ user }, payload) })
    }
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error
    // The session could not be ended: say so rather than look signed out while the token still works.
    const page = unavailableFormPage({ action: LOGOUT, fields: [], what: 'sign-out' })
    page.headers.set('set-cookie', expired)
    return page
  }
  // The browser drops the pages it kept while signed in, so Back on a shared computer shows none of them.
  return new Response(null, { headers: { 'clear-site-data': '"cache"', location: '/', 'set-cookie': expired }, status: 303 })
}
