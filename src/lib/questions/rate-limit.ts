import { env } from '../env'
import { createRateLimiter } from '../http/rate-limit'
import { FORM_LIMIT_SECONDS, refusedSubmissions } from '../http/submission-limits'

/**
 * Accepted questions per client address. Generous, because a whole practice may share one outgoing address;
 * the per-email limit below keeps one busy asker from using up everyone's share.
 */
export const questionsPerAddress = createRateLimiter({
  durationSeconds: FORM_LIMIT_SECONDS,
  name: 'questions-address',
  points: () => env().QUESTION_RATE_LIMIT_MAX,
})

/** Accepted questions per asker email address. */
export const questionsPerEmail = createRateLimiter({
  durationSeconds: FORM_LIMIT_SECONDS,
  name: 'questions-email',
  points: () => env().QUESTION_EMAIL_RATE_LIMIT_MAX,
})

/** Emails differ only in case and spaces as people type them. */
export const emailKey = (email: unknown): string => (typeof email === 'string' ? email.trim().toLowerCase() : '')

export const resetQuestionRateLimit = async (): Promise<void> => {
  await Promise.all([questionsPerAddress.reset(), questionsPerEmail.reset(), refusedSubmissions.reset()])
}
