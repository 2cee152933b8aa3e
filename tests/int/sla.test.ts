import Holidays from 'date-holidays'
import { afterEach, describe, expect, it, vi } from 'vitest'

import {
  addWorkingDays,
  dueWithPauses,
  isWorkingDay,
  oneWorkingDayBefore,
  slaStatus,
  ukDay,
  ukWallClockToInstant,
  workingTimeBetween,
} from '../../src/lib/sla/working-days'

const at = (iso: string) => new Date(iso)
const due = ({ closures, days, from }: { closures?: string[]; days?: number; from: string }) =>
  addWorkingDays({ closures, days, from: at(from) }).toISOString()

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

describe('due dates', () => {
  it('lands on the same UK clock time N working days later, over weekends', () => {
    // Fri 6 Nov 2026 15:00 → Fri 13 Nov 15:00.
    expect(due({ from: '2026-11-06T15:00:00.000Z' })).toBe('2026-11-13T15:00:00.000Z')
    // Mon 9 Nov 10:00 → Mon 16 Nov 10:00.
    expect(due({ from: '2026-11-09T10:00:00.000Z' })).toBe('2026-11-16T10:00:00.000Z')
    expect(due({ days: 1, from: '2026-11-13T15:00:00.000Z' })).toBe('2026-11-16T15:00:00.000Z')
    expect(due({ days: 0, from: '2026-11-14T11:00:00.000Z' })).toBe('2026-11-14T11:00:00.000Z')
  })

  it('starts the clock at 00:00 on the next working day when received on a non-working day', () => {
    // Sat 7 Nov 2026 11:00: clock starts Mon 9 Nov 00:00, runs Mon–Fri, due at the end of Fri 13 Nov.
    expect(due({ from: '2026-11-07T11:00:00.000Z' })).toBe('2026-11-14T00:00:00.000Z')
    expect(due({ from: '2026-11-08T23:59:59.999Z' })).toBe('2026-11-14T00:00:00.000Z')
    // Exactly 00:00 on the Monday is the same position on the working clock.
    expect(due({ from: '2026-11-09T00:00:00.000Z' })).toBe('2026-11-14T00:00:00.000Z')
    // In summer the end of Friday is 23:00 UTC.
    expect(due({ from: '2026-06-13T10:00:00.000Z' })).toBe('2026-06-19T23:00:00.000Z')
    // Received on Christmas Day: the clock starts Tue 29 Dec; 29, 30, 31 Dec, 4, 5 Jan → end of Tue 5 Jan.
    expect(due({ from: '2026-12-25T12:00:00.000Z' })).toBe('2027-01-06T00:00:00.000Z')
  })

  it('skips Christmas 2026 with the Boxing Day substitute and New Year', () => {
    // Thu 24 Dec 10:00: 29, 30, 31 Dec, 4 Jan, 5 Jan (25, 28 Dec and 1 Jan are bank holidays).
    expect(due({ from: '2026-12-24T10:00:00.000Z' })).toBe('2027-01-05T10:00:00.000Z')
    expect(due({ from: '2026-12-23T10:00:00.000Z' })).toBe('2027-01-04T10:00:00.000Z')
  })

  it('skips closure days set by admins', () => {
    // With 24 Dec closed, Wed 23 Dec 10:00 → 29, 30, 31 Dec, 4, 5 Jan.
    expect(due({ closures: ['2026-12-24'], from: '2026-12-23T10:00:00.000Z' })).toBe('2027-01-05T10:00:00.000Z')
    // Received on the closure day itself: treated as a non-working day.
    expect(due({ closures: ['2026-12-24'], from: '2026-12-24T10:00:00.000Z' })).toBe('2027-01-06T00:00:00.000Z')
  })

  it('skips Easter 2027 and keeps the UK clock time as BST starts that weekend', () => {
    // Thu 25 Mar 2027 10:00 GMT: Good Friday 26 and Easter Monday 29 Mar skipped; 30, 31 Mar, 1, 2, 5 Apr.
    expect(due({ from: '2027-03-25T10:00:00.000Z' })).toBe('2027-04-05T09:00:00.000Z') // 10:00 BST
  })

  it('keeps 10:00 UK time across the March and October 2026 clock changes', () => {
    // Thu 26 Mar 10:00 GMT → Thu 2 Apr 10:00 BST.
    expect(due({ from: '2026-03-26T10:00:00.000Z' })).toBe('2026-04-02T09:00:00.000Z')
    // Fri 27 Mar 10:00 GMT → 30, 31 Mar, 1, 2 Apr, then Good Friday 3 and Easter Monday 6 Apr → Tue 7 Apr 10:00 BST.
    expect(due({ from: '2026-03-27T10:00:00.000Z' })).toBe('2026-04-07T09:00:00.000Z')
    // Thu 22 Oct 10:00 BST → Thu 29 Oct 10:00 GMT.
    expect(due({ from: '2026-10-22T09:00:00.000Z' })).toBe('2026-10-29T10:00:00.000Z')
  })

  it('refuses a negative or non-finite number of days', () => {
    expect(() => due({ days: -1, from: '2026-11-09T10:00:00.000Z' })).toThrow(RangeError)
    expect(() => due({ days: Number.NaN, from: '2026-11-09T10:00:00.000Z' })).toThrow(RangeError)
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
  const received = at('2026-11-09T10:00:00.000Z') // Mon; due Mon 16 Nov 10:00 unpaused

  it('moves the deadline by the working time paused', () => {
    // Tue 10:00 → Thu 10:00 is two working days: due Wed 18 Nov 10:00.
    const result = dueWithPauses({ pauses: [{ from: at('2026-11-10T10:00:00.000Z'), to: at('2026-11-12T10:00:00.000Z') }], received })
    expect(result.due?.toISOString()).toBe('2026-11-18T10:00:00.000Z')
    expect(result.paused).toBe(false)
  })

  it('counts only the working part of a pause over a weekend', () => {
    // Fri 13 10:00 → Mon 16 10:00 is 14h + 10h = one working day: due Tue 17 Nov 10:00.
    const overWeekend = dueWithPauses({ pauses: [{ from: at('2026-11-13T10:00:00.000Z'), to: at('2026-11-16T10:00:00.000Z') }], received })
    expect(overWeekend.due?.toISOString()).toBe('2026-11-17T10:00:00.000Z')
    // A pause wholly inside the weekend changes nothing.
    const inWeekend = dueWithPauses({ pauses: [{ from: at('2026-11-14T10:00:00.000Z'), to: at('2026-11-15T10:00:00.000Z') }], received })
    expect(inWeekend.due?.toISOString()).toBe('2026-11-16T10:00:00.000Z')
    // Thu 12 10:00 → Sat 14 12:00 pauses 14h + 24h; three days were used, two remain from Mon: end of Tue 17.
    const intoWeekend = dueWithPauses({ pauses: [{ from: at('2026-11-12T10:00:00.000Z'), to: at('2026-11-14T12:00:00.000Z') }], received })
    expect(intoWeekend.due?.toISOString()).toBe('2026-11-18T00:00:00.000Z')
  })

  it('joins overlapping pauses and ignores time paused before the question arrived', () => {
    const overlapping = dueWithPauses({
      pauses: [
        { from: at('2026-11-11T10:00:00.000Z'), to: at('2026-11-13T10:00:00.000Z') },
        { from: at('2026-11-10T10:00:00.000Z'), to: at('2026-11-12T10:00:00.000Z') },
      ],
      received,
    })
    // Together Tue 10:00 → Fri 10:00: three working days, due Thu 19 Nov 10:00 (not five days later).
    expect(overlapping.due?.toISOString()).toBe('2026-11-19T10:00:00.000Z')
    // Only Mon 10:00 → Tue 10:00 of this pause falls after receipt.
    const early = dueWithPauses({ pauses: [{ from: at('2026-11-06T10:00:00.000Z'), to: at('2026-11-10T10:00:00.000Z') }], received })
    expect(early.due?.toISOString()).toBe('2026-11-17T10:00:00.000Z')
    expect(dueWithPauses({ pauses: [], received }).due?.toISOString()).toBe('2026-11-16T10:00:00.000Z')
  })

  it('has no due date while a pause is open, unless the deadline had already passed', () => {
    const pauses = [{ from: at('2026-11-10T10:00:00.000Z'), to: at('2026-11-11T10:00:00.000Z') }, { from: at('2026-11-12T10:00:00.000Z') }]
    const open = dueWithPauses({ pauses, received })
    expect(open).toEqual({ due: null, paused: true })
    expect(slaStatus({ due: open.due, now: at('2026-11-20T10:00:00.000Z') })).toEqual({ state: 'paused', workingMsLeft: null })
    // Put on hold a day after the deadline: still late.
    const late = dueWithPauses({ pauses: [{ from: at('2026-11-17T10:00:00.000Z'), to: null }], received })
    expect(late.due?.toISOString()).toBe('2026-11-16T10:00:00.000Z')
    expect(late.paused).toBe(true)
    expect(slaStatus({ due: late.due, now: at('2026-11-18T10:00:00.000Z') }).state).toBe('overdue')
  })
})

describe('service-level status', () => {
  const dueAt = at('2026-11-16T10:00:00.000Z') // Mon

  it('is on track, then due soon under one working day, then overdue', () => {
    expect(slaStatus({ due: dueAt, now: at('2026-11-11T10:00:00.000Z') })).toEqual({ state: 'on-track', workingMsLeft: 3 * DAY })
    // Fri 13 10:00 → Mon 10:00 is exactly one working day: not yet due soon.
    expect(slaStatus({ due: dueAt, now: at('2026-11-13T10:00:00.000Z') })).toEqual({ state: 'on-track', workingMsLeft: DAY })
    expect(slaStatus({ due: dueAt, now: at('2026-11-13T12:00:00.000Z') })).toEqual({ state: 'due-soon', workingMsLeft: 22 * HOUR })
    expect(slaStatus({ due: dueAt, now: dueAt })).toEqual({ state: 'due-soon', workingMsLeft: 0 })
    expect(slaStatus({ due: dueAt, now: at('2026-11-16T11:00:00.000Z') })).toEqual({ state: 'overdue', workingMsLeft: -HOUR })
    // Due at the end of Friday: late over the weekend even though no working time has passed.
    expect(slaStatus({ due: at('2026-11-14T00:00:00.000Z'), now: at('2026-11-14T09:00:00.000Z') })).toEqual({ state: 'overdue', workingMsLeft: 0 })
  })

  it('is met or missed once answered, with the working time to spare or over', () => {
    const later = at('2026-11-20T10:00:00.000Z')
    expect(slaStatus({ answeredAt: at('2026-11-16T09:00:00.000Z'), due: dueAt, now: later })).toEqual({ state: 'met', workingMsLeft: HOUR })
    expect(slaStatus({ answeredAt: dueAt, due: dueAt, now: later })).toEqual({ state: 'met', workingMsLeft: 0 })
    expect(slaStatus({ answeredAt: at('2026-11-17T10:00:00.000Z'), due: dueAt, now: later })).toEqual({ state: 'missed', workingMsLeft: -DAY })
    // Answered during an open pause: the clock stopped before the deadline.
    expect(slaStatus({ answeredAt: at('2026-11-12T10:00:00.000Z'), due: null, now: later })).toEqual({ state: 'met', workingMsLeft: null })
  })

  it('counts closures in the working time left', () => {
    const now = at('2026-12-23T10:00:00.000Z')
    const christmasDue = at('2026-12-29T10:00:00.000Z')
    expect(slaStatus({ due: christmasDue, now })).toEqual({ state: 'on-track', workingMsLeft: 2 * DAY })
    expect(slaStatus({ closures: ['2026-12-24'], due: christmasDue, now })).toEqual({ state: 'on-track', workingMsLeft: DAY })
  })
})

describe('reminder one working day before the deadline', () => {
  it('steps back over weekends, holidays and closures, keeping the UK clock time', () => {
    // Due Mon 16 Nov 10:00 → remind Fri 13 Nov 10:00.
    expect(oneWorkingDayBefore({ due: at('2026-11-16T10:00:00.000Z') }).toISOString()).toBe('2026-11-13T10:00:00.000Z')
    expect(oneWorkingDayBefore({ due: at('2026-11-18T10:00:00.000Z') }).toISOString()).toBe('2026-11-17T10:00:00.000Z')
    // Due at the end of Friday → remind at the start of Friday.
    expect(oneWorkingDayBefore({ due: at('2026-11-14T00:00:00.000Z') }).toISOString()).toBe('2026-11-13T00:00:00.000Z')
    // Due Tue 29 Dec 10:00 → Christmas and the Boxing Day substitute skipped → Thu 24 Dec 10:00, or Wed 23 if 24th closed.
    expect(oneWorkingDayBefore({ due: at('2026-12-29T10:00:00.000Z') }).toISOString()).toBe('2026-12-24T10:00:00.000Z')
    expect(oneWorkingDayBefore({ closures: ['2026-12-24'], due: at('2026-12-29T10:00:00.000Z') }).toISOString()).toBe('2026-12-23T10:00:00.000Z')
    // Due Mon 30 Mar 2026 10:00 BST → Fri 27 Mar 10:00 GMT.
    expect(oneWorkingDayBefore({ due: at('2026-03-30T09:00:00.000Z') }).toISOString()).toBe('2026-03-27T10:00:00.000Z')
  })

  it('is the last moment before the question turns due soon', () => {
    const dueAt = addWorkingDays({ from: at('2026-11-09T10:00:00.000Z') })
    const reminder = oneWorkingDayBefore({ due: dueAt })
    expect(slaStatus({ due: dueAt, now: reminder }).state).toBe('on-track')
    expect(slaStatus({ due: dueAt, now: new Date(reminder.getTime() + 1) }).state).toBe('due-soon')
  })
})
