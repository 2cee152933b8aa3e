import config from '@payload-config'
import { getPayload } from 'payload'

import { setPasswordWithToken } from '@/lib/auth/set-password'
import { isDatabaseUnavailable } from '@/lib/db/availability'
import { unavailableFormPage } from '@/lib/http/unavailable-page'

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
    if (outcome.kind === 'done') return to('/login?reset=done')
    const error = outcome.kind === 'expired' ? 'expired' : outcome.code
    return to(`/login/reset?token=${encodeURIComponent(token)}&error=${error}`)
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error
    // Passwords are never written back into a page: the person types them again.
    return unavailableFormPage({
      action: '/login/reset/save',
      fields: [{ hidden: true, name: 'token', value: token }],
      what: 'new password',
    })
  }
}
