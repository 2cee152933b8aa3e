/**
 * The "Ask a question" desk's service-level report: how many questions came in, how many were answered
 * within the working-day target, and how long the first response took in working time, overall, by month
 * and by care area.
 *
 * Only workflow facts are read (status, dates, care area), never who asked, so the figures are unchanged
 * when an asker's personal details are erased.
 *
 * This is the entry point: who may see the report, the date filter (refused as a 400 when malformed) and
 * the reads. The figures are worked out in report-statistics.ts; report-csv.ts renders them as CSV.
 */
import type { Payload, PayloadRequest, Where } from 'payload'

import { Forbidden, ValidationError } from 'payload'

import type { Fact, QuestionReport, StoredQuestion } from './report-statistics'

import { DESK, hasRole } from '../access'
import { dayStart, DAY_MS, instantFromUkWallClock } from '../sla/uk-time'
import { factOf, summariseFacts } from './report-statistics'
import { deskCalendar } from './sla'

type MaybeUser = PayloadRequest['user'] | null | undefined

/** A UK calendar day from the caller, refused as a 400 naming `field` unless it is a real YYYY-MM-DD day. */
const dayParam = ({ field, req, value }: { field: 'from' | 'to'; req?: Partial<PayloadRequest>; value?: string }) => {
  if (value === undefined) return undefined
  try {
    dayStart({ day: value })
    return value
  } catch {
    throw new ValidationError({
      collection: 'questions',
      errors: [{ message: `${field} must be a date written YYYY-MM-DD`, path: field }],
      req: req as PayloadRequest,
    })
  }
}

/** `from` and `to` are whole UK days, both included: received from 00:00 on `from` to midnight ending `to`. */
const receivedWithin = ({ from, req, to }: { from?: string; req?: Partial<PayloadRequest>; to?: string }): Where => {
  const first = dayParam({ field: 'from', req, value: from })
  const last = dayParam({ field: 'to', req, value: to })
  if (first && last && last < first) {
    throw new ValidationError({
      collection: 'questions',
      errors: [{ message: 'to must not be before from', path: 'to' }],
      req: req as PayloadRequest,
    })
  }
  const receivedAt: Record<string, string | true> = { exists: true }
  if (first) receivedAt.greater_than_equal = instantFromUkWallClock({ day: first, wallMs: 0 }).toISOString()
  if (last) receivedAt.less_than = instantFromUkWallClock({ day: last, wallMs: DAY_MS }).toISOString()
  return { receivedAt }
}

/**
 * Titles for care areas the requester could not populate (drafts are for content staff), so the desk still
 * sees which area a question belongs to. A title is not personal data.
 */
const careAreaTitles = async ({ ids, payload, req }: { ids: string[]; payload: Payload; req?: Partial<PayloadRequest> }) => {
  if (!ids.length) return new Map<string, string>()
  const { docs } = await payload.find({
    collection: 'care-areas',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { title: true },
    where: { id: { in: ids } },
  })
  return new Map(docs.map((doc) => [String(doc.id), doc.title]))
}

/** Questions as facts to count, read `pageSize` at a time; care areas keyed by id, titles alongside. */
const readFacts = async ({
  access,
  closures,
  now,
  pageSize,
  payload,
  req,
  where,
}: {
  access: { overrideAccess: boolean; user?: PayloadRequest['user'] }
  closures: string[]
  now: Date
  pageSize: number
  payload: Payload
  req?: Partial<PayloadRequest>
  where: Where
}): Promise<{ facts: Fact[]; titles: Map<string, string> }> => {
  const facts: Fact[] = []
  const titles = new Map<string, string>()
  for (let page = 1, more = true; more; page++) {
    const result = await payload.find({
      collection: 'questions',
      depth: 1,
      limit: pageSize,
      page,
      // Only whether a published answer was used counts, not what it says.
      populate: { 'care-areas': { title: true }, 'questions-and-answers': { slug: true } },
      req,
      // Workflow facts only: nothing about who asked.
      select: { answeredAt: true, answeredFrom: true, careArea: true, dueDay: true, firstResponseAt: true, receivedAt: true, status: true },
      // By id so pages neither skip nor repeat questions sharing a received time.
      sort: 'id',
      where,
      ...access,
    })
    more = result.hasNextPage
    for (const question of result.docs as StoredQuestion[]) {
      const fact = factOf({ closures, now, question })
      if (question.careArea && typeof question.careArea === 'object') titles.set(fact.careAreaKey, question.careArea.title)
      facts.push(fact)
    }
  }
  const unnamed = [...new Set(facts.map(({ careAreaKey }) => careAreaKey))].filter((key) => key && !titles.has(key))
  for (const [key, title] of await careAreaTitles({ ids: unnamed, payload, req })) titles.set(key, title)
  return { facts, titles }
}

/**
 * The desk's service-level report for questions received between `from` and `to` (UK days, YYYY-MM-DD,
 * both included; either may be left open). Months run oldest first; care areas A–Z, unlinked last.
 *
 * Without `user` the call is trusted server code; with `user` (even `null`, for an anonymous request)
 * reads run as that user and anyone but responders and admins is refused: content staff may read
 * questions, but the desk's performance is the desk's business.
 */
export const questionReport = async ({
  from,
  now = new Date(),
  // Questions read per query, so memory per query stays bounded however many there are.
  pageSize = 500,
  payload,
  req,
  to,
  user,
}: {
  from?: string
  now?: Date
  pageSize?: number
  payload: Payload
  req?: Partial<PayloadRequest>
  to?: string
  user?: MaybeUser
}): Promise<QuestionReport> => {
  if (user !== undefined && !hasRole({ roles: DESK, user })) throw new Forbidden(req?.t)
  const where = receivedWithin({ from, req, to })
  const access = user === undefined ? { overrideAccess: true } : { overrideAccess: false, user: user ?? undefined }
  const { closures } = await deskCalendar({ payload, req: req as PayloadRequest | undefined })
  const { facts, titles } = await readFacts({ access, closures, now, pageSize, payload, req, where })
  return summariseFacts({ facts, titles })
}
