import type { Payload } from 'payload'

import type { User } from '../../payload-types'

import { isDatabaseUnavailable } from '../db/availability'
import { env } from '../env'
import { createRateLimiter } from '../http/rate-limit'
import { acceptSubmission, beginSubmission, FORM_LIMIT_SECONDS, TOO_MANY_REFUSED, waitText } from '../http/submission-limits'
import { checkText } from '../input/text'
import { siteFeedbackPage } from './site-pages'

export type FeedbackInput = { answer?: unknown; comment?: unknown; page?: unknown; sitePage?: unknown; useful?: unknown; website?: unknown }

export type FeedbackResult =
  | { field: 'answer' | 'comment' | 'page' | 'sitePage' | 'useful'; message: string; ok: false; status: 400 | 422 }
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

/**
 * A published guidance page or published answer the visitor can see, so feedback cannot probe for
 * professional-only or draft pages.
 */
const documentTarget = async ({
  collection,
  id: pageId,
  payload,
  user,
}: {
  collection: 'pages' | 'questions-and-answers'
  id: string
  payload: Payload
  user: null | User
}) => {
  const page = await payload
    .findByID({
      collection,
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
  if (!page || page._status !== 'published') return null
  return collection === 'pages' ? { page: page.id } : { answer: page.id }
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
  const idOf = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '')
  for (const field of ['page', 'answer'] as const) {
    const value = input[field]
    if (value !== undefined && value !== null && typeof value !== 'string' && typeof value !== 'number')
      return { field, message: 'Give the page as its id.', ok: false, status: 400 }
  }
  const pageId = idOf(input.page)
  const answerId = idOf(input.answer)
  const sitePageKey = typeof input.sitePage === 'string' ? input.sitePage.trim() : ''
  const given = [pageId, answerId, sitePageKey].filter(Boolean).length
  if (!given) return { field: 'page', message: 'Say which page the feedback is about.', ok: false, status: 400 }
  if (given > 1)
    return {
      field: 'sitePage',
      message: 'Give one of a guidance page, a published answer or a site page, not more.',
      ok: false,
      status: 400,
    }
  if (input.useful !== 'yes' && input.useful !== 'no') {
    return { field: 'useful', message: 'Select yes or no.', ok: false, status: 400 }
  }
  const characters = checkText({ label: 'Your comment', multiline: true, value: input.comment })
  if (characters !== true) return { field: 'comment', message: characters, ok: false, status: 400 }
  const comment = typeof input.comment === 'string' ? input.comment.trim() : ''
  if (comment.length > COMMENT_MAX) {
    return { field: 'comment', message: `Comments can be at most ${COMMENT_MAX} characters.`, ok: false, status: 422 }
  }
  const target = sitePageKey
    ? siteTarget({ key: sitePageKey })
    : await documentTarget({ collection: answerId ? 'questions-and-answers' : 'pages', id: answerId || pageId, payload, user })
  if (!target)
    return { field: sitePageKey ? 'sitePage' : answerId ? 'answer' : 'page', message: 'That page does not exist.', ok: false, status: 422 }
  const slot = await acceptSubmission({ ip, slots: [{ key: ip, limiter: feedbackPerAddress }] })
  if (!slot.allowed)
    return limited({ message: 'You have sent feedback several times in a short time.', retryAfterSeconds: slot.retryAfterSeconds })
  await payload.create({ collection: 'feedback', data: { comment: comment || undefined, ...target, useful: input.useful === 'yes' } })
  return { ok: true, stored: true }
}
