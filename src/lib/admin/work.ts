import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import type { Group } from '../../payload-types'

import { canManageNewsletter, CLINICAL_REVIEWERS, CONTENT_STAFF, DESK, EDITORS, hasRole, SECRETARIES } from '../access'
import { siteFeedbackPage } from '../feedback/site-pages'
import { linkProblemsIn, problemLabel, problemsByDocument } from '../link-health/problems'
import { usageKey } from '../link-health/options'
import { dueLabel, findReviewsDue } from '../reviews/due'
import { adminRecordRoute, signOffRoute } from '../routes'
import { formatDateTimeShort, formatDay } from '../site/format'
import { dueDay, isPastDue } from '../governance/dates'
import { OPEN_ACTION_STATUSES } from '../governance/options'
import { governanceScopeFor } from '../governance/scope'

/** One thing to do, linking to where it is done (a path inside the admin). */
export type WorkItem = { detail: string; href: `/${string}`; id: string; label: string }

/** A list on the work dashboard: what it holds, its items, what an empty list means, and where to see them all. */
export type WorkSection = { empty: string; heading: string; items: WorkItem[]; key: string; more?: { href: `/${string}`; label: string } }

const LIMIT = 10

type Ask = { req: PayloadRequest }

const record = ({ collection, id }: { collection: string; id: number | string }) => adminRecordRoute({ collection, id })

const present = (collection: CollectionSlug, req: PayloadRequest) => collection in req.payload.collections

// Every read is the signed-in person's own: the dashboard never shows what their access rules hide.
const asUser = (req: PayloadRequest) => ({ overrideAccess: false, req, user: req.user ?? undefined })

const listHref = (collection: string, query: string): `/${string}` => `/collections/${collection}?${query}`

const OPEN_QUESTIONS: Where = { status: { not_in: ['answered', 'closed'] } }

const dueDetail = ({ dueAt, dueDay }: { dueAt?: null | string; dueDay?: null | string }) => {
  if (!dueDay) return 'Paused: awaiting the asker'
  const overdue = dueAt && new Date(dueAt).getTime() < Date.now()
  return `${overdue ? 'Overdue: was due' : 'Due by'} ${formatDay(dueDay)}`
}

/** Responders: questions assigned to them, soonest due first, and those nobody has taken. */
const questionSections = async ({ req }: Ask): Promise<WorkSection[]> => {
  const find = (where: Where) =>
    req.payload.find({
      collection: 'questions',
      depth: 0,
      limit: LIMIT,
      select: { dueAt: true, dueDay: true, reference: true, status: true },
      sort: 'dueAt',
      where: { and: [OPEN_QUESTIONS, where] },
      ...asUser(req),
    })
  const me = req.user?.id as number
  const [mine, unassigned] = await Promise.all([find({ assignee: { equals: me } }), find({ assignee: { exists: false } })])
  const items = (docs: typeof mine.docs) =>
    docs.map((doc) => ({
      detail: dueDetail(doc),
      href: record({ collection: 'questions', id: doc.id }),
      id: String(doc.id),
      label: doc.reference ?? `#${doc.id}`,
    }))
  return [
    {
      empty: 'No open questions are assigned to you.',
      heading: `Questions assigned to you (${mine.totalDocs})`,
      items: items(mine.docs),
      key: 'questions-mine',
      more: { href: listHref('questions', `where[assignee][equals]=${me}`), label: 'All your questions' },
    },
    {
      empty: 'Every open question has someone answering it.',
      heading: `Questions nobody has taken (${unassigned.totalDocs})`,
      items: items(unassigned.docs),
      key: 'questions-unassigned',
      more: { href: listHref('questions', 'where[assignee][exists]=false'), label: 'All unassigned questions' },
    },
  ]
}

/** Clinical reviewers: drafts sent for sign-off to them by name or to any reviewer, longest waiting first. */
const signOffSection = async ({ req }: Ask): Promise<WorkSection> => {
  const { docs, totalDocs } = await req.payload.find({
    collection: 'pages',
    depth: 1,
    draft: true,
    limit: LIMIT,
    sort: 'signOff.requestedAt',
    where: {
      and: [
        { 'signOff.status': { equals: 'awaiting-sign-off' } },
        { or: [{ 'signOff.reviewer': { equals: req.user?.id } }, { 'signOff.reviewer': { exists: false } }] },
      ],
    },
    ...asUser(req),
  })
  return {
    empty: 'Nothing is waiting for your sign-off.',
    heading: `Awaiting your sign-off (${totalDocs})`,
    items: docs.map((page) => {
      const by = typeof page.signOff?.requestedBy === 'object' ? page.signOff.requestedBy?.name : null
      return {
        detail: `Sent${by ? ` by ${by}` : ''} on ${formatDateTimeShort(page.signOff?.requestedAt)}`,
        href: signOffRoute({ id: page.id }),
        id: String(page.id),
        label: page.title,
      }
    }),
    key: 'sign-off',
  }
}

