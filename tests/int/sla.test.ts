import Holidays from 'date-holidays'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { describeSla } from '../../src/lib/questions/sla'
import {
  dueDayFor,
  dueDayWithPauses,
  dueSoonFrom,
  endOfUkDay,
  isWorkingDay,
  slaStatus,
  ukDay,
  ukWallClockToInstant,
  workingTimeBetween,
} from '../../src/lib/sla/working-days'

const at = (iso: string) => new Date(iso)
/** An instant written as UK wall-clock time, so the cases read as people say them. */
const uk = (day: string, time: string) => ukWallClockToInstant({ day, time })
const due = ({ closures, days, from }: { closures?: string[]; days?: number; from: Date }) => dueDayFor({ closures, days, received: from })

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

afterEach(() => {
  vi.restoreAllMocks()
})

describe('UK calendar and clock', () => {
  it('reads the UK day of an instant in GMT and BST', () => {
    expect(ukDay({ instant: at('2026-01-31T23:30:00.000Z') })).toBe('2026-01-31')
    // 23:30 UTC on 30 June is 00:30 BST on 1 July.
    expect(ukDay({ instant: at('2026-06-30T23:30:00.000Z') })).toBe('2026-07-01')
    expect(ukDay({ instant: at('2026-06-30T22:59:59.999Z') })).toBe('2026-06-30')
  })

  it('builds instants from UK wall-clock times, clock changes included', () => {
    expect(ukWallClockToInstant({ day: '2026-01-15', time: '10:00' }).toISOString()).toBe('2026-01-15T10:00:00.000Z')
    expect(ukWallClockToInstant({ day: '2026-07-01', time: '10:00:30.250' }).toISOString()).toBe('2026-07-01T09:00:30.250Z')
    // Sunday 29 March 2026: clocks go forward at 01:00 GMT; 01:30 does not exist and reads as 02:30 BST.
    expect(ukWallClockToInstant({ day: '2026-03-29', time: '00:30' }).toISOString()).toBe('2026-03-29T00:30:00.000Z')
    expect(ukWallClockToInstant({ day: '2026-03-29', time: '01:30' }).toISOString()).toBe('2026-03-29T01:30:00.000Z')
    expect(ukWallClockToInstant({ day: '2026-03-29', time: '02:30' }).toISOString()).toBe('2026-03-29T01:30:00.000Z')
    // Sunday 25 October 2026: 01:00–02:00 happens twice; the first (BST) one is taken.
    expect(ukWallClockToInstant({ day: '2026-10-25', time: '01:30' }).toISOString()).toBe('2026-10-25T00:30:00.000Z')
    expect(ukWallClockToInstant({ day: '2026-10-25', time: '02:30' }).toISOString()).toBe('2026-10-25T02:30:00.000Z')
  })

  it('refuses days and times that do not exist', () => {
    expect(() => ukWallClockToInstant({ day: '2026-02-30', time: '10:00' })).toThrow(RangeError)
    expect(() => ukWallClockToInstant({ day: '2026-2-3', time: '10:00' })).toThrow(RangeError)
    expect(() => ukWallClockToInstant({ day: '2026-02-03', time: '24:00' })).toThrow(RangeError)
    expect(() => isWorkingDay({ date: '03/02/2026' })).toThrow(RangeError)
  })
})

describe('working days', () => {
  it('excludes weekends, bank holidays with their substitute days, and closure days', () => {
    expect(isWorkingDay({ date: '2026-11-13' })).toBe(true) // Friday
    expect(isWorkingDay({ date: '2026-11-14' })).toBe(false) // Saturday
    expect(isWorkingDay({ date: '2026-11-15' })).toBe(false) // Sunday
    expect(isWorkingDay({ date: '2026-12-24' })).toBe(true)
    expect(isWorkingDay({ date: '2026-12-25' })).toBe(false) // Christmas Day, Friday
    expect(isWorkingDay({ date: '2026-12-28' })).toBe(false) // Boxing Day (substitute day), Monday
    expect(isWorkingDay({ date: '2026-12-29' })).toBe(true)
    expect(isWorkingDay({ date: '2027-12-27' })).toBe(false) // Christmas Day (substitute day), Monday
    expect(isWorkingDay({ date: '2027-03-26' })).toBe(false) // Good Friday
    expect(isWorkingDay({ date: '2027-03-29' })).toBe(false) // Easter Monday
    expect(isWorkingDay({ date: '2027-03-15' })).toBe(true) // Mother's Day week: observances do not close the desk
    expect(isWorkingDay({ closures: ['2026-12-24', '2026-12-31'], date: '2026-12-24' })).toBe(false)
    expect(isWorkingDay({ closures: ['2026-12-31'], date: '2026-12-24' })).toBe(true)
  })

  it('looks each year of bank holidays up once', () => {
    const getHolidays = vi.spyOn(Holidays.prototype, 'getHolidays')
    for (const date of ['2031-01-01', '2031-04-10', '2031-12-25', '2031-06-02']) isWorkingDay({ date })
    expect(isWorkingDay({ date: '2031-04-11' })).toBe(false) // Good Friday 2031
    expect(getHolidays.mock.calls.filter(([year]) => year === 2031)).toHaveLength(1)
  })
})

