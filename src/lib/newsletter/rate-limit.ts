import { createRateLimiter } from '../http/rate-limit'

const limiter = createRateLimiter({ max: Number(process.env.NEWSLETTER_SIGNUP_RATE_LIMIT_MAX || 5), name: 'newsletter-signup', windowMs: 10 * 60 * 1000 })

export const SIGNUP_LIMIT = { max: limiter.max, windowMs: limiter.windowMs }

/** Sign-ups per client address: each sends an email, so a few per ten minutes. */
export const takeSignupSlot = limiter.take

export const resetSignupRateLimit = (): void => limiter.reset()
