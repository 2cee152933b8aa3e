import type { Payload } from 'payload'

import type { User } from '../../payload-types'

import { isDatabaseUnavailable } from '../db/availability'
import { env } from '../env'
import { createRateLimiter } from '../http/rate-limit'
import { acceptSubmission, beginSubmission, FORM_LIMIT_SECONDS, TOO_MANY_REFUSED, waitText } from '../http/submission-limits'
import { checkText } from '../input/text'
import { siteFeedbackPage } from './site-pages'

export type FeedbackInput = { comment?: unknown; page?: unknown; sitePage?: unknown; useful?: unknown; website?: unknown }

export type FeedbackResult =
  | { field: 'comment' | 'page' | 'sitePage' | 'useful'; message: string; ok: false; status: 400 | 422 }
  | { message: string; ok: false; retryAfterSeconds: number; status: 429 }
  | { ok: true; stored: boolean }

export const COMMENT_MAX = 1000

/** Accepted answers per client address. */
export const feedbackPerAddress = createRateLimiter({
  durationSeconds: FORM_LIMIT_SECONDS,
  name: 'feedback',
  points: () => env().FEEDBACK_RATE_LIMIT_MAX,
})

const limited = ({ message, retryAfterSeconds }: { message: string; retryAfterSeconds: number }): FeedbackResult => ({
  message: `${message} Please wait ${waitText({ retryAfterSeconds })} and try again.`,
  ok: false,
  retryAfterSeconds,
  status: 429,
})

/** A published guidance page the visitor can see, so feedback cannot probe for professional-only or draft pages. */
const guidanceTarget = async ({ pageId, payload, user }: { pageId: string; payload: Payload; user: null | User }) => {
  const page = await payload
    .findByID({
      collection: 'pages',
      depth: 0,
      disableErrors: true,
      draft: false,
      id: pageId,
      overrideAccess: false,
      user: user ?? undefined,
    })
    .catch((error: unknown) => {
      // A malformed id is "no such page"; a database that cannot answer is not.
      if (isDatabaseUnavailable(error)) throw error
      return null
    })
  return page && page._status === 'published' ? { page: page.id } : null
}

/** One of the site's own pages that carry the form (public pages: nothing to probe). */
const siteTarget = ({ key }: { key: string }) => {
  const page = siteFeedbackPage(key)
  return page ? { sitePage: page.value } : null
}

/**
 * Validates and stores one "Was this page useful?" answer, about a guidance page the visitor can see or one
 * of the site's own pages. A filled honeypot is accepted silently and dropped, so bots get no signal (it still
 * counts as refused). Only stored answers count against the address's limit.
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
  const sitePageKey = typeof input.sitePage === 'string' ? input.sitePage.trim() : ''
  if (!pageId && !sitePageKey) return { field: 'page', message: 'Say which page the feedback is about.', ok: false, status: 400 }
  if (pageId && sitePageKey)
    return { field: 'sitePage', message: 'Give either a guidance page or a site page, not both.', ok: false, status: 400 }
  if (input.useful !== 'yes' && input.useful !== 'no') {
    return { field: 'useful', message: 'Select yes or no.', ok: false, status: 400 }
  }
  const characters = checkText({ label: 'Your comment', multiline: true, value: input.comment })
  if (characters !== true) return { field: 'comment', message: characters, ok: false, status: 400 }
  const comment = typeof input.comment === 'string' ? input.comment.trim() : ''
  if (comment.length > COMMENT_MAX) {
    return { field: 'comment', message: `Comments can be at most ${COMMENT_MAX} characters.`, ok: false, status: 422 }
  }
  const target = sitePageKey ? siteTarget({ key: sitePageKey }) : await guidanceTarget({ pageId, payload, user })
  if (!target) return { field: sitePageKey ? 'sitePage' : 'page', message: 'That page does not exist.', ok: false, status: 422 }
  const slot = await acceptSubmission({ ip, slots: [{ key: ip, limiter: feedbackPerAddress }] })
  if (!slot.allowed)
    return limited({ message: 'You have sent feedback several times in a short time.', retryAfterSeconds: slot.retryAfterSeconds })
  await payload.create({ collection: 'feedback', data: { comment: comment || undefined, ...target, useful: input.useful === 'yes' } })
  return { ok: true, stored: true }
}
