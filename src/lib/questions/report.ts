/**
 * The "Ask a question" desk's service-level report: how many questions came in, how many were answered
 * within the working-day target, and how long the first response took in working time, overall, by month
 * and by care area.
 *
 * Only workflow facts are read (status, dates, care area), never who asked, so the figures are unchanged
 * when an asker's personal details are erased.
 */
import type { Payload, PayloadRequest, Where } from 'payload'

import { Forbidden, ValidationError } from 'payload'

import type { CareArea } from '../../payload-types'

import { DESK, hasRole } from '../access'
import { relationId } from '../site/format'
import { dayStart, DAY_MS, instantFromUkWallClock } from '../sla/uk-time'
import { slaStatus, ukDay, workingTimeBetween } from '../sla/working-days'
import { deskCalendar } from './sla'

type MaybeUser = PayloadRequest['user'] | null | undefined

export type ReportRow = {
  answered: number
  /** Working hours from receipt to first response, one decimal; null when none has had a response. */
  medianFirstResponseWorkingHours: null | number
  /** Of questions whose outcome is known (answered, or open and overdue), the share met; one decimal. */
  metPercent: null | number
  metTarget: number
  /** Neither answered nor closed: still with the desk. */
  open: number
  overdue: number
  p90FirstResponseWorkingHours: null | number
  received: number
}

export type QuestionReport = {
  byCareArea: (ReportRow & { careArea: string })[]
  byMonth: (ReportRow & { month: string })[]
  overall: ReportRow
}

/** Label for questions with no care area (or one since deleted). */
export const NOT_LINKED = 'Not linked'

const HOUR_MS = 60 * 60 * 1000

/** What one question contributes to a row; `met` is null while the outcome is not yet known. */
type Outcome = {
  answered: boolean
  firstResponseMs: null | number
  met: boolean | null
  open: boolean
  overdue: boolean
}

type Fact = Outcome & { careAreaKey: string; month: string }

const oneDecimal = (value: number): number => Math.round(value * 10) / 10

/** Nearest-rank percentile of ascending `sorted` values: the smallest value with at least `p` of them at or below it. */
const nearestRank = ({ p, sorted }: { p: number; sorted: number[] }): null | number =>
  sorted.length ? (sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1] ?? null) : null

const summarise = ({ outcomes }: { outcomes: Outcome[] }): ReportRow => {
  const count = (test: (outcome: Outcome) => boolean) => outcomes.filter(test).length
  const metTarget = count(({ met }) => met === true)
  const known = count(({ met }) => met !== null)
  const hours = outcomes
    .map(({ firstResponseMs }) => firstResponseMs)
    .filter((ms): ms is number => ms !== null)
    .map((ms) => oneDecimal(ms / HOUR_MS))
    .sort((a, b) => a - b)
  return {
    answered: count(({ answered }) => answered),
    medianFirstResponseWorkingHours: nearestRank({ p: 0.5, sorted: hours }),
    metPercent: known ? oneDecimal((metTarget / known) * 100) : null,
    metTarget,
    open: count(({ open }) => open),
    overdue: count(({ overdue }) => overdue),
    p90FirstResponseWorkingHours: nearestRank({ p: 0.9, sorted: hours }),
    received: outcomes.length,
  }
}

type StoredQuestion = {
  answeredAt?: null | string
  careArea?: CareArea | null | number
  dueDay?: null | string
  firstResponseAt?: null | string
  receivedAt?: null | string
  status?: null | string
}

/**
 * Answered questions are met or missed by the UK day of answeredAt against the due day. Unanswered ones are open unless closed
 * (closed without an answer: withdrawn or spam, so neither met nor missed); an open one past its due time
 * has already missed, any other open one is undecided.
 */
