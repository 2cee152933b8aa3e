/**
 * Service-level arithmetic for the "Ask a question" desk, which promises an answer within N UK working days.
 *
 * The promise is a day, not an instant:
 *
 * - A question received on a working day before the cut-off (17:00 UK time) counts that day as day 0. One
 *   received after the cut-off, or on a weekend, an England & Wales bank holiday or an admin-set closure day,
 *   counts from the day it arrived as if none of that day were left: its day 0 is the next calendar day
 *   when the arrival day is a working day (after the cut-off), else the arrival day itself.
 * - The due DAY is the Nth working day after day 0 (received Monday 10:00 → the Monday after; Saturday →
 *   Friday; Monday 18:00 → the Tuesday after). The question is on time if answered by the end of that UK day.
 * - "Due in N working days" counts working days after today's day 0 up to the due day, so on arrival it
 *   reads the number promised; on the due day it is 0 ("due today").
 * - Time spent awaiting the asker moves the due day later by the working days it covered, counted the same
 *   way (a pause from Tuesday to Thursday adds two; one inside a day or a weekend adds none).
 *
 * Working time in hours (`workingTimeBetween`) is kept for the report's first-response figures.
 */
import Holidays from 'date-holidays'

import type { HolidaysTypes } from 'date-holidays'

import { DAY_MS, dayStart, instantFromUkWallClock, shiftDay, ukPosition } from './uk-time'

export { ukDay, ukWallClockToInstant } from './uk-time'

/** Working days the desk promises unless told otherwise. */
export const DEFAULT_SLA_WORKING_DAYS = 5

/** UK wall-clock hour (17:00) from which a question arriving on a working day counts from the next day. */
export const CUT_OFF_HOUR = 17
const CUT_OFF_MS = CUT_OFF_HOUR * 60 * 60 * 1000

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

