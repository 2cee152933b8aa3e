import config from '@payload-config'
import { generateExpiredPayloadCookie, getPayload } from 'payload'

/** Site sign-out: expires the session cookie. POST only, so a link on another site cannot sign people out. */
export const POST = async () => {
  const payload = await getPayload({ config })
  const cookie = generateExpiredPayloadCookie({
    collectionAuthConfig: payload.collections.users.config.auth,
    cookiePrefix: payload.config.cookiePrefix,
  })
  return new Response(null, { headers: { location: '/', 'set-cookie': cookie }, status: 303 })
}
