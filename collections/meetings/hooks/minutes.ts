import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import type { MeetingStatus, MinutesState } from '../../../src/lib/governance/options'

import { ADMINS, hasRole } from '../../../src/lib/access'
import { formatMeetingDay } from '../../../src/lib/governance/dates'
import { minutesChangeProblem, minutesFingerprint } from '../../../src/lib/governance/minutes'
import { relationId } from '../../../src/lib/site/format'

type Meeting = {
  confirmsMinutesOf?: unknown
  group?: unknown
  id?: number | string
  minutesApproval?: { confirmedBy?: unknown } | null
  minutesStatus?: MinutesState | null
  startsAt?: string
  status?: MeetingStatus | null
}

const fail = ({ message, path, req }: { message: string; path: string; req: PayloadRequest }): never => {
  throw new ValidationError({ collection: 'meetings', errors: [{ message, path }], req })
}

const loadMeeting = async ({ id, req }: { id: number | string; req: PayloadRequest }): Promise<Meeting | null> =>
  (await req.payload
    .findByID({ collection: 'meetings', depth: 0, disableErrors: true, id, overrideAccess: true, req })
    .catch(() => null)) as Meeting | null

/** The later, held meeting of the same group that records confirming these minutes, if any. */
const confirmingMeeting = async ({ meeting, req }: { meeting: Meeting; req: PayloadRequest }): Promise<Meeting | null> => {
  const { docs } = await req.payload.find({
    collection: 'meetings',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
    sort: 'startsAt',
    where: {
      and: [
        { confirmsMinutesOf: { equals: meeting.id } },
        { group: { equals: relationId(meeting.group) } },
        { status: { equals: 'held' } },
        { startsAt: { greater_than: meeting.startsAt } },
      ],
    },
  })
  return (docs[0] as Meeting | undefined) ?? null
}

/** The earlier meeting whose minutes this one confirms must be of the same group, earlier, and circulated. */
const checkConfirmation = async ({ meeting, previous, req }: { meeting: Meeting; previous?: Meeting; req: PayloadRequest }) => {
  const earlierId = relationId(meeting.confirmsMinutesOf)
  if (earlierId === null || String(earlierId) === String(relationId(previous?.confirmsMinutesOf))) return
  const path = 'confirmsMinutesOf'
  if (meeting.id !== undefined && String(earlierId) === String(meeting.id))
    fail({ message: 'A meeting cannot confirm its own minutes.', path, req })
  const earlier = await loadMeeting({ id: earlierId, req })
  if (!earlier) return fail({ message: 'That meeting does not exist.', path, req })
  if (String(relationId(earlier.group)) !== String(relationId(meeting.group)))
    fail({ message: 'A meeting confirms the minutes of its own group only.', path, req })
  if (new Date(earlier.startsAt!) >= new Date(meeting.startsAt!))
    fail({ message: 'A meeting confirms the minutes of an earlier meeting.', path, req })
  const when = formatMeetingDay({ startsAt: earlier.startsAt! })
  if (earlier.minutesStatus === 'draft')
    fail({ message: `The minutes of ${when} are still a draft: circulate them as unconfirmed first.`, path, req })
  const others = await req.payload.count({
    collection: 'meetings',
    overrideAccess: true,
    req,
    where: {
      and: [{ confirmsMinutesOf: { equals: earlierId } }, ...(meeting.id !== undefined ? [{ id: { not_equals: meeting.id } }] : [])],
    },
  })
  if (others.totalDocs) fail({ message: `The minutes of ${when} are already confirmed by another meeting.`, path, req })
}

/**
 * The minutes' life: draft → unconfirmed (circulated to members) → approved, and approved only when a later
 * held meeting of the group records confirming them; who approved and at which meeting is stamped. Approved
 * minutes are the record and do not change unless an administrator reopens them.
 */
export const enforceMinutesWorkflow: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const previous = operation === 'update' ? (originalDoc as Meeting) : undefined
  const merged: Meeting = { ...previous, ...data }
  const from: MinutesState = previous?.minutesStatus ?? 'draft'
  const to: MinutesState = merged.minutesStatus ?? 'draft'
  const status: MeetingStatus = merged.status ?? 'scheduled'
  const isAdmin = hasRole({ roles: ADMINS, user: req.user })
  if (previous?.status === 'held' && status === 'scheduled' && from !== 'draft') {
    fail({ message: 'A meeting whose minutes have been circulated cannot go back to scheduled.', path: 'status', req })
  }
  const problem = minutesChangeProblem({ from, isAdmin, meetingStatus: status, to })
  if (problem) fail({ message: problem, path: 'minutesStatus', req })
  await checkConfirmation({ meeting: merged, previous, req })
  const stamped: Record<string, unknown> = { ...data }
  if (to === 'approved' && from !== 'approved') {
    const confirming = await confirmingMeeting({ meeting: merged, req })
    if (!confirming) {
      fail({
        message:
          'Minutes are approved when a later meeting of the group confirms them: record it on that meeting under "Confirms the minutes of", once it is held.',
        path: 'minutesStatus',
        req,
      })
    }
    stamped.minutesApproval = {
      approvedAt: new Date().toISOString(),
      approvedBy: req.user?.collection === 'users' ? req.user.id : null,
      confirmedBy: confirming!.id,
    }
  }
  if (from === 'approved' && to !== 'approved') stamped.minutesApproval = { approvedAt: null, approvedBy: null, confirmedBy: null }
  if (
    from === 'approved' &&
    to === 'approved' &&
    !isAdmin &&
    minutesFingerprint(merged as never) !== minutesFingerprint(previous as never)
  ) {
    fail({ message: 'Approved minutes are the record and cannot be changed: an administrator can reopen them.', path: 'agendaItems', req })
  }
  return stamped
}
