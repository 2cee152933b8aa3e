import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import type { StoredPause } from '../../../src/lib/questions/sla'

import { ADMINS, hasRole } from '../../../src/lib/access'
import { deskCalendar, questionDue } from '../../../src/lib/questions/sla'

type Status = 'answered' | 'assigned' | 'awaiting-requester' | 'closed' | 'new'

/** Where a question may go next. Reopening a closed question is for admins. */
const NEXT: Record<Status, Status[]> = {
  answered: ['closed', 'assigned'],
  assigned: ['awaiting-requester', 'answered', 'closed', 'new'],
  'awaiting-requester': ['assigned', 'answered', 'closed'],
  closed: ['assigned'],
  new: ['assigned', 'awaiting-requester', 'answered', 'closed'],
}

/**
 * Keeps the desk's clock honest: checks each status change, stamps first response, answer and close
 * times, pauses the clock while awaiting the asker, and recomputes the due day in working days.
 */
export const trackQuestionWorkflow: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const now = new Date().toISOString()
  const calendar = await deskCalendar({ payload: req.payload, req })
  if (operation === 'create') {
    return { ...data, ...questionDue({ ...calendar, pauses: [], receivedAt: data.receivedAt ?? now }), pauses: [] }
  }
  const from = (originalDoc?.status ?? 'new') as Status
  const to = (data.status ?? from) as Status
  const fail = (message: string) => {
    throw new ValidationError({ collection: 'questions', errors: [{ message, path: 'status' }], req })
  }
  if (to !== from) {
    if (!NEXT[from].includes(to)) fail(`A question cannot go from "${from}" to "${to}".`)
    if (from === 'closed' && !hasRole({ roles: ADMINS, user: req.user })) fail('Only an administrator can reopen a closed question.')
    if (to === 'answered' && !String(data.answer ?? originalDoc?.answer ?? '').trim())
      fail('Write the answer before marking the question answered.')
  }
  const pauses: StoredPause[] = [...((originalDoc?.pauses as StoredPause[] | undefined) ?? [])].map(({ from: start, to: end }) => ({
    from: start,
    to: end,
  }))
  const open = pauses.find((pause) => !pause.to)
  if (to === 'awaiting-requester' && !open) pauses.push({ from: now, to: null })
  if (to !== 'awaiting-requester' && open) open.to = now
  const stamped: Record<string, unknown> = { ...data, pauses }
  if (to !== from && ['awaiting-requester', 'answered'].includes(to) && !originalDoc?.firstResponseAt) stamped.firstResponseAt = now
  if (to !== from && to === 'answered') stamped.answeredAt = now
  if (to !== from && to === 'closed') stamped.closedAt = now
  const receivedAt = originalDoc?.receivedAt ?? now
  return { ...stamped, ...questionDue({ ...calendar, pauses, receivedAt }) }
}
