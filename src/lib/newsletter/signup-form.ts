import type { Payload } from 'payload'

import { isDatabaseUnavailable, markPageStatus, markUnavailablePage } from '../db/availability'
import { acceptSubmission, beginSubmission, TOO_MANY_REFUSED, waitText } from '../http/submission-limits'
import { NEWSLETTER } from '../routes'
import { CURRENT_WORDING } from './consent'
import { SIGNUP_LIMITED, signupsPerAddress } from './rate-limit'
import { validateSignup } from './subscription-input'
import { requestSubscription } from './subscription-lifecycle'
import { orderedTopics } from './topics'

export type SignupState = { errors: { field: string; message: string }[]; values: { email: string; topics: string[] } } | null

const text = (value: FormDataEntryValue | null): string => (typeof value === 'string' ? value : '')

/**
 * The sign-up form's fields in, a confirmation email queued (`'sent'`) or the form's state out: errors naming
 * each field, with the address and topics as typed. The same rules and limits as POST /api/subscribers/signup:
 * failed attempts count against the address's ceiling for refusals, only accepted sign-ups against its limit.
 */
export const submitSignupForm = async ({
  form,
  ip,
  payload,
}: {
  form: FormData
  ip: string
  payload: Payload
}): Promise<'sent' | SignupState> => {
  const values = { email: text(form.get('email')).trim(), topics: form.getAll('topics').map(String) }
  // Not signed up: keep the address and topics, say when to try again, and let the page answer 429.
  const tooMany = ({ message, retryAfterSeconds }: { message: string; retryAfterSeconds: number }): SignupState => {
    markPageStatus({ retryAfterSeconds, status: 429 })
    return {
      errors: [
        { field: 'email', message: `You have not been signed up. ${message} Please try again in ${waitText({ retryAfterSeconds })}.` },
      ],
      values,
    }
  }
  const attempt = await beginSubmission({ ip })
  if (!attempt.allowed) return tooMany({ message: TOO_MANY_REFUSED, retryAfterSeconds: attempt.retryAfterSeconds })
  if (text(form.get('website')).trim()) return { errors: [{ field: 'email', message: 'Your sign-up could not be accepted.' }], values }
  const errors = validateSignup({ email: values.email, topics: values.topics })
  if (errors.length) return { errors, values }
  const slot = await acceptSubmission({ ip, slots: [{ key: ip, limiter: signupsPerAddress }] })
  if (!slot.allowed) return tooMany({ message: SIGNUP_LIMITED, retryAfterSeconds: slot.retryAfterSeconds })
  try {
    await requestSubscription({
      email: values.email,
      payload,
      source: NEWSLETTER,
      topics: orderedTopics(values.topics),
      wording: CURRENT_WORDING.signup,
    })
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error
    // Not signed up yet: say so, keep the address and topics, and let the page answer 503.
    markUnavailablePage()
    const message = 'You have not been signed up yet: the service is busy or briefly unavailable. Please try again in a minute.'
    return { errors: [{ field: 'email', message }], values }
  }
  return 'sent'
}
