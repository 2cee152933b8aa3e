/**
 * Service-level arithmetic for the "Ask a question" desk, which must answer within N UK working days.
 *
 * Everything runs on one model, "working time": a clock that runs through the whole of every working day
 * (24h of UK wall-clock time, midnight to midnight) and stands still on weekends, England & Wales bank
 * holidays and admin-set closure days. N working days = N × 24h of working time. From this:
 *
 * - Received during a working day: due at the same UK clock time on the Nth following working day
 *   (Mon 10:00 + 5 → next Mon 10:00; Fri 15:00 + 5 → next Fri 15:00), in GMT or BST alike.
 * - Received on a non-working day: the clock starts at 00:00 on the next working day, so the question is
 *   due at the end of the Nth working day counted from that one (received Saturday + 5 → due at midnight at
 *   the end of Friday, i.e. 00:00 UK time on Saturday). Received at exactly 00:00 on a working day is the
 *   same thing, since no working time separates it from the days before.
 * - Where several instants share a working-time position (a weekend), a due date is the earliest of them
 *   (the end of the last working day, not the start of the next) and a reminder the latest.
 * - Paused time (status "awaiting-requester") counts only its working time, so a pause over a weekend
 *   moves the deadline by the weekday hours paused and no more.
 */
import Holidays from 'date-holidays'

import type { HolidaysTypes } from 'date-holidays'

import { DAY_MS, dayStart, instantFromUkWallClock, shiftDay, ukPosition } from './uk-time'

export { ukDay, ukWallClockToInstant } from './uk-time'

/** Working days the desk promises unless told otherwise. */
export const DEFAULT_SLA_WORKING_DAYS = 5

/** One working day of working time, for turning `workingMsLeft` and friends into days. */
export const WORKING_DAY_MS = DAY_MS

// 'bank' is not used by the England data today, but a day of that type would close the desk just the same.
const CLOSED_TYPES: readonly HolidaysTypes.HolidayType[] = ['public', 'bank']

let englandAndWales: Holidays | undefined
const bankHolidaysByYear = new Map<number, ReadonlySet<string>>()

/** Bank holidays (substitute days included) for one year, worked out once: list views ask for many due dates. */
const bankHolidays = ({ year }: { year: number }): ReadonlySet<string> => {
  const known = bankHolidaysByYear.get(year)
  if (known) return known
  englandAndWales ??= new Holidays('GB', 'ENG')
  const days = new Set(
    englandAndWales
      .getHolidays(year)
      .filter(({ type }) => CLOSED_TYPES.includes(type))
      .map(({ date }) => date.slice(0, 10)),
  )
  bankHolidaysByYear.set(year, days)
  return days
}

/**
 * Whether the desk works on a UK calendar day (YYYY-MM-DD): not a weekend, not an England & Wales bank
 * holiday (substitute days included) and not one of the admin's extra `closures` (also YYYY-MM-DD).
 */
export const isWorkingDay = ({ closures = [], date }: { closures?: readonly string[]; date: string }): boolean => {
  const weekday = new Date(dayStart({ day: date })).getUTCDay()
  if (weekday === 0 || weekday === 6) return false
  return !bankHolidays({ year: Number(date.slice(0, 4)) }).has(date) && !closures.includes(date)
}

/**
 * Milliseconds of working time from `from` to `to`: whole working days count 24h, the first and last day
 * count by UK wall clock, non-working days count nothing. Negative when `to` is before `from`.
 */
export const workingTimeBetween = ({ closures, from, to }: { closures?: readonly string[]; from: Date; to: Date }): number => {
  // `0 -` rather than unary minus, so an empty span is 0 and never -0.
  if (to.getTime() < from.getTime()) return 0 - workingTimeBetween({ closures, from: to, to: from })
  const start = ukPosition({ instant: from })
  const end = ukPosition({ instant: to })
  let total = 0
  for (let day = start.day; day <= end.day; day = shiftDay({ by: 1, day })) {
    if (!isWorkingDay({ closures, date: day })) continue
    total += (day === end.day ? end.wallMs : DAY_MS) - (day === start.day ? start.wallMs : 0)
  }
  return total
}

/** The earliest instant at which `ms` of working time has run since `from`. */
const addWorkingTime = ({ closures, from, ms }: { closures?: readonly string[]; from: Date; ms: number }): Date => {
  if (ms <= 0) return new Date(from.getTime())
  let { day, wallMs } = ukPosition({ instant: from })
  let left = ms
  for (;; day = shiftDay({ by: 1, day }), wallMs = 0) {
    if (!isWorkingDay({ closures, date: day })) continue
    // `<=` so a deadline that uses up a whole day is that day's midnight end, not the next working morning.
    if (left <= DAY_MS - wallMs) return instantFromUkWallClock({ day, wallMs: wallMs + left })
    left -= DAY_MS - wallMs
  }
}