/** Editors: their own pages that are drafts or came back from a reviewer. */
const draftsSection = async ({ req }: Ask): Promise<WorkSection> => {
  const me = req.user?.id
  const { docs, totalDocs } = await req.payload.find({
    collection: 'pages',
    depth: 0,
    draft: true,
    limit: LIMIT,
    select: { signOff: true, title: true, updatedAt: true },
    sort: '-updatedAt',
    where: {
      and: [
        { or: [{ 'review.contentOwner': { equals: me } }, { 'signOff.requestedBy': { equals: me } }] },
        { or: [{ _status: { equals: 'draft' } }, { 'signOff.status': { equals: 'returned' } }] },
      ],
    },
    ...asUser(req),
  })
  return {
    empty: 'You have no guidance drafts in progress.',
    heading: `Your guidance drafts (${totalDocs})`,
    items: docs.map((page) => ({
      detail:
        page.signOff?.status === 'returned'
          ? 'Returned for changes by the clinical reviewer'
          : page.signOff?.status === 'awaiting-sign-off'
            ? 'Awaiting clinical sign-off'
            : `Saved ${formatDateTimeShort(page.updatedAt)}`,
      href: record({ collection: 'pages', id: page.id }),
      id: String(page.id),
      label: page.title,
    })),
    key: 'drafts',
  }
}

/**
 * Published answers not yet live: for editors every draft (those giving clinical information marked as needing a
 * reviewer), for clinical reviewers the drafts that give clinical information, which only they publish.
 */
const answersSection = async ({ clinicalOnly, req }: Ask & { clinicalOnly: boolean }): Promise<WorkSection> => {
  const drafts: Where = { _status: { equals: 'draft' } }
  const { docs, totalDocs } = await req.payload.find({
    collection: 'questions-and-answers',
    depth: 0,
    draft: true,
    limit: LIMIT,
    select: { givesClinicalInformation: true, proposal: true, question: true, updatedAt: true },
    sort: 'updatedAt',
    where: clinicalOnly ? { and: [drafts, { givesClinicalInformation: { equals: true } }] } : drafts,
    ...asUser(req),
  })
  return {
    empty: clinicalOnly ? 'No answer is waiting for clinical sign-off.' : 'No proposed answer is waiting to be published.',
    heading: clinicalOnly ? `Answers awaiting your clinical sign-off (${totalDocs})` : `Proposed answers to publish (${totalDocs})`,
    items: docs.map((answer) => ({
      detail: `${answer.givesClinicalInformation ? 'Gives clinical information: a clinical reviewer publishes it · ' : ''}Saved ${formatDateTimeShort(answer.updatedAt)}`,
      href: record({ collection: 'questions-and-answers', id: answer.id }),
      id: String(answer.id),
      label: answer.question,
    })),
    key: clinicalOnly ? 'answers-clinical' : 'answers',
    more: { href: listHref('questions-and-answers', 'where[_status][equals]=draft'), label: 'All draft answers' },
  }
}

const reviewsSection = async ({ req }: Ask): Promise<WorkSection> => {
  const rows = await findReviewsDue({ payload: req.payload, req, user: req.user, withinDays: 30 })
  return {
    empty: 'No guidance is due for review in the next 30 days, and none is overdue.',
    heading: `Reviews due in 30 days or overdue (${rows.length})`,
    items: rows.slice(0, LIMIT).map((row) => ({
      detail: [row.awaitingClinicalReview && 'Awaiting its first clinical review', ...(row.linkProblems ?? []), dueLabel(row)]
        .filter(Boolean)
        .join(' · '),
      href: record({ collection: 'pages', id: row.id }),
      id: String(row.id),
      label: row.title,
    })),
    key: 'reviews',
    more: { href: '/reviews-due', label: 'All reviews due' },
  }
}

/** Content staff: broken, redirected and retired links in the published pages they own, each linking to the page. */
const linkProblemsSection = async ({ req }: Ask): Promise<WorkSection> => {
  const { docs: pages } = await req.payload.find({
    collection: 'pages',
    depth: 0,
    pagination: false,
    select: { title: true },
    where: { and: [{ 'review.contentOwner': { equals: req.user?.id } }, { _status: { equals: 'published' } }] },
    ...asUser(req),
  })
  const titles = new Map(pages.map((page) => [usageKey({ collection: 'pages', id: page.id }), { id: page.id, title: page.title }]))
  const byPage = problemsByDocument({ collection: 'pages', problems: await linkProblemsIn({ keys: [...titles.keys()], req }) })
  const items = [...byPage].flatMap(([key, problems]) => {
    const page = titles.get(key)
    return page
      ? problems.map((problem) => ({
          detail: problemLabel(problem),
          href: record({ collection: 'pages', id: page.id }),
          id: `${key}-${problem.url}`,
          label: page.title,
        }))
      : []
  })
  return {
    empty: 'The link check found no problems in the pages you own.',
    heading: `Broken or redirected links in your pages (${items.length})`,
    items: items.slice(0, LIMIT),
    key: 'link-problems',
    more: { href: listHref('link-checks', 'where[outcome][not_equals]=ok'), label: 'All link problems' },
  }
}

