import { createRateLimiter } from '../http/rate-limit'

const limiter = createRateLimiter({ max: Number(process.env.QUESTION_RATE_LIMIT_MAX || 5), name: 'questions', windowMs: 10 * 60 * 1000 })

export const QUESTION_LIMIT = { max: limiter.max, windowMs: limiter.windowMs }

/** Questions per client address: a few per ten minutes is plenty for people, and stops floods. */
export const takeQuestionSlot = limiter.take

export const resetQuestionRateLimit = (): void => limiter.reset()
