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

/**
 * Where a carried-forward action goes. It waits on the group's next meeting: once the last meeting it is on
 * has been held, it joins the first meeting of the group after that one (logged in its updates). With no
 * later meeting scheduled yet it waits, and joins the next one when that is created. An action that stops
 * being carried forward leaves the future meetings it was waiting on; the held ones stay as its history.
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
  const carried = action.carriedForwardTo.map((value) => relationId(value)!).filter((value) => value !== null)
  const onMeetings = (await loadMeetings({ ids: [meeting, ...carried], req })).sort(byDate)
  if (action.status !== 'carried-forward') {
    const held = new Set(onMeetings.filter((row) => row.status === 'held').map((row) => String(row.id)))
    return { ...action, carriedForwardTo: carried.filter((id) => held.has(String(id))) }
  }
  const last = onMeetings[onMeetings.length - 1]
  if (!last || last.status !== 'held') return { ...action, carriedForwardTo: carried }
  const next = (
    await req.payload.find({
      collection: 'meetings',
      depth: 0,
      limit: 1,
      overrideAccess: true,
      req,
      select: { startsAt: true },
      sort: 'startsAt',
      where: { and: [{ group: { equals: group } }, { startsAt: { greater_than: last.startsAt } }] },
    })
  ).docs[0] as MeetingRow | undefined
  const at = new Date().toISOString()
  const by = req.user?.collection === 'users' ? req.user.id : null
  if (!next) {
    const waiting = changedStatus ? [{ at, by, note: 'Carried forward to the group’s next meeting, once it is scheduled.' }] : []
    return { ...action, carriedForwardTo: carried, updates: [...action.updates, ...waiting] }
  }
  return {
    ...action,
    carriedForwardTo: [...carried, next.id],
    updates: [...action.updates, { at, by, note: `Carried forward to the meeting of ${formatMeetingDay({ startsAt: next.startsAt })}.` }],
  }
}

/**
 * Re-saves the group's carried-forward actions after its calendar changed (a meeting created, moved or
 * held), so each joins the meeting it now waits on. Runs in the caller's transaction.
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
