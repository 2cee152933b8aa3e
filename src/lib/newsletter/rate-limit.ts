import { env } from '../env'
import { createRateLimiter } from '../http/rate-limit'
import { FORM_LIMIT_SECONDS, refusedSubmissions } from '../http/submission-limits'

/** Accepted sign-ups per client address: each sends an email, so a few per ten minutes. */
export const signupsPerAddress = createRateLimiter({
  durationSeconds: FORM_LIMIT_SECONDS,
  name: 'newsletter-signups',
  points: () => env().NEWSLETTER_SIGNUP_RATE_LIMIT_MAX,
})

export const SIGNUP_LIMITED = 'You have signed up several times in a short time.'

export const resetSignupRateLimit = async (): Promise<void> => {
  await Promise.all([signupsPerAddress.reset(), refusedSubmissions.reset()])
}
