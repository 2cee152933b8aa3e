import type { Payload, PayloadRequest, Where } from 'payload'

import { Forbidden } from 'payload'

import type { CareArea, User } from '../../payload-types'
import type { MaybeUser } from '../access'

import { CONTENT_STAFF, hasRole } from '../access'
import { SITE_FEEDBACK_PAGES } from '../feedback/site-pages'
import { REVIEW_OUTCOMES } from '../link-health/options'
import { problemLabel, problemsByDocument, readLinkProblems } from '../link-health/problems'
import { questionAndAnswerPath } from '../routes'
import { isoDay, plural, relationId } from '../site/format'

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
  /** Content from elsewhere that no clinical reviewer has signed off here: listed whatever its due date. */
  awaitingClinicalReview: boolean
  careArea: null | string
  daysUntilDue: number
  id: number | string
  /** Broken links and retired services in the published page ("Broken link: … (404)"): listed whatever its due date. */
  linkProblems?: string[]
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

/** Pages whose published version has a broken link or a retired service in it, by page id, with what each is. */
const pageLinkProblems = async ({ payload, req, user }: Requester & { payload: Payload }): Promise<Map<string, string[]>> => {
  const problems = await readLinkProblems({
    access: asRequester({ req, user }),
    outcomes: REVIEW_OUTCOMES,
    payload,
    req,
    where: { 'usedBy.collection': { equals: 'pages' } },
  })
  const byKey = problemsByDocument({ collection: 'pages', problems })
  return new Map([...byKey].map(([key, found]) => [key.slice('pages:'.length), found.map(problemLabel)]))
}

/**
 * Guidance pages whose next review is due within `withinDays` (UK calendar days) or already past, and those
 * awaiting their first clinical review or whose published version has a broken link or retired service in it whatever their date, most overdue first. Drafts are included so the
 * latest saved review date counts.
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
  const linkProblems = await pageLinkProblems({ payload, req, user })
  // Ids as the database holds them (numbers on SQLite and PostgreSQL).
  const withProblems = [...linkProblems.keys()].map((id) => (/^\d+$/.test(id) ? Number(id) : id))
  const { docs } = await payload.find({
    collection: 'pages',
    depth: 1,
    draft: true,
    pagination: false,
    // Only the labels shown, not whole care areas and accounts.
    populate: { 'care-areas': { title: true }, users: { email: true, name: true } },
    select: { careArea: true, review: { awaitingClinicalReview: true, contentOwner: true, nextReviewDue: true }, title: true },
    sort: 'review.nextReviewDue',
    where: {
      or: [
        { 'review.nextReviewDue': { less_than: roughCutoff } },
        { 'review.awaitingClinicalReview': { equals: true } },
        ...(withProblems.length ? [{ id: { in: withProblems } }] : []),
      ],
    },
    ...asRequester({ req, user }),
  })
  const due = docs
    .filter((doc) => doc.review?.nextReviewDue)
    .map((doc) => ({ doc, daysUntilDue: ukDaysBetween({ from: now, to: new Date(doc.review.nextReviewDue) }) }))
    .filter(({ daysUntilDue, doc }) => daysUntilDue <= withinDays || doc.review.awaitingClinicalReview || linkProblems.has(String(doc.id)))

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
      awaitingClinicalReview: Boolean(doc.review?.awaitingClinicalReview),
      careArea,
      daysUntilDue,
      id: doc.id,
      ...(linkProblems.has(String(doc.id)) && { linkProblems: linkProblems.get(String(doc.id)) }),
      nextReviewDue: doc.review.nextReviewDue,
      owner: (typeof owner === 'object' ? ownerLabel(owner) : null) || names.get(String(relationId(owner))) || null,
      title: doc.title,
    }
  })
}

export type FeedbackComment = { comment: string; createdAt: string; useful: boolean }
export type PageFeedbackRow = {
  no: number
  /** The guidance page; null for one of the site's own pages (see `path`). */
  pageId: null | number | string
  /** The public address of a site page; null for a guidance page (linked in the admin). */
  path: null | string
  recent: FeedbackComment[]
  title: string
  yes: number
}

/** Pages summarised at once: enough to overlap queries without flooding a single SQLite connection. */
const CONCURRENCY = 10

