import type { Payload } from 'payload'

import type { User } from '../../payload-types'

import { isDatabaseUnavailable } from '../db/availability'
import { env } from '../env'
import { createRateLimiter } from '../http/rate-limit'
import { acceptSubmission, beginSubmission, FORM_LIMIT_SECONDS, TOO_MANY_REFUSED, waitText } from '../http/submission-limits'
import { checkText } from '../input/text'

export type FeedbackInput = { comment?: unknown; page?: unknown; useful?: unknown; website?: unknown }

export type FeedbackResult =
  | { field: 'comment' | 'page' | 'useful'; message: string; ok: false; status: 400 | 422 }
  | { message: string; ok: false; retryAfterSeconds: number; status: 429 }
  | { ok: true; stored: boolean }

export const COMMENT_MAX = 1000

/** Accepted answers per client address. */
export const feedbackPerAddress = createRateLimiter({ durationSeconds: FORM_LIMIT_SECONDS, name: 'feedback', points: () => env().FEEDBACK_RATE_LIMIT_MAX })

const limited = ({ message, retryAfterSeconds }: { message: string; retryAfterSeconds: number }): FeedbackResult => ({
  message: `${message} Please wait ${waitText({ retryAfterSeconds })} and try again.`,
  ok: false,
  retryAfterSeconds,
  status: 429,
})

/**
 * Validates and stores one "Was this page useful?" answer. The page must be one the visitor can see,
 * so feedback cannot probe for professional-only or draft pages. A filled honeypot is accepted
 * silently and dropped, so bots get no signal (it still counts as refused). Only stored answers count
 * against the address's limit.
 */
export const submitFeedback = async ({
  input,
  ip,
  payload,
  user,
}: {
  input: FeedbackInput
  ip: string
  payload: Payload
  user: null | User
}): Promise<FeedbackResult> => {
  const attempt = await beginSubmission({ ip })
  if (!attempt.allowed) return limited({ message: TOO_MANY_REFUSED, retryAfterSeconds: attempt.retryAfterSeconds })
  if (typeof input.website === 'string' && input.website.trim()) return { ok: true, stored: false }
  const pageId = typeof input.page === 'string' || typeof input.page === 'number' ? String(input.page).trim() : ''
  if (!pageId) return { field: 'page', message: 'Say which page the feedback is about.', ok: false, status: 400 }
  if (input.useful !== 'yes' && input.useful !== 'no') {
    return { field: 'useful', message: 'Select yes or no.', ok: false, status: 400 }
  }
  const characters = checkText({ label: 'Your comment', multiline: true, value: input.comment })
  if (characters !== true) return { field: 'comment', message: characters, ok: false, status: 400 }
  const comment = typeof input.comment === 'string' ? input.comment.trim() : ''
  if (comment.length > COMMENT_MAX) {
    return { field: 'comment', message: `Comments can be at most ${COMMENT_MAX} characters.`, ok: false, status: 422 }
  }
  const page = await payload
    .findByID({ collection: 'pages', depth: 0, disableErrors: true, draft: false, id: pageId, overrideAccess: false, user: user ?? undefined })
    .catch((error: unknown) => {
      // A malformed id is "no such page"; a database that cannot answer is not.
      if (isDatabaseUnavailable(error)) throw error
      return null
    })
  if (!page || page._status !== 'published') return { field: 'page', message: 'That page does not exist.', ok: false, status: 422 }
  const slot = await acceptSubmission({ ip, slots: [{ key: ip, limiter: feedbackPerAddress }] })
  if (!slot.allowed) return limited({ message: 'You have sent feedback several times in a short time.', retryAfterSeconds: slot.retryAfterSeconds })
  await payload.create({ collection: 'feedback', data: { comment: comment || undefined, page: page.id, useful: input.useful === 'yes' } })
  return { ok: true, stored: true }
}
