import { ukDay } from '../sla/uk-time'

const UK = 'Europe/London'

/** The UK calendar day of a meeting (YYYY-MM-DD): its address on the site. */
export const meetingDay = ({ startsAt }: { startsAt: Date | string }): string => ukDay({ instant: new Date(startsAt) })

/** "Wednesday 12 September 2007", in UK time. */
export const formatMeetingDay = ({ startsAt }: { startsAt: string }): string =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: UK, weekday: 'long', year: 'numeric' })
    .format(new Date(startsAt))
    .replace(',', '')

/** "2:00pm", in UK time. */
export const formatMeetingTime = ({ at }: { at: string }): string =>
  new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hour12: true, minute: '2-digit', timeZone: UK })
    .format(new Date(at))
    .replace(/\s/g, '')
    .toLowerCase()

/** True when a due day (YYYY-MM-DD or an ISO instant) is before today in the UK. */
export const isPastDue = ({ due, now = new Date() }: { due: null | string | undefined; now?: Date }): boolean =>
  Boolean(due) && ukDay({ instant: new Date(due!) }) < ukDay({ instant: now })

/** A due date as the UK day it names, whatever time of day it was stored at. */
export const dueDay = ({ due }: { due: string }): string => ukDay({ instant: new Date(due) })
