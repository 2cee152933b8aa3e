import type { Payload } from 'payload'

import type { User } from '../../payload-types'

import { isDatabaseUnavailable } from '../db/availability'
import { checkText } from '../input/text'

export type FeedbackInput = { comment?: unknown; page?: unknown; useful?: unknown; website?: unknown }

export type FeedbackResult =
  | { field: 'comment' | 'page' | 'useful'; message: string; ok: false; status: 400 | 422 }
  | { ok: true; stored: boolean }

export const COMMENT_MAX = 1000

/**
 * Validates and stores one "Was this page useful?" answer. The page must be one the visitor can see,
 * so feedback cannot probe for professional-only or draft pages. A filled honeypot is accepted
 * silently and dropped, so bots get no signal.
 */
export const submitFeedback = async ({
  input,
  payload,
  user,
}: {
  input: FeedbackInput
  payload: Payload
  user: null | User
}): Promise<FeedbackResult> => {
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
  await payload.create({ collection: 'feedback', data: { comment: comment || undefined, page: page.id, useful: input.useful === 'yes' } })
  return { ok: true, stored: true }
}