const feedbackSection = async ({ req }: Ask): Promise<WorkSection> => {
  const { docs } = await req.payload.find({
    collection: 'feedback',
    depth: 1,
    limit: 5,
    sort: '-createdAt',
    where: { useful: { equals: false } },
    ...asUser(req),
  })
  return {
    empty: 'No one has said a page was not useful.',
    heading: 'Newest "not useful" feedback',
    items: docs.map((entry) => {
      const page = typeof entry.page === 'object' && entry.page ? entry.page : null
      return {
        detail: `${formatDateTimeShort(entry.createdAt)}${entry.comment ? `: “${entry.comment.slice(0, 140)}”` : ''}`,
        href: page ? record({ collection: 'pages', id: page.id }) : record({ collection: 'feedback', id: entry.id }),
        id: String(entry.id),
        label: page?.title ?? siteFeedbackPage(entry.sitePage)?.label ?? 'A page',
      }
    }),
    key: 'feedback',
    more: { href: '/feedback-by-page', label: 'Feedback by page' },
  }
}

/** Secretaries: open actions past their due day in the groups they are secretary of. */
const actionsSection = async ({ req }: Ask): Promise<WorkSection> => {
  // The groups naming them as secretary, as the governance access rules find them.
  const { secretaryOf: ids } = await governanceScopeFor({ req, user: req.user })
  const groups = ids.length
    ? await req.payload.find({
        collection: 'groups',
        depth: 0,
        limit: 100,
        pagination: false,
        select: { name: true },
        where: { id: { in: ids } },
        ...asUser(req),
      })
    : { docs: [] }
  const names = new Map(groups.docs.map((group) => [String(group.id), (group as Group).name]))
  // Due dates are UK days stored at whatever time of day: past ones are fetched roughly, then judged by the day.
  const open = ids.length
    ? await req.payload.find({
        collection: 'actions',
        depth: 0,
        limit: 200,
        pagination: false,
        sort: 'dueDate',
        where: {
          and: [
            { group: { in: ids } },
            { status: { in: [...OPEN_ACTION_STATUSES] } },
            { dueDate: { less_than: new Date().toISOString() } },
          ],
        },
        ...asUser(req),
      })
    : { docs: [] }
  const overdue = open.docs.filter((action) => isPastDue({ due: action.dueDate }))
  const docs = overdue.slice(0, LIMIT)
  const totalDocs = overdue.length
  return {
    empty: ids.length ? 'No actions of your groups are overdue.' : 'You are not secretary of any group.',
    heading: `Overdue actions of your groups (${totalDocs})`,
    items: docs.map((action) => ({
      detail: `${names.get(String(action.group)) ?? 'Group'} · was due ${formatDay(dueDay({ due: String(action.dueDate) }))}`,
      href: record({ collection: 'actions', id: action.id }),
      id: String(action.id),
      label: action.title,
    })),
    key: 'actions',
  }
}

const newslettersSection = async ({ req }: Ask): Promise<WorkSection> => {
  const { docs, totalDocs } = await req.payload.find({
    collection: 'newsletters',
    depth: 0,
    limit: LIMIT,
    select: { scheduledFor: true, subject: true },
    sort: 'scheduledFor',
    where: { status: { equals: 'scheduled' } },
    ...asUser(req),
  })
  return {
    empty: 'No newsletter issue is scheduled.',
    heading: `Newsletters scheduled (${totalDocs})`,
    items: docs.map((issue) => ({
      detail: `Goes out ${formatDateTimeShort(issue.scheduledFor)}`,
      href: record({ collection: 'newsletters', id: issue.id }),
      id: String(issue.id),
      label: issue.subject,
    })),
    key: 'newsletters',
  }
}

/**
 * The signed-in person's work, by role and by what this hub runs (a capability left out has no list): each
 * list is read with their own access, so it holds only what they may open.
 */
export const workFor = async ({ req }: Ask): Promise<WorkSection[]> => {
  const user = req.user
  const lists: Promise<WorkSection | WorkSection[]>[] = []
  if (hasRole({ roles: DESK, user }) && present('questions', req)) lists.push(questionSections({ req }))
  if (hasRole({ roles: CLINICAL_REVIEWERS, user })) lists.push(signOffSection({ req }), answersSection({ clinicalOnly: true, req }))
  if (hasRole({ roles: EDITORS, user })) lists.push(draftsSection({ req }), answersSection({ clinicalOnly: false, req }))
  if (hasRole({ roles: CONTENT_STAFF, user })) lists.push(reviewsSection({ req }), linkProblemsSection({ req }), feedbackSection({ req }))
  if (hasRole({ roles: SECRETARIES, user }) && present('actions', req)) lists.push(actionsSection({ req }))
  if (canManageNewsletter(user) && present('newsletters', req)) lists.push(newslettersSection({ req }))
  return (await Promise.all(lists)).flat()
}
