/**
 * The figures of the question desk's service-level report, worked out from questions already read: pure
 * functions of the stored workflow facts, the desk's closure days and the time now, with no database or
 * access checks (those are in report.ts).
 */
import type { CareArea } from '../../payload-types'

import { relationId } from '../site/format'
import { slaStatus, ukDay, workingTimeBetween } from '../sla/working-days'

export type ReportRow = {
  answered: number
  /** Answered by pointing the asker to a published answer. */
  answeredFromPublished: number
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
  answeredFromPublished: boolean
  firstResponseMs: null | number
  met: boolean | null
  open: boolean
  overdue: boolean
}

export type Fact = Outcome & { careAreaKey: string; month: string }

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
    answeredFromPublished: count(({ answered, answeredFromPublished }) => answered && answeredFromPublished),
    medianFirstResponseWorkingHours: nearestRank({ p: 0.5, sorted: hours }),
    metPercent: known ? oneDecimal((metTarget / known) * 100) : null,
    metTarget,
    open: count(({ open }) => open),
    overdue: count(({ overdue }) => overdue),
    p90FirstResponseWorkingHours: nearestRank({ p: 0.9, sorted: hours }),
    received: outcomes.length,
  }
}

export type StoredQuestion = {
  answeredAt?: null | string
  answeredFrom?: null | number | object | string
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
  const answeredFromPublished = Boolean(question.answeredFrom)
  if (question.answeredAt) {
    const { state } = slaStatus({ answeredAt: new Date(question.answeredAt), closures, dueDay, now })
    return { answered: true, answeredFromPublished, firstResponseMs, met: state === 'met', open: false, overdue: false }
  }
  const unanswered = { answered: false, answeredFromPublished, firstResponseMs }
  if (question.status === 'closed') return { ...unanswered, met: null, open: false, overdue: false }
  const overdue = slaStatus({ closures, dueDay, now }).state === 'overdue'
  return { ...unanswered, met: overdue ? false : null, open: true, overdue }
}

/** What one stored question counts as: its outcome, keyed by care area id ('' when none) and UK month received. */
export const factOf = ({ closures, now, question }: { closures: string[]; now: Date; question: StoredQuestion }): Fact => {
  const id = relationId(question.careArea)
  return {
    ...outcomeOf({ closures, now, question }),
    careAreaKey: id === null ? '' : String(id),
    month: ukDay({ instant: new Date(question.receivedAt!) }).slice(0, 7),
  }
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

/** The report from its facts: months oldest first; care areas A–Z by `titles`, unlinked last. */
export const summariseFacts = ({ facts, titles }: { facts: Fact[]; titles: Map<string, string> }): QuestionReport => {
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