describe('due days', () => {
  it('counts a working day received before 17:00 as day 0 and promises the 5th working day after it', () => {
    expect(due({ from: uk('2026-11-09', '10:00') })).toBe('2026-11-16') // Mon → Mon
    expect(due({ from: uk('2026-11-06', '15:00') })).toBe('2026-11-13') // Fri → Fri
    expect(due({ from: uk('2026-11-09', '00:00') })).toBe('2026-11-16')
    expect(due({ from: uk('2026-11-09', '16:59:59.999') })).toBe('2026-11-16')
    expect(due({ days: 1, from: uk('2026-11-13', '15:00') })).toBe('2026-11-16')
    expect(due({ days: 0, from: uk('2026-11-13', '15:00') })).toBe('2026-11-13')
  })

  it('counts a question received at or after 17:00 on a working day from the next day', () => {
    expect(due({ from: uk('2026-11-09', '17:00') })).toBe('2026-11-17') // Mon evening → Tue week
    expect(due({ from: uk('2026-11-09', '23:59') })).toBe('2026-11-17')
    // Friday evening counts from Saturday: the same Friday as a question sent on Saturday, never later.
    expect(due({ from: uk('2026-11-13', '18:00') })).toBe('2026-11-20')
    // Christmas Eve evening: the next day is Christmas Day, so 29, 30, 31 Dec, 4, 5 Jan.
    expect(due({ from: uk('2026-12-24', '18:00') })).toBe('2027-01-05')
  })

  it('counts from the next working day when received on a weekend, bank holiday or closure day', () => {
    // Saturday 19 December 2026: 21, 22, 23, 24 Dec; Christmas Day and the Boxing Day substitute skipped; 29 Dec.
    expect(due({ from: uk('2026-12-19', '10:00') })).toBe('2026-12-29')
    expect(due({ from: uk('2026-11-07', '11:00') })).toBe('2026-11-13') // Sat → Fri
    expect(due({ from: uk('2026-11-08', '23:59:59.999') })).toBe('2026-11-13') // Sun late → Fri
    expect(due({ from: uk('2026-11-08', '18:00') })).toBe('2026-11-13') // the cut-off is for working days only
    // Good Friday 26 March 2027: Easter Monday skipped; 30, 31 Mar, 1, 2, 5 Apr.
    expect(due({ from: uk('2027-03-26', '10:00') })).toBe('2027-04-05')
    expect(due({ from: uk('2026-12-25', '12:00') })).toBe('2027-01-05') // Christmas Day
    expect(due({ closures: ['2026-12-24'], from: uk('2026-12-24', '10:00') })).toBe('2027-01-05') // closure day
    expect(due({ closures: ['2026-12-24'], from: uk('2026-12-23', '10:00') })).toBe('2027-01-05')
    expect(due({ from: uk('2026-12-23', '10:00') })).toBe('2027-01-04')
  })

  it('is the same UK day across the March and October clock changes', () => {
    // Sunday 29 March 2026 (clocks forward), in its last GMT hour and its first BST hour: 30, 31 Mar, 1, 2 Apr,
    // then Good Friday 3 and Easter Monday 6 April skipped, Tue 7 Apr.
    expect(due({ from: at('2026-03-29T00:30:00.000Z') })).toBe('2026-04-07')
    expect(due({ from: at('2026-03-29T01:30:00.000Z') })).toBe('2026-04-07')
    // Fri 27 Mar 16:30 GMT: 30, 31 Mar, 1, 2 Apr, Good Friday and Easter Monday skipped, Tue 7 Apr.
    expect(due({ from: uk('2026-03-27', '16:30') })).toBe('2026-04-07')
    // 17:30 BST on Mon 30 March is 16:30 UTC: after the UK cut-off, so 1, 2, 7, 8, 9 Apr.
    expect(due({ from: at('2026-03-30T16:30:00.000Z') })).toBe('2026-04-09')
    expect(due({ from: at('2026-03-30T15:30:00.000Z') })).toBe('2026-04-08')
    // Sunday 25 October 2026: 01:30 happens twice; both count from Monday.
    expect(due({ from: at('2026-10-25T00:30:00.000Z') })).toBe('2026-10-30')
    expect(due({ from: at('2026-10-25T01:30:00.000Z') })).toBe('2026-10-30')
    // Thu 22 Oct 16:30 BST (15:30 UTC) is before the cut-off; 17:30 GMT on Mon 26 Oct is after it.
    expect(due({ from: at('2026-10-22T15:30:00.000Z') })).toBe('2026-10-29')
    expect(due({ from: at('2026-10-26T17:30:00.000Z') })).toBe('2026-11-03')
  })

  it('ends at 23:59:59.999 UK time on the due day, never the next midnight', () => {
    expect(endOfUkDay({ day: '2026-12-29' }).toISOString()).toBe('2026-12-29T23:59:59.999Z')
    expect(endOfUkDay({ day: '2027-04-05' }).toISOString()).toBe('2027-04-05T22:59:59.999Z') // BST
    expect(ukDay({ instant: endOfUkDay({ day: '2027-04-05' }) })).toBe('2027-04-05')
  })

  it('refuses a negative or fractional number of days', () => {
    expect(() => due({ days: -1, from: uk('2026-11-09', '10:00') })).toThrow(RangeError)
    expect(() => due({ days: Number.NaN, from: uk('2026-11-09', '10:00') })).toThrow(RangeError)
    expect(() => due({ days: 1.5, from: uk('2026-11-09', '10:00') })).toThrow(RangeError)
  })
})

