import { PUBLISHED_ISSUE_STATUSES } from '../newsletter/issue-status'

/**
 * What the link check records and where it looks. No Payload and no network here, read by the
 * collection's config, the task, and the admin's lists.
 */

export const LINK_CHECKS = 'link-checks'
export const RETIRED_SERVICES = 'retired-services'

export const LINK_OUTCOMES = [
  { label: 'Working', value: 'ok' },
  { label: 'Broken', value: 'broken' },
  { label: 'Redirected', value: 'redirected' },
  { label: 'Retired service', value: 'retired' },
] as const

export type LinkOutcome = (typeof LINK_OUTCOMES)[number]['value']

/** Outcomes someone should act on: the work list and the edit view show these. */
export const PROBLEM_OUTCOMES: LinkOutcome[] = ['broken', 'redirected', 'retired']

/** Outcomes that put a page in "Reviews due" whatever its review date: what readers cannot use at all. */
export const REVIEW_OUTCOMES: LinkOutcome[] = ['broken', 'retired']

/** A document that uses a link, as stored on its row: `key` is `collection:id`, for queries. */
export type LinkUsage = { collection: string; docId: string; key: string; title: string }

export const usageKey = ({ collection, id }: { collection: string; id: number | string }): string => `${collection}:${id}`

/**
 * Published content whose links are checked: each collection, the fields that hold links or text (rich text,
 * addresses, plain text), and what "published" means for it. Collections a hub does not run are skipped.
 */
export type LinkSource = {
  collection: string
  fields: string[]
  /** Issues have a status of their own rather than drafts. */
  publishedStatuses?: readonly string[]
}

export const LINK_SOURCES: LinkSource[] = [
  { collection: 'pages', fields: ['body', 'summary', 'review'] },
  { collection: 'care-areas', fields: ['body', 'summary'] },
  { collection: 'updates', fields: ['body', 'summary', 'consultation'] },
  { collection: 'commissioning-tips', fields: ['body'] },
  { collection: 'parliamentary-questions', fields: ['sourceUrl', 'question', 'answer'] },
  { collection: 'documents', fields: ['summary', 'publisher'] },
  { collection: 'policies', fields: ['body', 'summary'] },
  { collection: 'questions-and-answers', fields: ['question', 'answer'] },
  // The web version of an issue: its introduction (items link to the hub's own pages).
  { collection: 'newsletters', fields: ['intro', 'preheader'], publishedStatuses: PUBLISHED_ISSUE_STATUSES },
]
