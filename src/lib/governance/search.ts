import type { Payload } from 'payload'

import type { Group, Meeting } from '../../payload-types'
import type { SearchDocument } from '../search/types'

import { formatMeetingDay } from './dates'

type Key = number | string

const TRUSTED = { depth: 1, overrideAccess: true } as const

/**
 * A meeting's minutes as the search index holds them: only once approved, and only for groups the public or
 * professionals may see (with that audience). Members-only groups are never indexed.
 */
export const meetingSearchDocument = ({ meeting }: { meeting: Meeting }): null | SearchDocument => {
  const group = typeof meeting.group === 'object' ? (meeting.group as Group) : null
  if (!group || meeting.minutesStatus !== 'approved' || group.visibility === 'members') return null
  const body = (meeting.agendaItems ?? [])
    .flatMap((item) => [item.title, item.minute, item.decision ? `RESOLVED: ${item.decision}` : null])
    .filter(Boolean)
    .join('\n')
  return {
    id: `meetings:${meeting.id}`,
    type: 'minutes',
    title: `${group.name}: minutes of ${formatMeetingDay({ startsAt: meeting.startsAt })}`,
    summary: group.purpose ?? undefined,
    body,
    url: `/governance/${group.slug}/meetings/${meeting.day}`,
    careArea: null,
    audience: group.visibility === 'professional' ? 'professional' : 'public',
    date: meeting.startsAt,
  }
}

export const loadMeetingSearchDocument = async ({ id, payload }: { id: Key; payload: Payload }): Promise<null | SearchDocument> => {
  const meeting = (await payload.findByID({ collection: 'meetings', disableErrors: true, id, ...TRUSTED }).catch(() => null)) as Meeting | null
  return meeting ? meetingSearchDocument({ meeting }) : null
}

export const loadAllMeetingSearchDocuments = async ({ payload }: { payload: Payload }): Promise<SearchDocument[]> => {
  const { docs } = await payload.find({ collection: 'meetings', limit: 0, pagination: false, where: { minutesStatus: { equals: 'approved' } }, ...TRUSTED })
  return docs.flatMap((meeting) => meetingSearchDocument({ meeting }) ?? [])
}

/** A group's visibility or name decides how its meetings are indexed: re-read them all when it changes. */
export const meetingsOfGroup = async ({ id, payload }: { id: Key; payload: Payload }): Promise<{ collection: 'meetings'; id: Key }[]> =>
  (await payload.find({ collection: 'meetings', depth: 0, limit: 0, overrideAccess: true, pagination: false, select: {}, where: { group: { equals: id } } })).docs.map(
    (meeting) => ({ collection: 'meetings' as const, id: meeting.id }),
  )
