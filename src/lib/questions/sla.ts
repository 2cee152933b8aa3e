import type { Payload, PayloadRequest } from 'payload'

import { DEFAULT_RESPONSE_TARGET_DAYS } from '../../../globals/site-settings'
import { addWorkingDays, dueWithPauses, ukDay } from '../sla/working-days'

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