describe('working time between two instants', () => {
  it('counts only working days, partial days by the UK clock', () => {
    // Fri 13 Nov 16:00 → Mon 16 Nov 09:00: 8h of Friday + 9h of Monday.
    expect(workingTimeBetween({ from: at('2026-11-13T16:00:00.000Z'), to: at('2026-11-16T09:00:00.000Z') })).toBe(17 * HOUR)
    expect(workingTimeBetween({ from: at('2026-11-09T10:00:00.000Z'), to: at('2026-11-16T10:00:00.000Z') })).toBe(5 * DAY)
    expect(workingTimeBetween({ from: at('2026-11-14T08:00:00.000Z'), to: at('2026-11-15T20:00:00.000Z') })).toBe(0)
    expect(workingTimeBetween({ from: at('2026-11-10T09:00:00.000Z'), to: at('2026-11-10T09:45:00.000Z') })).toBe(45 * 60 * 1000)
    // Negative when reversed.
    expect(workingTimeBetween({ from: at('2026-11-16T09:00:00.000Z'), to: at('2026-11-13T16:00:00.000Z') })).toBe(-17 * HOUR)
  })

  it('uses wall-clock time over a clock change and honours holidays and closures', () => {
    // Fri 27 Mar 12:00 GMT → Mon 30 Mar 09:00 BST: 12h + 9h (the short Sunday does not count).
    expect(workingTimeBetween({ from: at('2026-03-27T12:00:00.000Z'), to: at('2026-03-30T08:00:00.000Z') })).toBe(21 * HOUR)
    // Thu 24 Dec 12:00 → Tue 29 Dec 12:00: 12h + 12h.
    const christmas = { from: at('2026-12-24T12:00:00.000Z'), to: at('2026-12-29T12:00:00.000Z') }
    expect(workingTimeBetween(christmas)).toBe(24 * HOUR)
    expect(workingTimeBetween({ ...christmas, closures: ['2026-12-24'] })).toBe(12 * HOUR)
  })
})

