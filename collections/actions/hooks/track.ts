import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import { carryForward } from '../../../src/lib/governance/carry-forward'
import { ACTION_STATUSES, labelOf } from '../../../src/lib/governance/options'
import { relationId } from '../../../src/lib/site/format'

type UpdateRow = { at?: null | string; by?: unknown; id?: string; note: string }

const fail = ({ message, path, req }: { message: string; path: string; req: PayloadRequest }): never => {
  throw new ValidationError({ collection: 'actions', errors: [{ message, path }], req })
}

/**
 * Keeps an action tied to its meeting and honest about its history: the group comes from the meeting, the
 * agenda item must exist there, each new update is stamped with when and by whom, a change of status is
 * logged, and a carried-forward action joins the group's next meeting.
 */
export const trackAction: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const previous = operation === 'update' ? originalDoc : undefined
  const merged = { ...previous, ...data }
  const meetingId = relationId(merged.meeting)
  if (meetingId === null) return fail({ message: 'Choose the meeting this action was raised at.', path: 'meeting', req })
  const meeting = await req.payload
    .findByID({
      collection: 'meetings',
      depth: 0,
      disableErrors: true,
      id: meetingId,
      overrideAccess: true,
      req,
      select: { agendaItems: true, group: true },
    })
    .catch(() => null)
  if (!meeting) return fail({ message: 'That meeting does not exist.', path: 'meeting', req })
  const items = (meeting.agendaItems ?? []).map((item: { number?: null | number }) => item.number)
  if (merged.agendaItem !== null && merged.agendaItem !== undefined && !items.includes(merged.agendaItem)) {
    fail({ message: `The meeting has no agenda item ${merged.agendaItem}.`, path: 'agendaItem', req })
  }
  const group = relationId(meeting.group)!
  const at = new Date().toISOString()
  const by = req.user?.collection === 'users' ? req.user.id : null
  const knownRows = new Set(((previous?.updates ?? []) as UpdateRow[]).map((row) => row.id))
  const updates: UpdateRow[] = ((merged.updates ?? []) as UpdateRow[]).map((row) =>
    row.id && knownRows.has(row.id) ? row : { ...row, at: row.at ?? at, by },
  )
  const status: string = merged.status ?? 'open'
  const changedStatus = previous ? previous.status !== status : false
  if (changedStatus && status !== 'carried-forward') {
    updates.push({
      at,
      by,
      note: `Status changed from ${labelOf({ options: ACTION_STATUSES, value: previous!.status })} to ${labelOf({ options: ACTION_STATUSES, value: status })}.`,
    })
  }
  const carried = await carryForward({
    action: { carriedForwardTo: (merged.carriedForwardTo ?? []) as never[], status, updates },
    changedStatus: changedStatus || operation === 'create',
    group,
    meeting: meetingId,
    req,
  })
  return { ...data, carriedForwardTo: carried.carriedForwardTo, group, updates: carried.updates }
}
