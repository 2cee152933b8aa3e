import type { Payload, PayloadRequest } from 'payload'

import { DEFAULT_RESPONSE_TARGET_DAYS } from '../sla/target'
import { formatDay, plural } from '../site/format'
import { dueDayWithPauses, endOfUkDay, slaStatus, ukDay } from '../sla/working-days'

export type StoredPause = { from: string; id?: null | string; to?: null | string }

/** The desk's target and closure days, from the site settings (closure days as UK calendar days). */
export const deskCalendar = async ({ payload, req }: { payload: Payload; req?: PayloadRequest }) => {
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, req })
  return {
    closures: (settings.closureDays ?? []).map((closure) => ukDay({ instant: new Date(closure.day) })),
    days: settings.questionResponseTargetDays ?? DEFAULT_RESPONSE_TARGET_DAYS,
  }
}

/**
 * When a question is due: `dueDay`, the UK calendar day promised (YYYY-MM-DD, what every message prints), and
 * `dueAt`, the last instant of that day in UK time (for sorting and the overdue check). Both null while paused.
 */
export const questionDue = ({
  closures,
  days,
  pauses,
  receivedAt,
}: {
  closures: string[]
  days: number
  pauses: StoredPause[]
  receivedAt: string
}): { dueAt: null | string; dueDay: null | string } => {
  const { dueDay } = dueDayWithPauses({
    closures,
    days,
    pauses: pauses.map((pause) => ({ from: new Date(pause.from), to: pause.to ? new Date(pause.to) : null })),
    received: new Date(receivedAt),
  })
  return { dueAt: dueDay ? endOfUkDay({ day: dueDay }).toISOString() : null, dueDay }
}

/**
 * "Due in 3 working days (Tuesday 29 December 2026)", "Due today (…)", "Overdue by 2 working days (…)",
 * "Paused: awaiting the asker", "Answered on time", "Answered late": for the desk's list and form.
 */
export const describeSla = ({
  answeredAt,
  closures,
  dueDay,
  now = new Date(),
  status,
}: {
  answeredAt?: null | string
  closures: string[]
  dueDay?: null | string
  now?: Date
  status?: null | string
}): string => {
  if (status === 'closed' && !answeredAt) return 'Closed'
  const { state, workingDaysLeft } = slaStatus({
    answeredAt: answeredAt ? new Date(answeredAt) : null,
    closures,
    dueDay: dueDay ?? null,
    now,
  })
  if (state === 'paused') return 'Paused: awaiting the asker'
  if (state === 'met') return 'Answered on time'
  if (state === 'missed') return 'Answered late'
  if (workingDaysLeft === null || !dueDay) return ''
  const day = formatDay(dueDay)
  if (state === 'overdue')
    return workingDaysLeft < 0
      ? `Overdue by ${plural({ count: -workingDaysLeft, word: 'working day' })} (due ${day})`
      : `Overdue (due ${day})`
  return workingDaysLeft === 0 ? `Due today (${day})` : `Due in ${plural({ count: workingDaysLeft, word: 'working day' })} (${day})`
}
