import type { Payload } from 'payload'

import { isDatabaseUnavailable, markUnavailablePage } from '../db/availability'
import { CURRENT_WORDING } from './consent'
import { takeSignupSlot } from './rate-limit'
import { requestSubscription, validateSignup } from './subscriptions'
import { orderedTopics } from './topics'

export type SignupState = { errors: { field: string; message: string }[]; values: { email: string; topics: string[] } } | null

const text = (value: FormDataEntryValue | null): string => (typeof value === 'string' ? value : '')

/**
 * The sign-up form's fields in, a confirmation email queued (`'sent'`) or the form's state out: errors naming
 * each field, with the address and topics as typed. The same rules and limit as POST /api/subscribers/signup.
 */
export const submitSignupForm = async ({ form, ip, payload }: { form: FormData; ip: string; payload: Payload }): Promise<'sent' | SignupState> => {
  const values = { email: text(form.get('email')).trim(), topics: form.getAll('topics').map(String) }
  if (text(form.get('website')).trim()) return { errors: [{ field: 'email', message: 'Your sign-up could not be accepted.' }], values }
  const slot = takeSignupSlot({ key: ip })
  if (!slot.allowed) {
    const minutes = Math.ceil(slot.retryAfterSeconds / 60)
    return { errors: [{ field: 'email', message: `You have tried to sign up several times in a short time. Please try again in ${minutes} minutes.` }], values }
  }
  const errors = validateSignup({ email: values.email, topics: values.topics })
  if (errors.length) return { errors, values }
  try {
    await requestSubscription({ email: values.email, payload, source: '/newsletter', topics: orderedTopics(values.topics), wording: CURRENT_WORDING.signup })
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error
    // Not signed up yet: say so, keep the address and topics, and let the page answer 503.
    markUnavailablePage()
    const message = 'You have not been signed up yet: the service is busy or briefly unavailable. Please try again in a minute.'
    return { errors: [{ field: 'email', message }], values }
  }
  return 'sent'
}
