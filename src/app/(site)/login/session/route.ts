import config from '@payload-config'
import { generatePayloadCookie, getPayload } from 'payload'

import { clientIpOf } from '@/lib/auth/client'
import { isDatabaseUnavailable } from '@/lib/db/availability'
import { CLIENT_IP_HEADER } from '@/lib/http/client-ip'
import { unavailableFormPage } from '@/lib/http/unavailable-page'
import { LOGIN_SESSION, loginPath } from '@/lib/routes'
import { safeReturnPath } from '@/lib/site/urls'

const back = ({ location }: { location: string }) => new Response(null, { headers: { location }, status: 303 })

/**
 * Site sign-in (a plain form post): sets Payload's session cookie and returns to the page asked for. A wrong
 * password, an unknown address and a locked sign-in all come back as the same "wrong" (see lib/auth/sign-in).
 */
export const POST = async (request: Request) => {
  const payload = await getPayload({ config })
  const form = await request.formData().catch(() => null)
  const email = String(form?.get('email') ?? '').trim()
  const password = String(form?.get('password') ?? '')
  const next = safeReturnPath(form?.get('next'))
  // Parameter order as before: error, retry (when busy), next.
  const retry = (error: string, retryAfterSeconds?: number) => back({ location: loginPath({ error, retry: retryAfterSeconds, next }) })
  if (!email || !password) return retry('invalid')
  try {
    const result = await payload.login({
      collection: 'users',
      data: { email, password },
      // The client address, for the per-address sign-in limits.
      req: { headers: new Headers({ [CLIENT_IP_HEADER]: clientIpOf(request) }) },
    })
    if (!result.token) return retry('wrong')
    const cookie = generatePayloadCookie({
      collectionAuthConfig: payload.collections.users.config.auth,
      cookiePrefix: payload.config.cookiePrefix,
      token: result.token,
    })
    return new Response(null, { headers: { location: next, 'set-cookie': cookie }, status: 303 })
  } catch (error) {
    // "Wrong password" would be untrue when the accounts cannot be read at all.
    if (isDatabaseUnavailable(error)) {
      return unavailableFormPage({
        action: LOGIN_SESSION,
        fields: [
          { hidden: true, name: 'next', value: next },
          { label: 'Email address', name: 'email', value: email },
          { label: 'Password (type it again)', name: 'password', value: '' },
        ],
        what: 'sign-in',
      })
    }
    const { data, status } = error as { data?: { retryAfterSeconds?: number }; status?: number }
    if (status === 429) return retry('busy', data?.retryAfterSeconds ?? 900)
    return retry('wrong')
  }
}
