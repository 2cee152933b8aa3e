import type { Payload, Where } from 'payload'

import type { Action, Group, Meeting, Recommendation, User } from '../../payload-types'
import type { CalendarEvent } from './ical'

import { meetingPath } from '../routes'
import { absoluteUrl, siteOrigin } from '../site/urls'
import { ukDay } from '../sla/uk-time'
import { OPEN_ACTION_STATUSES, RECOMMENDATION_STATUSES } from './options'
import { meetingLocation } from './place'

/**
 * Reads for the governance pages, always as the visitor through the collections' access rules: a group the
 * visitor may not see is not found, and minutes they may not read come back without their content.
 */
type Read = { payload: Payload; user: null | User }

const asVisitor = ({ user }: { user: null | User }) => ({ overrideAccess: false, user: user ?? undefined })

export const listGroups = async ({ payload, user }: Read): Promise<Group[]> =>
  (await payload.find({ collection: 'groups', depth: 1, limit: 200, pagination: false, sort: 'name', ...asVisitor({ user }) })).docs

export const findGroup = async ({ payload, slug, user }: Read & { slug: string }): Promise<Group | null> =>
  (
    await payload.find({
      collection: 'groups',
      depth: 2,
      limit: 1,
      pagination: false,
      where: { slug: { equals: slug } },
      ...asVisitor({ user }),
    })
  ).docs[0] ?? null

/** Whether the visitor may read what these minutes say (their content is withheld when not). */
export const minutesReadable = (meeting: Meeting): boolean => meeting.minutesVisible === true

const startOfUkToday = (now: Date): string => `${ukDay({ instant: now })}T00:00:00.000Z`

/** Meetings from today on (UK), soonest first. */
export const upcomingMeetings = async ({
  group,
  now = new Date(),
  payload,
  user,
}: Read & { group: Group; now?: Date }): Promise<Meeting[]> =>
  (
    await payload.find({
      collection: 'meetings',
      depth: 0,
      limit: 100,
      pagination: false,
      sort: 'startsAt',
      // A little before UK midnight is still today's meeting in BST; the day check below is exact.
      where: {
        and: [
          { group: { equals: group.id } },
          { startsAt: { greater_than_equal: new Date(Date.parse(startOfUkToday(now)) - 3_600_000).toISOString() } },
        ],
      },
      ...asVisitor({ user }),
    })
  ).docs.filter((meeting) => meeting.day! >= ukDay({ instant: now }))

/**
 * Meetings already held or before today (UK), newest first, whatever the state of their minutes: each is listed
 * with its date and place, and its minutes only when the visitor may read them (see `minutesReadable`).
 */
export const pastMeetings = async ({ group, now = new Date(), payload, user }: Read & { group: Group; now?: Date }): Promise<Meeting[]> =>
  (
    await payload.find({
      collection: 'meetings',
      depth: 0,
      limit: 200,
      pagination: false,
      sort: '-startsAt',
      where: {
        and: [{ group: { equals: group.id } }, { or: [{ day: { less_than: ukDay({ instant: now }) } }, { status: { equals: 'held' } }] }],
      },
      ...asVisitor({ user }),
    })
  ).docs

/** The group's action log: open and carried-forward actions across its meetings, earliest due first. */
export const openActions = async ({ group, payload, user }: Read & { group: Group }): Promise<Action[]> =>
  (
    await payload.find({
      collection: 'actions',
      depth: 1,
      limit: 200,
      pagination: false,
      sort: 'dueDate',
      where: { and: [{ group: { equals: group.id } }, { status: { in: OPEN_ACTION_STATUSES } }] },
      ...asVisitor({ user }),
    })
  ).docs

export const findMeeting = async ({ day, group, payload, user }: Read & { day: string; group: Group }): Promise<Meeting | null> =>
  /^\d{4}-\d{2}-\d{2}$/.test(day)
    ? ((
        await payload.find({
          collection: 'meetings',
          depth: 2,
          limit: 1,
          // One document wanted: no count query.
          pagination: false,
          where: { and: [{ group: { equals: group.id } }, { day: { equals: day } }] },
          ...asVisitor({ user }),
        })
      ).docs[0] ?? null)
    : null