describe('paused clock', () => {
  const received = uk('2026-11-09', '10:00') // Mon; due Mon 16 Nov unpaused
  const dueWith = (pauses: { from: Date; to?: Date | null }[]) => dueDayWithPauses({ pauses, received })

  it('moves the due day by the working days paused', () => {
    // Tue 10:00 → Thu 10:00 covers Wed and Thu: due Wed 18 Nov.
    expect(dueWith([{ from: uk('2026-11-10', '10:00'), to: uk('2026-11-12', '10:00') }])).toEqual({ dueDay: '2026-11-18', paused: false })
    // Within one day: nothing.
    expect(dueWith([{ from: uk('2026-11-10', '10:00'), to: uk('2026-11-10', '15:00') }]).dueDay).toBe('2026-11-16')
  })

  it('counts only the working days of a pause over a weekend', () => {
    expect(dueWith([{ from: uk('2026-11-13', '10:00'), to: uk('2026-11-16', '10:00') }]).dueDay).toBe('2026-11-17') // Fri → Mon: one
    expect(dueWith([{ from: uk('2026-11-14', '10:00'), to: uk('2026-11-15', '10:00') }]).dueDay).toBe('2026-11-16') // inside: none
    expect(dueWith([{ from: uk('2026-11-12', '10:00'), to: uk('2026-11-14', '12:00') }]).dueDay).toBe('2026-11-17') // Thu → Sat: Fri
  })

  it('joins overlapping pauses and ignores time paused before the question arrived', () => {
    const overlapping = dueWith([
      { from: uk('2026-11-11', '10:00'), to: uk('2026-11-13', '10:00') },
      { from: uk('2026-11-10', '10:00'), to: uk('2026-11-12', '10:00') },
    ])
    // Together Tue → Fri: three working days, due Thu 19 Nov.
    expect(overlapping.dueDay).toBe('2026-11-19')
    expect(dueWith([{ from: uk('2026-11-06', '10:00'), to: uk('2026-11-10', '10:00') }]).dueDay).toBe('2026-11-17')
    expect(dueWith([]).dueDay).toBe('2026-11-16')
  })

  it('has no due day while a pause is open, unless the due day had already ended', () => {
    const open = dueWith([{ from: uk('2026-11-10', '10:00'), to: uk('2026-11-11', '10:00') }, { from: uk('2026-11-12', '10:00') }])
    expect(open).toEqual({ dueDay: null, paused: true })
    expect(slaStatus({ dueDay: open.dueDay, now: uk('2026-11-20', '10:00') })).toEqual({ state: 'paused', workingDaysLeft: null })
    // Put on hold on the due day itself: still in time, so the day waits for the asker.
    expect(dueWith([{ from: uk('2026-11-16', '22:00') }]).dueDay).toBeNull()
    // Put on hold the day after: already late.
    const late = dueWith([{ from: uk('2026-11-17', '10:00'), to: null }])
    expect(late).toEqual({ dueDay: '2026-11-16', paused: true })
    expect(slaStatus({ dueDay: late.dueDay, now: uk('2026-11-18', '10:00') }).state).toBe('overdue')
  })
})

