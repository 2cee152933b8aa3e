import { ukDay } from '../sla/uk-time'

const UK = 'Europe/London'

/** The UK calendar day of a meeting (YYYY-MM-DD): its address on the site. */
export const meetingDay = ({ startsAt }: { startsAt: Date | string }): string => ukDay({ instant: new Date(startsAt) })

/** "Wednesday 12 September 2007", in UK time. */
export const formatMeetingDay = ({ startsAt }: { startsAt: string }): string =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: UK, weekday: 'long', year: 'numeric' })
    .format(new Date(startsAt))
    .replace(',', '')

const ukClock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', minute: '2-digit', timeZone: UK })

/**
 * "2:00pm", "12:30pm" (noon), "12:30am" (half past midnight), in UK time. Built from the 24-hour clock: with
 * `hour12` some ICU versions write the hour after noon and midnight as 0 ("0:30pm").
 */
export const formatMeetingTime = ({ at }: { at: string }): string => {
  const parts = Object.fromEntries(ukClock.formatToParts(new Date(at)).map(({ type, value }) => [type, value]))
  const hour = Number(parts.hour) % 24
  return `${hour % 12 || 12}:${parts.minute}${hour < 12 ? 'am' : 'pm'}`
}

/** True when a due day (YYYY-MM-DD or an ISO instant) is before today in the UK. */
export const isPastDue = ({ due, now = new Date() }: { due: null | string | undefined; now?: Date }): boolean =>
  Boolean(due) && ukDay({ instant: new Date(due!) }) < ukDay({ instant: now })

/** A due date as the UK day it names, whatever time of day it was stored at. */
export const dueDay = ({ due }: { due: string }): string => ukDay({ instant: new Date(due) })