const checkDays = ({ days }: { days: number }): number => {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Working days must be a whole number of at least 0, not ${days}`)
  return days
}

/** The working day `days` working days after `day` (YYYY-MM-DD); `day` itself for 0, whether or not it is a working day. */
export const workingDayAfter = ({ closures, day, days }: { closures?: readonly string[]; day: string; days: number }): string => {
  let left = checkDays({ days })
  let current = day
  while (left > 0) {
    current = shiftDay({ by: 1, day: current })
    if (isWorkingDay({ closures, date: current })) left--
  }
  return current
}

/** Working days after `from` up to and including `to` (both YYYY-MM-DD); negative when `to` is before `from`. */
export const workingDaysBetween = ({ closures, from, to }: { closures?: readonly string[]; from: string; to: string }): number => {
  if (to < from) return 0 - workingDaysBetween({ closures, from: to, to: from })
  let count = 0
  for (let day = shiftDay({ by: 1, day: from }); day <= to; day = shiftDay({ by: 1, day })) {
    if (isWorkingDay({ closures, date: day })) count++
  }
  return count
}

/** Day 0 for something arriving at `instant`: its UK day, or the next day when it arrives on a working day after the cut-off. */
export const countingDay = ({ closures, instant }: { closures?: readonly string[]; instant: Date }): string => {
  const { day, wallMs } = ukPosition({ instant })
  return wallMs >= CUT_OFF_MS && isWorkingDay({ closures, date: day }) ? shiftDay({ by: 1, day }) : day
}

/** The due day of a question received at `received`: the `days`th working day after its day 0. */
export const dueDayFor = ({
  closures,
  days = DEFAULT_SLA_WORKING_DAYS,
  received,
}: {
  closures?: readonly string[]
  days?: number
  received: Date
}): string => workingDayAfter({ closures, day: countingDay({ closures, instant: received }), days })

/** The last instant of a UK day, 23:59:59.999 UK time (never the next midnight, which is the next day). */
export const endOfUkDay = ({ day }: { day: string }): Date => instantFromUkWallClock({ day, wallMs: DAY_MS - 1 })

/** The first instant whose day 0 is `day`: the cut-off the day before when that was a working day, else `day`'s midnight. */
const firstInstantCounting = ({ closures, day }: { closures?: readonly string[]; day: string }): Date => {
  const before = shiftDay({ by: -1, day })
  return isWorkingDay({ closures, date: before })
    ? instantFromUkWallClock({ day: before, wallMs: CUT_OFF_MS })
    : instantFromUkWallClock({ day, wallMs: 0 })
}

/**
 * When the "due soon" reminder is due: the moment one working day or less is left, i.e. the first instant
 * whose day 0 is the last working day before the due day.
 */
export const dueSoonFrom = ({ closures, dueDay }: { closures?: readonly string[]; dueDay: string }): Date => {
  let lastBefore = shiftDay({ by: -1, day: dueDay })
  while (!isWorkingDay({ closures, date: lastBefore })) lastBefore = shiftDay({ by: -1, day: lastBefore })
  return firstInstantCounting({ closures, day: lastBefore })
}

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
 * The due day once pauses are taken out: each pause that began before the end of the due day moves it later
 * by the working days it covered. A pause with no end is still running: then `dueDay` is null (it depends on
 * when the asker replies), unless the due day had already ended before that pause began, which no later pause
 * can undo. `paused` says whether any pause is still running.
 */
export const dueDayWithPauses = ({
  closures,
  days = DEFAULT_SLA_WORKING_DAYS,
  pauses,
  received,
}: {
  closures?: readonly string[]
  days?: number
  pauses: readonly SlaPause[]
  received: Date
}): { dueDay: null | string; paused: boolean } => {
  const paused = pauses.some(({ to }) => !to)
  let dueDay = dueDayFor({ closures, days, received })
  for (const pause of pauseSpans({ pauses, start: received })) {
    if (pause.from.getTime() > endOfUkDay({ day: dueDay }).getTime()) break
    if (!pause.to) return { dueDay: null, paused }
    const covered = workingDaysBetween({
      closures,
      from: countingDay({ closures, instant: pause.from }),
      to: countingDay({ closures, instant: pause.to }),
    })
    dueDay = workingDayAfter({ closures, day: dueDay, days: covered })
  }
  return { dueDay, paused }
}

export type SlaState = 'due-soon' | 'met' | 'missed' | 'on-track' | 'overdue' | 'paused'

/**
 * Where a question stands against its due day (null while paused). Answered: met when answered by the end of
 * the due day, else missed. Open: overdue once the due day has ended, and then `workingDaysLeft` is minus the
 * working days since (0 over the weekend after a Friday due day); otherwise the working days from today's day 0
 * to the due day, 0 on the due day itself, and due soon at one or less.
 */
export const slaStatus = ({
  answeredAt,
  closures,
  dueDay,
  now = new Date(),
}: {
  answeredAt?: Date | null
  closures?: readonly string[]
  dueDay: null | string
  now?: Date
}): { state: SlaState; workingDaysLeft: null | number } => {
  if (answeredAt) {
    // Answered while paused: the clock stopped before the due day and never restarted.
    if (!dueDay) return { state: 'met', workingDaysLeft: null }
    const answeredDay = ukPosition({ instant: answeredAt }).day
    // Working days to spare (0 when answered on the due day), or minus the working days late.
    return {
      state: answeredDay <= dueDay ? 'met' : 'missed',
      workingDaysLeft: workingDaysBetween({ closures, from: answeredDay, to: dueDay }),
    }
  }
  if (!dueDay) return { state: 'paused', workingDaysLeft: null }
  const today = ukPosition({ instant: now }).day
  if (today > dueDay) return { state: 'overdue', workingDaysLeft: workingDaysBetween({ closures, from: today, to: dueDay }) }
  const workingDaysLeft = Math.max(0, workingDaysBetween({ closures, from: countingDay({ closures, instant: now }), to: dueDay }))
  return { state: workingDaysLeft <= 1 ? 'due-soon' : 'on-track', workingDaysLeft }
}