describe('service-level status and "Due in N working days"', () => {
  it('reads the number promised on arrival, whatever the day or time it arrived', () => {
    for (const [day, time] of [
      ['2026-11-09', '10:00'], // working day
      ['2026-11-09', '18:30'], // after hours
      ['2026-12-19', '10:00'], // Saturday
      ['2027-03-26', '10:00'], // Good Friday
      ['2026-03-29', '01:30'], // the hour the clocks go forward
      ['2026-10-25', '01:30'], // the hour that happens twice
    ]) {
      const received = uk(day, time)
      const dueDay = due({ from: received })
      expect(slaStatus({ dueDay, now: received }), `${day} ${time}`).toEqual({ state: 'on-track', workingDaysLeft: 5 })
    }
    const closed = uk('2026-12-24', '10:00')
    expect(
      slaStatus({ closures: ['2026-12-24'], dueDay: due({ closures: ['2026-12-24'], from: closed }), now: closed }).workingDaysLeft,
    ).toBe(5)
  })

  it('is due soon with one working day left, due today on the due day, and overdue only once that day ends', () => {
    const dueDay = '2026-11-16' // Mon
    expect(slaStatus({ dueDay, now: uk('2026-11-11', '10:00') })).toEqual({ state: 'on-track', workingDaysLeft: 3 })
    expect(slaStatus({ dueDay, now: uk('2026-11-12', '16:59') })).toEqual({ state: 'on-track', workingDaysLeft: 2 })
    // From Thursday's cut-off Friday is day 0: one working day left.
    expect(slaStatus({ dueDay, now: uk('2026-11-12', '17:00') })).toEqual({ state: 'due-soon', workingDaysLeft: 1 })
    expect(slaStatus({ dueDay, now: uk('2026-11-15', '12:00') })).toEqual({ state: 'due-soon', workingDaysLeft: 1 })
    expect(slaStatus({ dueDay, now: uk('2026-11-16', '09:00') })).toEqual({ state: 'due-soon', workingDaysLeft: 0 })
    expect(slaStatus({ dueDay, now: uk('2026-11-16', '23:59:59.999') })).toEqual({ state: 'due-soon', workingDaysLeft: 0 })
    expect(slaStatus({ dueDay, now: uk('2026-11-17', '00:00') })).toEqual({ state: 'overdue', workingDaysLeft: -1 })
    // Due Friday: late over the weekend, though no working day has gone.
    expect(slaStatus({ dueDay: '2026-11-13', now: uk('2026-11-14', '09:00') })).toEqual({ state: 'overdue', workingDaysLeft: 0 })
  })

  it('is met when answered by the end of the due day, in GMT or BST', () => {
    expect(slaStatus({ answeredAt: uk('2026-11-16', '23:30'), dueDay: '2026-11-16' })).toEqual({ state: 'met', workingDaysLeft: 0 })
    expect(slaStatus({ answeredAt: uk('2026-11-12', '10:00'), dueDay: '2026-11-16' })).toEqual({ state: 'met', workingDaysLeft: 2 })
    expect(slaStatus({ answeredAt: uk('2026-11-17', '00:00'), dueDay: '2026-11-16' })).toEqual({ state: 'missed', workingDaysLeft: -1 })
    // 23:30 BST on the due day is 22:30 UTC: still that day.
    expect(slaStatus({ answeredAt: at('2027-04-05T22:30:00.000Z'), dueDay: '2027-04-05' }).state).toBe('met')
    expect(slaStatus({ answeredAt: uk('2026-11-12', '10:00'), dueDay: null })).toEqual({ state: 'met', workingDaysLeft: null })
  })

  it('prints the promised day in words that agree with the count', () => {
    const received = uk('2026-12-19', '10:00')
    const dueDay = due({ from: received })
    expect(describeSla({ closures: [], dueDay, now: received })).toBe('Due in 5 working days (Tuesday 29 December 2026)')
    expect(describeSla({ closures: [], dueDay, now: uk('2026-12-24', '12:00') })).toBe('Due in 1 working day (Tuesday 29 December 2026)')
    expect(describeSla({ closures: [], dueDay, now: uk('2026-12-29', '20:00') })).toBe('Due today (Tuesday 29 December 2026)')
    expect(describeSla({ closures: [], dueDay, now: uk('2026-12-31', '09:00') })).toBe(
      'Overdue by 2 working days (due Tuesday 29 December 2026)',
    )
    const goodFriday = uk('2027-03-26', '10:00')
    expect(describeSla({ closures: [], dueDay: due({ from: goodFriday }), now: goodFriday })).toBe(
      'Due in 5 working days (Monday 5 April 2027)',
    )
  })
})

describe('reminder before the due day', () => {
  it('starts when one working day is left, stepping back over weekends, holidays and closures', () => {
    // Due Mon 16 Nov: Friday is the last working day before, and Thursday a working day, so from Thu 17:00.
    expect(dueSoonFrom({ dueDay: '2026-11-16' })).toEqual(uk('2026-11-12', '17:00'))
    // Due Tue 29 Dec: the last working day before is Thu 24 Dec, counted from Wed 23 Dec 17:00.
    expect(dueSoonFrom({ dueDay: '2026-12-29' })).toEqual(uk('2026-12-23', '17:00'))
    // With 23 Dec closed as well, 24 Dec is day 0 from its own midnight.
    expect(dueSoonFrom({ closures: ['2026-12-23'], dueDay: '2026-12-29' })).toEqual(uk('2026-12-24', '00:00'))
    // Due Tue 31 Mar 2026: Monday is the last working day before, day 0 from its midnight (BST, the day after the change).
    expect(dueSoonFrom({ dueDay: '2026-03-31' })).toEqual(at('2026-03-29T23:00:00.000Z'))
    // Due Wed 28 Oct 2026: from Mon 26 Oct 17:00 GMT, the day after the clocks went back.
    expect(dueSoonFrom({ dueDay: '2026-10-28' })).toEqual(at('2026-10-26T17:00:00.000Z'))
  })

  it('is the moment the status turns due soon', () => {
    for (const dueDay of ['2026-11-16', '2026-12-29', '2026-03-31', '2027-04-06']) {
      const from = dueSoonFrom({ dueDay })
      expect(slaStatus({ dueDay, now: new Date(from.getTime() - 1) }).state, dueDay).toBe('on-track')
      expect(slaStatus({ dueDay, now: from }).state, dueDay).toBe('due-soon')
    }
  })
})
