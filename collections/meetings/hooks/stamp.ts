import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import { formatMeetingDay, meetingDay } from '../../../src/lib/governance/dates'
import { relationId } from '../../../src/lib/site/format'

const fail = ({ message, path, req }: { message: string; path: string; req: PayloadRequest }): never => {
  throw new ValidationError({ collection: 'meetings', errors: [{ message, path }], req })
}

/**
 * Names the meeting after its group and UK day, which is also its address on the site, so a group holds at
 * most one meeting a day. Agenda items are numbered in their order.
 */
export const stampMeeting: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const merged = { ...originalDoc, ...data }
  const groupId = relationId(merged.group)
  if (groupId === null) return fail({ message: 'Choose the group this meeting belongs to.', path: 'group', req })
  if (!merged.startsAt || Number.isNaN(new Date(merged.startsAt).getTime()))
    return fail({ message: 'Enter the date and time of the meeting.', path: 'startsAt', req })
  if (merged.endsAt && new Date(merged.endsAt) <= new Date(merged.startsAt)) {
    fail({ message: 'The meeting must end after it starts.', path: 'endsAt', req })
  }
  const group = await req.payload
    .findByID({ collection: 'groups', depth: 0, disableErrors: true, id: groupId, overrideAccess: true, req, select: { name: true } })
    .catch(() => null)
  if (!group) return fail({ message: 'That group does not exist.', path: 'group', req })
  const day = meetingDay({ startsAt: merged.startsAt })
  const sameDay = await req.payload.find({
    collection: 'meetings',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
    where: {
      and: [{ group: { equals: groupId } }, { day: { equals: day } }, ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : [])],
    },
  })
  if (sameDay.totalDocs)
    fail({ message: `${group.name} already has a meeting on ${formatMeetingDay({ startsAt: merged.startsAt })}.`, path: 'startsAt', req })
  const agendaItems = Array.isArray(merged.agendaItems)
    ? (merged.agendaItems as Record<string, unknown>[]).map((item, index) => ({ ...item, number: index + 1 }))
    : merged.agendaItems
  return { ...data, agendaItems, day, title: `${group.name}: ${formatMeetingDay({ startsAt: merged.startsAt })}` }
}