const outcomeOf = ({ closures, now, question }: { closures: string[]; now: Date; question: StoredQuestion }): Outcome => {
  const dueDay = question.dueDay || null
  const firstResponseMs =
    question.receivedAt && question.firstResponseAt
      ? workingTimeBetween({ closures, from: new Date(question.receivedAt), to: new Date(question.firstResponseAt) })
      : null
  if (question.answeredAt) {
    const { state } = slaStatus({ answeredAt: new Date(question.answeredAt), closures, dueDay, now })
    return { answered: true, firstResponseMs, met: state === 'met', open: false, overdue: false }
  }
  if (question.status === 'closed') return { answered: false, firstResponseMs, met: null, open: false, overdue: false }
  const overdue = slaStatus({ closures, dueDay, now }).state === 'overdue'
  return { answered: false, firstResponseMs, met: overdue ? false : null, open: true, overdue }
}

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
      populate: { 'care-areas': { title: true } },
      req,
      // Workflow facts only: nothing about who asked.
      select: { answeredAt: true, careArea: true, dueDay: true, firstResponseAt: true, receivedAt: true, status: true },
      // By id so pages neither skip nor repeat questions sharing a received time.
      sort: 'id',
      where,
      ...access,
    })
    more = result.hasNextPage
    for (const question of result.docs as StoredQuestion[]) {
      const id = relationId(question.careArea)
      const careAreaKey = id === null ? '' : String(id)
      if (question.careArea && typeof question.careArea === 'object') titles.set(careAreaKey, question.careArea.title)
      facts.push({
        ...outcomeOf({ closures, now, question }),
        careAreaKey,
        month: ukDay({ instant: new Date(question.receivedAt!) }).slice(0, 7),
      })
    }
  }
  const unnamed = [...new Set(facts.map(({ careAreaKey }) => careAreaKey))].filter((key) => key && !titles.has(key))
  for (const [key, title] of await careAreaTitles({ ids: unnamed, payload, req })) titles.set(key, title)
  return { facts, titles }
}

const groupBy = ({ facts, key }: { facts: Fact[]; key: (fact: Fact) => string }): Map<string, Fact[]> => {
  const groups = new Map<string, Fact[]>()
  for (const fact of facts) {
    const group = groups.get(key(fact))
    if (group) group.push(fact)
    else groups.set(key(fact), [fact])
  }
  return groups
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

  const byMonth = [...groupBy({ facts, key: ({ month }) => month })]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, outcomes]) => ({ month, ...summarise({ outcomes }) }))
  const byCareArea = [...groupBy({ facts, key: ({ careAreaKey }) => careAreaKey })]
    // A care area deleted since keeps its id on the question but has no title: it is not linked any more.
    .map(([key, outcomes]) => ({ careArea: titles.get(key) ?? NOT_LINKED, key, outcomes }))
    .sort((a, b) => Number(a.careArea === NOT_LINKED) - Number(b.careArea === NOT_LINKED) || a.careArea.localeCompare(b.careArea, 'en-GB'))
    .map(({ careArea, outcomes }) => ({ careArea, ...summarise({ outcomes }) }))
  return { byCareArea, byMonth, overall: summarise({ outcomes: facts }) }
}

const CSV_COLUMNS: [string, keyof ReportRow][] = [
  ['Received', 'received'],
  ['Answered', 'answered'],
  ['Met target', 'metTarget'],
  ['Met target (%)', 'metPercent'],
  ['Median first response (working hours)', 'medianFirstResponseWorkingHours'],
  ['90th percentile first response (working hours)', 'p90FirstResponseWorkingHours'],
  ['Open', 'open'],
  ['Overdue', 'overdue'],
]

/**
 * One CSV cell (RFC 4180). Text a spreadsheet would run as a formula (= + - @) gets a leading apostrophe;
 * numbers are left alone so they stay numbers.
 */
const csvCell = (value: null | number | string): string => {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** The report as CSV: month rows, then care-area rows, then the overall row, with CRLF line ends. */
export const reportCsv = ({ report }: { report: QuestionReport }): string => {
  const line = ({ group, name, row }: { group: string; name: string; row: ReportRow }) =>
    [group, name, ...CSV_COLUMNS.map(([, key]) => row[key])].map(csvCell).join(',')
  return [
    ['Group', 'Month or care area', ...CSV_COLUMNS.map(([label]) => label)].map(csvCell).join(','),
    ...report.byMonth.map((row) => line({ group: 'month', name: row.month, row })),
    ...report.byCareArea.map((row) => line({ group: 'care area', name: row.careArea, row })),
    line({ group: 'overall', name: 'All questions', row: report.overall }),
  ]
    .map((text) => `${text}\r\n`)
    .join('')
}
