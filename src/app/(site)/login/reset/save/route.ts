import config from '@payload-config'
import { getPayload } from 'payload'

import { setPasswordWithToken } from '@/lib/auth/set-password'
import { isDatabaseUnavailable } from '@/lib/db/availability'
import { unavailableFormPage } from '@/lib/http/unavailable-page'
import { loginPath, RESET_PASSWORD_SAVE, resetPasswordPath } from '@/lib/routes'

const to = (location: string) => new Response(null, { headers: { location }, status: 303 })

/** The reset form's post: a new password for the account the token names, then sign in with it. */
export const POST = async (request: Request) => {
  const payload = await getPayload({ config })
  const form = await request.formData().catch(() => null)
  const token = String(form?.get('token') ?? '')
  try {
    const outcome = await setPasswordWithToken({
      confirm: String(form?.get('confirm') ?? ''),
      password: String(form?.get('password') ?? ''),
      payload,
      token,
    })
    if (outcome.kind === 'done') return to(loginPath({ reset: 'done' }))
    const error = outcome.kind === 'expired' ? 'expired' : outcome.code
    return to(resetPasswordPath({ token, error }))
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error
    // Passwords are never written back into a page: the person types them again.
    return unavailableFormPage({
      action: RESET_PASSWORD_SAVE,
      fields: [{ hidden: true, name: 'token', value: token }],
      what: 'new password',
    })
  }
}