/** Actions raised at the meeting, and those carried forward to it from earlier meetings. */
export const meetingActions = async ({
  meeting,
  payload,
  user,
}: Read & { meeting: Meeting }): Promise<{ broughtForward: Action[]; raised: Action[] }> => {
  const find = async (where: Where) =>
    (
      await payload.find({
        collection: 'actions',
        depth: 1,
        limit: 200,
        pagination: false,
        sort: 'agendaItem',
        where,
        ...asVisitor({ user }),
      })
    ).docs
  const [raised, broughtForward] = await Promise.all([
    find({ meeting: { equals: meeting.id } }),
    find({ carriedForwardTo: { contains: meeting.id } }),
  ])
  return { broughtForward, raised }
}

export type RecommendationFilter = { owner?: string; status?: string }

/** Filters from the query string, ignoring values that are not a status or an organisation id. */
export const parseRecommendationFilter = ({
  owner,
  status,
}: {
  owner?: string | string[]
  status?: string | string[]
}): RecommendationFilter => {
  const first = (value?: string | string[]) => (Array.isArray(value) ? value[0] : value)?.trim()
  const wantedStatus = first(status)
  const wantedOwner = first(owner)
  return {
    owner: wantedOwner && /^[\w-]{1,64}$/.test(wantedOwner) ? wantedOwner : undefined,
    status: RECOMMENDATION_STATUSES.some((option) => option.value === wantedStatus) ? wantedStatus : undefined,
  }
}

export const listRecommendations = async ({
  filter,
  payload,
  user,
}: Read & { filter: RecommendationFilter }): Promise<Recommendation[]> => {
  const conditions: Where[] = []
  if (filter.status) conditions.push({ status: { equals: filter.status } })
  if (filter.owner) conditions.push({ owners: { contains: filter.owner } })
  return (
    await payload.find({
      collection: 'recommendations',
      depth: 1,
      limit: 500,
      pagination: false,
      sort: 'number',
      where: conditions.length ? { and: conditions } : undefined,
      ...asVisitor({ user }),
    })
  ).docs
}

/** Organisations that own at least one recommendation the visitor can see, for the owner filter. */
export const recommendationOwners = async ({ payload, user }: Read): Promise<{ id: number | string; name: string }[]> => {
  const all = await listRecommendations({ filter: {}, payload, user })
  const owners = new Map<string, { id: number | string; name: string }>()
  for (const recommendation of all) {
    for (const owner of recommendation.owners ?? [])
      if (typeof owner === 'object') owners.set(String(owner.id), { id: owner.id, name: owner.name })
  }
  return [...owners.values()].sort((a, b) => a.name.localeCompare(b.name))
}

/** A meeting as a calendar entry: stable UID, page address, tentative while the date is provisional. */
export const meetingEvent = ({ group, meeting }: { group: Group; meeting: Meeting }): CalendarEvent => ({
  allDay: Boolean(meeting.allDay),
  description: [
    meeting.dateNote,
    `${group.name} meeting. Papers and minutes: ${absoluteUrl(meetingPath({ day: meeting.day, group: group.slug }))}`,
  ]
    .filter(Boolean)
    .join('\n'),
  end: meeting.endsAt ? new Date(meeting.endsAt) : null,
  lastModified: meeting.updatedAt ? new Date(meeting.updatedAt) : null,
  location: meetingLocation(meeting),
  start: new Date(meeting.startsAt),
  status: meeting.provisional ? 'TENTATIVE' : 'CONFIRMED',
  summary: `${group.name}${meeting.provisional ? ' (provisional date)' : ''}`,
  uid: `meeting-${meeting.id}@${new URL(siteOrigin()).hostname}`,
  url: absoluteUrl(meetingPath({ day: meeting.day, group: group.slug })),
})
