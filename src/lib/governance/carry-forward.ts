import type { PayloadRequest } from 'payload'

import { relationId } from '../site/format'
import { formatMeetingDay } from './dates'

type Id = number | string
type MeetingRow = { id: Id; startsAt: string; status?: null | string }
type UpdateRow = { at?: null | string; by?: unknown; note: string }

export type CarryState = {
  carriedForwardTo: Id[]
  status: string
  updates: UpdateRow[]
}

const loadMeetings = async ({ ids, req }: { ids: Id[]; req: PayloadRequest }): Promise<MeetingRow[]> =>
  ids.length
    ? ((
        await req.payload.find({
          collection: 'meetings',
          depth: 0,
          limit: 0,
          overrideAccess: true,
          pagination: false,
          req,
          select: { startsAt: true, status: true },
          where: { id: { in: ids } },
        })
      ).docs as unknown as MeetingRow[])
    : []

const byDate = (a: MeetingRow, b: MeetingRow) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime()

/** The group's first meeting after the given one, or none yet. */
const meetingAfter = async ({
  after,
  group,
  req,
}: {
  after: MeetingRow
  group: Id
  req: PayloadRequest
}): Promise<MeetingRow | undefined> =>
  (
    await req.payload.find({
      collection: 'meetings',
      depth: 0,
      limit: 1,
      overrideAccess: true,
      req,
      select: { startsAt: true, status: true },
      sort: 'startsAt',
      where: { and: [{ group: { equals: group } }, { startsAt: { greater_than: after.startsAt } }] },
    })
  ).docs[0] as MeetingRow | undefined

/**
 * Where a carried-forward action goes. It was carried at the last held meeting it has been on (the one that
 * raised it, or a later one it was carried to), and it sits on the group's earliest meeting after that one,
 * worked out afresh from today's calendar: a meeting scheduled in between takes it, and a meeting moved away
 * or deleted hands it on. Held meetings it was carried to stay as its history, and a meeting it lands on that
 * is already held passes it on again. With no later meeting yet it waits for one. An action that stops being
 * carried forward leaves the future meetings it was waiting on. Each new placement is logged in its updates.
 */
export const carryForward = async ({
  action,
  changedStatus,
  group,
  meeting,
  req,
}: {
  action: CarryState
  /** True when this save set the status (so a wait for an unscheduled meeting is logged once). */
  changedStatus: boolean
  group: Id
  meeting: Id
  req: PayloadRequest
}): Promise<CarryState> => {
  const carried = action.carriedForwardTo.map((value) => relationId(value)).filter((value): value is Id => value !== null)
  const loaded = await loadMeetings({ ids: [meeting, ...carried], req })
  const raisedAt = loaded.find((row) => String(row.id) === String(meeting))
  // Meetings deleted since drop out; held ones after the meeting that raised it are its history.
  const history = loaded
    .filter((row) => row.status === 'held' && String(row.id) !== String(meeting) && carried.some((id) => String(id) === String(row.id)))
    .filter((row) => !raisedAt || byDate(raisedAt, row) < 0)
    .sort(byDate)
  if (action.status !== 'carried-forward') return { ...action, carriedForwardTo: history.map((row) => row.id) }
  const anchor = history.at(-1) ?? raisedAt
  // Until the meeting it was carried at has been held, there is no "next" meeting to go to.
  if (!anchor || anchor.status !== 'held') return { ...action, carriedForwardTo: history.map((row) => row.id) }
  const at = new Date().toISOString()
  const by = req.user?.collection === 'users' ? req.user.id : null
  const updates = [...action.updates]
  let from = anchor
  for (;;) {
    const next = await meetingAfter({ after: from, group, req })
    if (!next) {
      if (changedStatus) updates.push({ at, by, note: 'Carried forward to the group’s next meeting, once it is scheduled.' })
      return { ...action, carriedForwardTo: history.map((row) => row.id), updates }
    }
    if (!carried.some((id) => String(id) === String(next.id)))
      updates.push({ at, by, note: `Carried forward to the meeting of ${formatMeetingDay({ startsAt: next.startsAt })}.` })
    if (next.status !== 'held') return { ...action, carriedForwardTo: [...history.map((row) => row.id), next.id], updates }
    history.push(next)
    from = next
  }
}

/**
 * Re-saves the group's carried-forward actions after its calendar changed (a meeting created, moved, held or
 * deleted), so each sits on the meeting it now waits on. Runs in the caller's transaction.
 */
export const carryForwardPending = async ({ group, req }: { group: Id; req: PayloadRequest }): Promise<number> => {
  const { docs } = await req.payload.find({
    collection: 'actions',
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { status: true },
    where: { and: [{ group: { equals: group } }, { status: { equals: 'carried-forward' } }] },
  })
  for (const action of docs) {
    await req.payload.update({ collection: 'actions', data: {}, depth: 0, id: action.id, overrideAccess: true, req })
  }
  return docs.length
}
