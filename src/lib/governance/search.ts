import type { Payload } from 'payload'

import type { Group, Meeting, Recommendation } from '../../payload-types'
import type { SearchDocument } from '../search/types'

import { formatMeetingDay } from './dates'
import { labelOf, RECOMMENDATION_STATUSES } from './options'
import { meetingPath, recommendationPath } from '../routes'

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
    url: meetingPath({ day: meeting.day, group: group.slug }),
    careArea: null,
    audience: group.visibility === 'professional' ? 'professional' : 'public',
    date: meeting.startsAt,
  }
}

/** Whether this hub runs governance (its plugin may be left out): without it there are no minutes or recommendations to index. */
export const runsGovernance = ({ payload }: { payload: Payload }): boolean => 'meetings' in payload.collections

export const loadMeetingSearchDocument = async ({ id, payload }: { id: Key; payload: Payload }): Promise<null | SearchDocument> => {
  const meeting = (await payload
    .findByID({ collection: 'meetings', disableErrors: true, id, ...TRUSTED })
    .catch(() => null)) as Meeting | null
  return meeting ? meetingSearchDocument({ meeting }) : null
}

export const loadAllMeetingSearchDocuments = async ({ payload }: { payload: Payload }): Promise<SearchDocument[]> => {
  if (!runsGovernance({ payload })) return []
  const { docs } = await payload.find({
    collection: 'meetings',
    limit: 0,
    pagination: false,
    where: { minutesStatus: { equals: 'approved' } },
    ...TRUSTED,
  })
  return docs.flatMap((meeting) => meetingSearchDocument({ meeting }) ?? [])
}

/** A group's visibility or name decides how its meetings are indexed: re-read them all when it changes. */
export const meetingsOfGroup = async ({ id, payload }: { id: Key; payload: Payload }): Promise<{ collection: 'meetings'; id: Key }[]> =>
  (
    await payload.find({
      collection: 'meetings',
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      select: {},
      where: { group: { equals: id } },
    })
  ).docs.map((meeting) => ({ collection: 'meetings' as const, id: meeting.id }))

/**
 * A recommendation as the search index holds it: its detail, every sub-point and its status, with its own
 * audience (professional-only ones are filtered out for the public like any other professional content).
 */
export const recommendationSearchDocument = ({ recommendation }: { recommendation: Recommendation }): SearchDocument => {
  const status = labelOf({ options: RECOMMENDATION_STATUSES, value: recommendation.status })
  // The sub-points are as much the recommendation as its detail: both are its summary, ranked above the body.
  const summary = [recommendation.detail, ...(recommendation.subPoints ?? []).map((point) => point.text)].filter(Boolean).join('\n')
  return {
    id: `recommendations:${recommendation.id}`,
    type: 'recommendation',
    title: `Recommendation ${recommendation.number}: ${recommendation.title}`,
    summary: summary || undefined,
    body: [`Status: ${status}`, recommendation.review].join('\n'),
    url: recommendationPath({ id: recommendation.id }),
    careArea: null,
    audience: recommendation.audience === 'professional' ? 'professional' : 'public',
    date: null,
  }
}

export const loadRecommendationSearchDocument = async ({ id, payload }: { id: Key; payload: Payload }): Promise<null | SearchDocument> => {
  const recommendation = (await payload
    .findByID({ collection: 'recommendations', depth: 0, disableErrors: true, id, overrideAccess: true })
    .catch(() => null)) as null | Recommendation
  return recommendation ? recommendationSearchDocument({ recommendation }) : null
}

export const loadAllRecommendationSearchDocuments = async ({ payload }: { payload: Payload }): Promise<SearchDocument[]> => {
  if (!runsGovernance({ payload })) return []
  const { docs } = await payload.find({
    collection: 'recommendations',
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    sort: 'id',
  })
  return docs.map((recommendation) => recommendationSearchDocument({ recommendation }))
}
