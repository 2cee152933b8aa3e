import type { Payload, PayloadRequest, Where } from 'payload'

import { Forbidden } from 'payload'

import type { CareArea, User } from '../../payload-types'

import { CONTENT_STAFF, hasRole } from '../access'
import { isoDay, relationId } from '../site/format'

type MaybeUser = PayloadRequest['user'] | null | undefined

/**
 * Who is asking. Without `user` the call is trusted server code (access not applied); with `user` (even
 * `null`, for an anonymous request) every read runs as that user and non-content-staff are refused.
 */
type Requester = { req?: Partial<PayloadRequest>; user?: MaybeUser }

const DAY_MS = 24 * 60 * 60 * 1000

const asRequester = ({ req, user }: Requester) =>
  user === undefined ? { overrideAccess: true, req } : { overrideAccess: false, req, user: user ?? undefined }

/**
 * Refuses anyone outside content staff up front: pages' read access lets professionals see published
 * pages, so without this they would still get the published part of the list.
 */
const assertContentStaff = ({ req, user }: Requester): void => {
  if (user !== undefined && !hasRole({ roles: CONTENT_STAFF, user })) throw new Forbidden(req?.t)
}

/** Whole UK calendar days from `from` to `to`, so "due in 1 day" means tomorrow whatever the hour. */
const ukDaysBetween = ({ from, to }: { from: Date; to: Date }): number =>
  Math.round((Date.parse(isoDay(to.toISOString())) - Date.parse(isoDay(from.toISOString()))) / DAY_MS)

export type ReviewDueRow = {
  careArea: null | string
  daysUntilDue: number
  id: number | string
  nextReviewDue: string
  owner: null | string
  title: string
}

const ownerLabel = (owner: unknown): null | string => {
  if (!owner || typeof owner !== 'object') return null
  const { email, name } = owner as Partial<User>
  return name || email || null
}

/**
 * Names for owners the requester could not label: staff read colleagues' names but not their email
 * addresses, and `review.contentOwner` is staff-readable, so staff may see who owns a page (name, else email).
 */
const ownerNames = async ({
  ids,
  payload,
  req,
}: {
  ids: (number | string)[]
  payload: Payload
  req?: Partial<PayloadRequest>
}): Promise<Map<string, string>> => {
  if (ids.length === 0) return new Map()
  const { docs } = await payload.find({
    collection: 'users',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { email: true, name: true },
    where: { id: { in: ids } },
  })
  return new Map(docs.map((doc) => [String(doc.id), ownerLabel(doc) ?? '']))
}

/**
 * Guidance pages whose next review is due within `withinDays` (UK calendar days) or already past, most
 * overdue first. Drafts are included so the latest saved review date counts.
 */
export const findReviewsDue = async ({
  now = new Date(),
  payload,
  req,
  user,
  withinDays = 30,
}: Requester & { now?: Date; payload: Payload; withinDays?: number }): Promise<ReviewDueRow[]> => {
  assertContentStaff({ req, user })
  // A day's slack either side of the UK/UTC difference; the exact cut is made on calendar days below.
  const roughCutoff = new Date(now.getTime() + (withinDays + 2) * DAY_MS).toISOString()
  const { docs } = await payload.find({
    collection: 'pages',
    depth: 1,
    draft: true,
    pagination: false,
    // Only the labels shown, not whole care areas and accounts.
    populate: { 'care-areas': { title: true }, users: { email: true, name: true } },
    select: { careArea: true, review: { contentOwner: true, nextReviewDue: true }, title: true },
    sort: 'review.nextReviewDue',
    where: { 'review.nextReviewDue': { less_than: roughCutoff } },
    ...asRequester({ req, user }),
  })
  const due = docs
    .filter((doc) => doc.review?.nextReviewDue)
    .map((doc) => ({ doc, daysUntilDue: ukDaysBetween({ from: now, to: new Date(doc.review.nextReviewDue) }) }))
    .filter(({ daysUntilDue }) => daysUntilDue <= withinDays)

  // Owners the requester could not populate, or could populate without a label (staff read colleagues'
  // names, not their email addresses): named by the trusted read below, as before.
  const unpopulated = due
    .map(({ doc }) => doc.review?.contentOwner)
    .filter((owner) => owner !== null && owner !== undefined && (typeof owner !== 'object' || !ownerLabel(owner)))
    .map((owner) => relationId(owner) as number | string)
  const names = await ownerNames({ ids: [...new Set(unpopulated)], payload, req })

  return due.map(({ daysUntilDue, doc }) => {
    const owner = doc.review?.contentOwner
    const careArea = doc.careArea && typeof doc.careArea === 'object' ? (doc.careArea as CareArea).title : null
    return {
      careArea,
      daysUntilDue,
      id: doc.id,
      nextReviewDue: doc.review.nextReviewDue,
      owner: (typeof owner === 'object' ? ownerLabel(owner) : null) || names.get(String(relationId(owner))) || null,
      title: doc.title,
    }
  })
}

