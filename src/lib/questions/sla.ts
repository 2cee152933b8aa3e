import type { Payload, PayloadRequest } from 'payload'

import { DEFAULT_RESPONSE_TARGET_DAYS } from '../../../globals/site-settings'
import { plural } from '../site/format'
import { addWorkingDays, dueWithPauses, slaStatus, ukDay } from '../sla/working-days'

export type StoredPause = { from: string; id?: null | string; to?: null | string }

/** The desk's target and closure days, from the site settings (closure days as UK calendar days). */
export const deskCalendar = async ({ payload, req }: { payload: Payload; req?: PayloadRequest }) => {
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, req })
  return {
    closures: (settings.closureDays ?? []).map((closure) => ukDay({ instant: new Date(closure.day) })),
    days: settings.questionResponseTargetDays ?? DEFAULT_RESPONSE_TARGET_DAYS,
  }
}

/** Due instant for a question: received + N working days, later by any working time spent awaiting the asker. */
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
}): null | string => {
  if (!pauses.length) return addWorkingDays({ closures, days, from: new Date(receivedAt) }).toISOString()
  const { due } = dueWithPauses({
    closures,
    days,
    pauses: pauses.map((pause) => ({ from: new Date(pause.from), to: pause.to ? new Date(pause.to) : null })),
    received: new Date(receivedAt),
  })
  return due ? due.toISOString() : null
}

/** Working time as people say it: whole working days when a day or more, else hours. */
const spoken = (ms: number): string => {
  const hours = Math.abs(ms) / 3_600_000
  return hours >= 24 ? plural({ count: Math.floor(hours / 24), word: 'working day' }) : plural({ count: Math.max(1, Math.round(hours)), word: 'hour' })
}

/** "Due in 3 working days", "Overdue by 5 hours", "Paused", "Met", "Missed": for the desk's list and form. */
export const describeSla = ({
  answeredAt,
  closures,
  dueAt,
  now = new Date(),
  status,
}: {
  answeredAt?: null | string
  closures: string[]
  dueAt?: null | string
  now?: Date
  status?: null | string
}): string => {
  if (status === 'closed' && !answeredAt) return 'Closed'
  const { state, workingMsLeft } = slaStatus({
    answeredAt: answeredAt ? new Date(answeredAt) : null,
    closures,
    due: dueAt ? new Date(dueAt) : null,
    now,
  })
  if (state === 'paused') return 'Paused: awaiting the asker'
  if (state === 'met') return 'Answered on time'
  if (state === 'missed') return 'Answered late'
  if (workingMsLeft === null) return ''
  return state === 'overdue' ? `Overdue by ${spoken(workingMsLeft)}` : `Due in ${spoken(workingMsLeft)}`
}
