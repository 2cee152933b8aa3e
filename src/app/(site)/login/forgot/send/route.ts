import config from '@payload-config'
import { getPayload } from 'payload'

import { clientIpOf } from '@/lib/auth/client'
import { requestPasswordReset } from '@/lib/auth/password-reset'
import { isDatabaseUnavailable } from '@/lib/db/availability'
import { unavailableFormPage } from '@/lib/http/unavailable-page'
import { FORGOT_PASSWORD_SEND, forgotPasswordPath, tooManyResetsPath } from '@/lib/routes'

const to = (location: string) => new Response(null, { headers: { location }, status: 303 })

/** The site's reset request (a plain form post): the same limits, answer and time as the API. */
export const POST = async (request: Request) => {
  const payload = await getPayload({ config })
  const form = await request.formData().catch(() => null)
  const email = String(form?.get('email') ?? '')
  try {
    const outcome = await requestPasswordReset({
      email,
      ip: clientIpOf(request),
      send: (address) => payload.forgotPassword({ collection: 'users', data: { email: address } as never }),
    })
    if (outcome.kind === 'invalid') return to(forgotPasswordPath({ error: 'invalid' }))
    if (outcome.kind === 'limited') return to(tooManyResetsPath({ retry: outcome.retryAfterSeconds }))
    return to(forgotPasswordPath({ sent: 1 }))
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error
    return unavailableFormPage({
      action: FORGOT_PASSWORD_SEND,
      fields: [{ label: 'Email address', name: 'email', value: email }],
      what: 'request',
    })
  }
}