const chunk = <T>({ items, size }: { items: T[]; size: number }): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size))

type Subject = { answer: number | string } | { page: number | string } | { sitePage: string }

const forSubject = ({ subject, where }: { subject: Subject; where?: Where }): Where => {
  const own: Where =
    'page' in subject
      ? { page: { equals: subject.page } }
      : 'answer' in subject
        ? { answer: { equals: subject.answer } }
        : { sitePage: { equals: subject.sitePage } }
  return where ? { and: [own, where] } : own
}

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
    const pageIds = distinct.values.map(({ page }) => relationId(page)).filter((id): id is number | string => id !== null)
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
            summariseOne({
              access,
              payload,
              recentComments,
              subject: { page: pageId },
              title: titles.get(String(pageId)) ?? `Page ${pageId}`,
            }),
          ),
        )),
      )
    }
  }

  // Published answers with feedback: linked by their public address, like the site's own pages.
  const answered = await payload.findDistinct({ collection: 'feedback', depth: 0, field: 'answer', limit: 1000, sort: 'answer', ...access })
  const answerIds = answered.values.map(({ answer }) => relationId(answer)).filter((id): id is number | string => id !== null)
  if (answerIds.length) {
    const { docs: answers } = await payload.find({
      collection: 'questions-and-answers',
      depth: 0,
      pagination: false,
      select: { question: true, slug: true },
      where: { id: { in: answerIds } },
      ...access,
    })
    for (const answer of answers)
      rows.push(
        await summariseOne({
          access,
          path: questionAndAnswerPath({ slug: String(answer.slug) }),
          payload,
          recentComments,
          subject: { answer: answer.id },
          title: answer.question,
        }),
      )
  }

  // The site's own pages are few and known: each is summarised when it has any answers.
  for (const sitePage of SITE_FEEDBACK_PAGES) {
    const row = await summariseOne({
      access,
      path: sitePage.path,
      payload,
      recentComments,
      subject: { sitePage: sitePage.value },
      title: sitePage.label,
    })
    if (row.yes + row.no > 0) rows.push(row)
  }

  return rows.sort((a, b) => b.no - a.no || a.title.localeCompare(b.title, 'en-GB'))
}

const summariseOne = async ({
  access,
  path = null,
  payload,
  recentComments,
  subject,
  title,
}: {
  access: ReturnType<typeof asRequester>
  path?: null | string
  payload: Payload
  recentComments: number
  subject: Subject
  /** A page the requester cannot read (or one since deleted) still shows its totals, under its id. */
  title: string
}): Promise<PageFeedbackRow> => {
  const [yes, no, recent] = await Promise.all([
    payload.count({ collection: 'feedback', where: forSubject({ subject, where: { useful: { equals: true } } }), ...access }),
    payload.count({ collection: 'feedback', where: forSubject({ subject, where: { useful: { equals: false } } }), ...access }),
    recentComments > 0
      ? payload.find({
          collection: 'feedback',
          depth: 0,
          limit: recentComments,
          pagination: false,
          select: { comment: true, createdAt: true, useful: true },
          // Newest first; id breaks ties between answers saved in the same millisecond.
          sort: ['-createdAt', '-id'],
          where: forSubject({
            subject,
            where: { and: [{ comment: { exists: true } }, { comment: { not_equals: '' } }] },
          }),
          ...access,
        })
      : Promise.resolve({ docs: [] }),
  ])
  return {
    no: no.totalDocs,
    pageId: 'page' in subject ? subject.page : null,
    path,
    recent: recent.docs.map((doc) => ({
      comment: doc.comment ?? '',
      createdAt: doc.createdAt,
      useful: Boolean(doc.useful),
    })),
    title,
    yes: yes.totalDocs,
  }
}

/** "Overdue by 3 days", "Due today", "Due in 12 days". */
export const dueLabel = ({ daysUntilDue }: { daysUntilDue: number }): string => {
  if (daysUntilDue < 0) return `Overdue by ${plural({ count: -daysUntilDue, word: 'day' })}`
  if (daysUntilDue === 0) return 'Due today'
  return `Due in ${plural({ count: daysUntilDue, word: 'day' })}`
}