/** The latest instant from which `ms` of working time still runs until `to`. */
const subtractWorkingTime = ({ closures, ms, to }: { closures?: readonly string[]; ms: number; to: Date }): Date => {
  if (ms <= 0) return new Date(to.getTime())
  let { day, wallMs } = ukPosition({ instant: to })
  let left = ms
  for (;; day = shiftDay({ by: -1, day }), wallMs = DAY_MS) {
    if (!isWorkingDay({ closures, date: day })) continue
    if (left <= wallMs) return instantFromUkWallClock({ day, wallMs: wallMs - left })
    left -= wallMs
  }
}

const workingDaysMs = ({ days }: { days: number }): number => {
  if (!Number.isFinite(days) || days < 0) throw new RangeError(`Working days must be a finite number of at least 0, not ${days}`)
  return days * DAY_MS
}

/** When a question received at `from` is due: `days` working days of working time later (rules at the top). */
export const addWorkingDays = ({
  closures,
  days = DEFAULT_SLA_WORKING_DAYS,
  from,
}: {
  closures?: readonly string[]
  days?: number
  from: Date
}): Date => addWorkingTime({ closures, from, ms: workingDaysMs({ days }) })

/** The instant to send the "due tomorrow" reminder: one working day of working time before `due`. */
export const oneWorkingDayBefore = ({ closures, due }: { closures?: readonly string[]; due: Date }): Date =>
  subtractWorkingTime({ closures, ms: DAY_MS, to: due })

export type SlaPause = { from: Date; to?: Date | null }

type PauseSpan = { from: Date; to: Date | null }

/** Pauses clipped to start no earlier than `start`, sorted, with overlapping or touching ones joined. */
const pauseSpans = ({ pauses, start }: { pauses: readonly SlaPause[]; start: Date }): PauseSpan[] =>
  pauses
    .map(({ from, to }) => ({ from: new Date(Math.max(from.getTime(), start.getTime())), to: to ?? null }))
    // Pauses over before the question arrived, or ending before they begin, stop nothing.
    .filter(({ from, to }) => !to || to.getTime() > from.getTime())
    .sort((a, b) => a.from.getTime() - b.from.getTime())
    .reduce<PauseSpan[]>((spans, pause) => {
      const last = spans.at(-1)
      if (!last || (last.to && pause.from.getTime() > last.to.getTime())) return [...spans, pause]
      // An open pause swallows everything after it.
      last.to = last.to && pause.to ? new Date(Math.max(last.to.getTime(), pause.to.getTime())) : null
      return spans
    }, [])

/**
 * The due instant once pauses are taken out: the instant where working time since `received`, less the
 * working time spent paused, reaches `days` working days. A pause with no end is still running: then `due`
 * is null (it depends on when the requester replies), unless the deadline had already passed before that
 * pause began, which no later pause can undo. `paused` says whether any pause is still running.
 */
export const dueWithPauses = ({
  closures,
  days = DEFAULT_SLA_WORKING_DAYS,
  pauses,
  received,
}: {
  closures?: readonly string[]
  days?: number
  pauses: readonly SlaPause[]
  received: Date
}): { due: Date | null; paused: boolean } => {
  const paused = pauses.some(({ to }) => !to)
  let left = workingDaysMs({ days })
  let running = received
  for (const pause of pauseSpans({ pauses, start: received })) {
    const runBeforePause = workingTimeBetween({ closures, from: running, to: pause.from })
    if (runBeforePause >= left) break
    if (!pause.to) return { due: null, paused }
    left -= runBeforePause
    running = pause.to
  }
  return { due: addWorkingTime({ closures, from: running, ms: left }), paused }
}

export type SlaState = 'due-soon' | 'met' | 'missed' | 'on-track' | 'overdue' | 'paused'

/**
 * Where a question stands. `due` null means the clock is paused (see `dueWithPauses`). Once answered it is
 * met or missed, and `workingMsLeft` is the working time that was left at the answer (negative if late);
 * otherwise it is the working time left now, negative once overdue. Due-soon means under one working day left.
 */
export const slaStatus = ({
  answeredAt,
  closures,
  due,
  now = new Date(),
}: {
  answeredAt?: Date | null
  closures?: readonly string[]
  due: Date | null
  now?: Date
}): { state: SlaState; workingMsLeft: number | null } => {
  if (answeredAt) {
    // Answered while paused: the clock stopped before the deadline and never restarted.
    if (!due) return { state: 'met', workingMsLeft: null }
    const state = answeredAt.getTime() <= due.getTime() ? 'met' : 'missed'
    return { state, workingMsLeft: workingTimeBetween({ closures, from: answeredAt, to: due }) }
  }
  if (!due) return { state: 'paused', workingMsLeft: null }
  const workingMsLeft = workingTimeBetween({ closures, from: now, to: due })
  // Judged by instants: past a Friday-midnight deadline over the weekend no working time has gone, but it is late.
  if (now.getTime() > due.getTime()) return { state: 'overdue', workingMsLeft }
  return { state: workingMsLeft < DAY_MS ? 'due-soon' : 'on-track', workingMsLeft }
}