export type FeedbackComment = { comment: string; createdAt: string; useful: boolean }
export type PageFeedbackRow = {
  no: number
  pageId: number | string
  recent: FeedbackComment[]
  title: string
  yes: number
}

/** Pages summarised at once: enough to overlap queries without flooding a single SQLite connection. */
const CONCURRENCY = 10

const chunk = <T>({ items, size }: { items: T[]; size: number }): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size))

const forPage = ({ pageId, where }: { pageId: number | string; where?: Where }): Where =>
  where ? { and: [{ page: { equals: pageId } }, where] } : { page: { equals: pageId } }

/**
 * "Was this page useful?" totals per guidance page, with its latest comments, most "no" answers first.
 *
 * Aggregation happens in the database, never by loading feedback rows: `findDistinct` pages through the
 * ids of pages that have feedback (`batchSize` at a time), then each page gets two `count` queries (yes /
 * no) and one `find` limited to `recentComments` rows. Only the summaries are held in memory.
 */
export const summarisePageFeedback = async ({
  // Distinct page ids read per query, so memory stays bounded however much feedback there is.
  batchSize = 500,
  payload,
  recentComments = 5,
  req,
  user,
}: Requester & { batchSize?: number; payload: Payload; recentComments?: number }): Promise<PageFeedbackRow[]> => {
  assertContentStaff({ req, user })
  const access = asRequester({ req, user })
  const rows: PageFeedbackRow[] = []

  for (let batch = 1, more = true; more; batch++) {
    const distinct = await payload.findDistinct({
      collection: 'feedback',
      depth: 0,
      field: 'page',
      limit: batchSize,
      page: batch,
      sort: 'page',
      ...access,
    })
    more = distinct.hasNextPage
    const pageIds = distinct.values
      .map(({ page }) => relationId(page))
      .filter((id): id is number | string => id !== null)
    if (pageIds.length === 0) continue

    const { docs: pages } = await payload.find({
      collection: 'pages',
      depth: 0,
      draft: true,
      pagination: false,
      select: { title: true },
      where: { id: { in: pageIds } },
      ...access,
    })
    const titles = new Map(pages.map((page) => [String(page.id), page.title]))

    for (const group of chunk({ items: pageIds, size: CONCURRENCY })) {
      rows.push(
        ...(await Promise.all(
          group.map((pageId) =>
            summariseOnePage({ access, pageId, payload, recentComments, title: titles.get(String(pageId)) }),
          ),
        )),
      )
    }
  }

  return rows.sort((a, b) => b.no - a.no || a.title.localeCompare(b.title, 'en-GB'))
}

const summariseOnePage = async ({
  access,
  pageId,
  payload,
  recentComments,
  title,
}: {
  access: ReturnType<typeof asRequester>
  pageId: number | string
  payload: Payload
  recentComments: number
  title?: string
}): Promise<PageFeedbackRow> => {
  const [yes, no, recent] = await Promise.all([
    payload.count({ collection: 'feedback', where: forPage({ pageId, where: { useful: { equals: true } } }), ...access }),
    payload.count({ collection: 'feedback', where: forPage({ pageId, where: { useful: { equals: false } } }), ...access }),
    recentComments > 0
      ? payload.find({
          collection: 'feedback',
          depth: 0,
          limit: recentComments,
          pagination: false,
          select: { comment: true, createdAt: true, useful: true },
          // Newest first; id breaks ties between answers saved in the same millisecond.
          sort: ['-createdAt', '-id'],
          where: forPage({
            pageId,
            where: { and: [{ comment: { exists: true } }, { comment: { not_equals: '' } }] },
          }),
          ...access,
        })
      : Promise.resolve({ docs: [] }),
  ])
  return {
    no: no.totalDocs,
    pageId,
    recent: recent.docs.map((doc) => ({
      comment: doc.comment ?? '',
      createdAt: doc.createdAt,
      useful: Boolean(doc.useful),
    })),
    // A page the requester cannot read (or one since deleted) still shows its totals.
    title: title ?? `Page ${pageId}`,
    yes: yes.totalDocs,
  }
}
