import type { Payload } from 'payload'

import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Group, User } from '../../src/payload-types'
import type { TestHub } from '../helpers/hub'

import { formatMeetingTime } from '../../src/lib/governance/dates'
import { buildCalendar, escapeText, foldLine } from '../../src/lib/governance/ical'
import { meetingLocation, meetingPlace } from '../../src/lib/governance/place'
import {
  findGroup,
  findMeeting,
  listGroups,
  listRecommendations,
  meetingActions,
  meetingEvent,
  minutesReadable,
  openActions,
  parseRecommendationFilter,
  pastMeetings,
  recommendationOwners,
  upcomingMeetings,
} from '../../src/lib/governance/site'
import { createUser, startTestHub } from '../helpers/hub'

let hub: TestHub
let payload: Payload
const viewers: Record<string, null | User> = { anonymous: null }
const ids: Record<string, number | string> = {}

const parse = (text: string) => new ICAL.Component(ICAL.parse(text))

beforeAll(async () => {
  hub = await startTestHub()
  payload = hub.payload
  const person = await payload.create({ collection: 'people', data: { email: 'member@example.org', name: 'Member Person' } })
  for (const [name, roles] of [
    ['professional', ['professional']],
    ['member', []],
    ['editor', ['editor']],
  ] as const) {
    const { id } = await createUser({ payload, roles: [...roles] })
    if (name === 'member') await payload.update({ collection: 'users', data: { person: person.id }, id })
    viewers[name] = (await payload.findByID({ collection: 'users', id })) as User
  }
  const owner = await payload.create({ collection: 'organisations', data: { name: 'Owning trust', shortName: 'OT' } })
  ids.owner = owner.id
  for (const visibility of ['public', 'members'] as const) {
    const group = await payload.create({
      collection: 'groups',
      data: { members: [{ person: person.id, role: 'Member' }], name: `${visibility} board`, visibility } as never,
    })
    ids[visibility] = group.id
    const first = await payload.create({
      collection: 'meetings',
      data: {
        agendaItems: [{ decision: 'Adopt the pathway.', minute: 'Discussed.', title: 'Pathway' }],
        attendance: [{ attendance: 'present', person: person.id }],
        group: group.id,
        minutesStatus: 'unconfirmed',
        startsAt: '2020-01-15T10:00:00.000Z',
        status: 'held',
      } as never,
    })
    const second = await payload.create({
      collection: 'meetings',
      data: {
        agendaItems: [{ title: 'Minutes of the last meeting' }],
        confirmsMinutesOf: first.id,
        group: group.id,
        minutesStatus: 'unconfirmed',
        startsAt: '2020-02-12T10:00:00.000Z',
        status: 'held',
      } as never,
    })
    // Its day has passed but nothing was recorded: listed with its date and place, nothing of its minutes.
    await payload.create({
      collection: 'meetings',
      data: {
        agendaItems: [{ minute: 'Draft words', title: 'Draft item' }],
        format: 'online',
        group: group.id,
        startsAt: '2020-03-11T12:30:00.000Z',
      } as never,
    })
    ids[`${visibility}:first`] = first.id
    ids[`${visibility}:second`] = second.id
    await payload.create({
      collection: 'meetings',
      data: { group: group.id, startsAt: '2999-03-01T14:00:00.000Z', venue: 'Room 1, Main Street; Town' } as never,
    })
    await payload.create({
      collection: 'meetings',
      data: { allDay: true, group: group.id, provisional: true, startsAt: '2999-06-15T12:00:00.000Z' } as never,
    })
    const action = await payload.create({
      collection: 'actions',
      data: {
        agendaItem: 1,
        meeting: first.id,
        owner: { relationTo: 'organisations', value: owner.id },
        title: `${visibility}: write the pathway`,
      } as never,
    })
    await payload.update({ collection: 'actions', data: { status: 'carried-forward' }, id: action.id })
  }
  await payload.create({
    collection: 'recommendations',
    data: { number: 1, owners: [owner.id], review: 'Review A', status: 'in-progress', title: 'Owned' } as never,
  })
  await payload.create({
    collection: 'recommendations',
    data: { number: 2, review: 'Review A', status: 'not-started', title: 'Unowned' } as never,
  })
  await payload.create({
    collection: 'recommendations',
    data: { audience: 'professional', number: 3, review: 'Review A', title: 'For professionals' } as never,
  })
})

afterAll(async () => {
  await hub?.cleanup()
})

describe('meeting times and places', () => {
  it('print the 12 o’clock hour as 12, am and pm, in UK time across the clock changes', () => {
    const at = (iso: string) => formatMeetingTime({ at: iso })
    expect(at('2026-01-14T12:00:00Z')).toBe('12:00pm')
    expect(at('2026-01-14T12:30:00Z')).toBe('12:30pm')
    expect(at('2026-01-14T12:59:00Z')).toBe('12:59pm')
    expect(at('2026-01-14T00:30:00Z')).toBe('12:30am')
    expect(at('2026-01-14T14:05:00Z')).toBe('2:05pm')
    expect(at('2026-01-14T09:00:00Z')).toBe('9:00am')
    // British Summer Time: 11:30 UTC is 12:30pm, and 23:30 UTC is half past midnight the next day.
    expect(at('2026-07-01T11:30:00Z')).toBe('12:30pm')
    expect(at('2026-07-01T23:30:00Z')).toBe('12:30am')
    // Sunday 29 March 2026: clocks go forward at 01:00 UTC (1am GMT becomes 2am BST).
    expect(at('2026-03-29T00:30:00Z')).toBe('12:30am')
    expect(at('2026-03-29T01:30:00Z')).toBe('2:30am')
    expect(at('2026-03-29T11:00:00Z')).toBe('12:00pm')
    // Sunday 25 October 2026: clocks go back at 01:00 UTC (2am BST becomes 1am GMT), so 1:30am happens twice.
    expect(at('2026-10-24T23:15:00Z')).toBe('12:15am')
    expect(at('2026-10-25T00:30:00Z')).toBe('1:30am')
    expect(at('2026-10-25T01:30:00Z')).toBe('1:30am')
    expect(at('2026-10-25T12:45:00Z')).toBe('12:45pm')
  })

  it('name the venue, or say it is to be confirmed for a meeting in a room', () => {
    expect(meetingPlace({ format: 'in-person', venue: 'Watford General Hospital' })).toBe('Watford General Hospital · In person')
    expect(meetingPlace({ format: 'in-person', venue: null })).toBe('In person, venue to be confirmed')
    expect(meetingPlace({ format: 'in-person', venue: '   ' })).toBe('In person, venue to be confirmed')
    expect(meetingPlace({ format: 'hybrid' })).toBe('In person and online, venue to be confirmed')
    expect(meetingPlace({ format: 'hybrid', venue: 'Room 1' })).toBe('Room 1 · In person and online')
    expect(meetingPlace({ format: 'online' })).toBe('Online')
    expect(meetingLocation({ format: 'in-person', venue: 'Room 1' })).toBe('Room 1')
    expect(meetingLocation({ format: 'online' })).toBe('Online')
    expect(meetingLocation({ format: 'in-person' })).toBe('In person, venue to be confirmed')
  })
})

describe('iCalendar', () => {
  it('escapes text and folds lines at 75 octets without splitting a character', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne')
    const long = `SUMMARY:${'é'.repeat(60)}`
    const folded = foldLine(long).split('\r\n')
    expect(folded.length).toBeGreaterThan(1)
    for (const line of folded) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
    expect(folded.slice(1).every((line) => line.startsWith(' '))).toBe(true)
    expect(folded.map((line, index) => (index ? line.slice(1) : line)).join('')).toBe(long)
  })

  it('writes a feed a real parser reads back: UIDs, UTC times, whole days, text with commas and line breaks', () => {
    const text = buildCalendar({
      events: [
        {
          location: 'Room 1, Main Street; Town',
          start: new Date('2030-05-01T13:00:00Z'),
          end: new Date('2030-05-01T15:00:00Z'),
          summary: 'Board, May',
          uid: 'meeting-1@hub.test',
        },
        {
          allDay: true,
          description: 'Mid-December\nto be confirmed',
          start: new Date('2007-12-12T12:00:00Z'),
          status: 'TENTATIVE',
          summary: 'Redesign group',
          uid: 'meeting-2@hub.test',
        },
      ],
      name: 'Board',
      now: new Date('2030-01-01T00:00:00Z'),
    })
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n|\r/)
    const calendar = parse(text)
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
    const [timed, allDay] = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component))
    expect(timed!.uid).toBe('meeting-1@hub.test')
    expect(timed!.summary).toBe('Board, May')
    expect(timed!.location).toBe('Room 1, Main Street; Town')
    expect(timed!.startDate.toJSDate().toISOString()).toBe('2030-05-01T13:00:00.000Z')
    expect(timed!.endDate.toJSDate().toISOString()).toBe('2030-05-01T15:00:00.000Z')
    expect(allDay!.startDate.isDate).toBe(true)
    expect(allDay!.startDate.toString()).toBe('2007-12-12')
    expect(allDay!.endDate.toString()).toBe('2007-12-13')
    expect(allDay!.description).toBe('Mid-December\nto be confirmed')
    expect(allDay!.component.getFirstPropertyValue('status')).toBe('TENTATIVE')
    expect(allDay!.component.getFirstPropertyValue('dtstamp')).toBeTruthy()
  })

  it('lists a group’s upcoming meetings only, each with its page', async () => {
    const group = (await findGroup({ payload, slug: 'public-board', user: null })) as Group
    const upcoming = await upcomingMeetings({ group, payload, user: null })
    const calendar = parse(buildCalendar({ events: upcoming.map((meeting) => meetingEvent({ group, meeting })), name: group.name }))
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component))
    expect(events).toHaveLength(2)
    expect(events[0]!.location).toBe('Room 1, Main Street; Town')
    expect(events[0]!.component.getFirstPropertyValue('url')).toMatch(/\/governance\/public-board\/meetings\/2999-03-01$/)
    expect(events[1]!.summary).toBe('public board (provisional date)')
    // In person with no venue yet: the entry says the venue is to be confirmed rather than leaving it out.
    expect(events[1]!.location).toBe('In person, venue to be confirmed')
    expect(new Set(events.map((event) => event.uid)).size).toBe(2)
  })
})

describe('the governance pages’ reads, per visitor', () => {
  it('the public sees public groups only; a member also sees their own group', async () => {
    expect((await listGroups({ payload, user: null })).map((group) => group.name)).toEqual(['public board'])
    expect(await findGroup({ payload, slug: 'members-board', user: null })).toBeNull()
    expect(await findGroup({ payload, slug: 'members-board', user: viewers.professional! })).toBeNull()
    expect((await listGroups({ payload, user: viewers.member! })).map((group) => group.name).sort()).toEqual([
      'members board',
      'public board',
    ])
  })

  it('the public reads approved minutes only, with their decisions; unconfirmed ones are withheld', async () => {
    const group = (await findGroup({ payload, slug: 'public-board', user: null })) as Group
    const past = await pastMeetings({ group, payload, user: null })
    expect(past.filter(minutesReadable).map((meeting) => meeting.day)).toEqual(['2020-01-15'])
    const approved = await findMeeting({ day: '2020-01-15', group, payload, user: null })
    expect(minutesReadable(approved!)).toBe(true)
    expect(approved!.agendaItems?.[0]?.decision).toBe('Adopt the pathway.')
    const unconfirmed = await findMeeting({ day: '2020-02-12', group, payload, user: null })
    expect(unconfirmed).not.toBeNull()
    expect(minutesReadable(unconfirmed!)).toBe(false)
    expect(unconfirmed!.attendance ?? []).toEqual([])
    expect(unconfirmed!.agendaItems ?? []).toEqual([])
    expect(await findMeeting({ day: 'not-a-day', group, payload, user: null })).toBeNull()
  })

  it('a group lists every past meeting with its date, time and place whatever its minutes, without their unapproved content', async () => {
    const group = (await findGroup({ payload, slug: 'public-board', user: null })) as Group
    const past = await pastMeetings({ group, now: new Date('2026-12-02T12:00:00Z'), payload, user: null })
    expect(past.map((meeting) => [meeting.day, meeting.status, meeting.minutesStatus, minutesReadable(meeting)])).toEqual([
      ['2020-03-11', 'scheduled', 'draft', false],
      ['2020-02-12', 'held', 'unconfirmed', false],
      ['2020-01-15', 'held', 'approved', true],
    ])
    const [never, unconfirmed] = past
    expect([formatMeetingTime({ at: never!.startsAt }), meetingPlace(never!)]).toEqual(['12:30pm', 'Online'])
    expect(meetingPlace(unconfirmed!)).toBe('In person, venue to be confirmed')
    for (const meeting of [never!, unconfirmed!]) {
      expect(meeting.agendaItems ?? []).toEqual([])
      expect(meeting.attendance ?? []).toEqual([])
    }
    // Upcoming ones are listed apart.
    expect(past.some((meeting) => meeting.day! >= '2999-01-01')).toBe(false)
    const professionalView = await pastMeetings({ group, now: new Date('2026-12-02T12:00:00Z'), payload, user: viewers.professional! })
    expect(professionalView.map((meeting) => meeting.day)).toEqual(['2020-03-11', '2020-02-12', '2020-01-15'])
    expect(professionalView.filter(minutesReadable).map((meeting) => meeting.day)).toEqual(['2020-01-15'])
  })

  it('a member reads their group’s unconfirmed minutes too', async () => {
    const group = (await findGroup({ payload, slug: 'members-board', user: viewers.member! })) as Group
    const past = await pastMeetings({ group, payload, user: viewers.member! })
    expect(past.filter(minutesReadable).map((meeting) => meeting.day)).toEqual(['2020-02-12', '2020-01-15'])
  })

  it('open actions of a group show with their owner; carried-forward ones appear on the next meeting', async () => {
    const group = (await findGroup({ payload, slug: 'public-board', user: null })) as Group
    const actions = await openActions({ group, payload, user: null })
    expect(actions.map((action) => [action.title, action.status])).toEqual([['public: write the pathway', 'carried-forward']])
    const second = (await findMeeting({ day: '2020-02-12', group, payload, user: viewers.editor! }))!
    const { broughtForward, raised } = await meetingActions({ meeting: second, payload, user: viewers.editor! })
    expect(raised).toHaveLength(0)
    expect(broughtForward.map((action) => action.title)).toEqual(['public: write the pathway'])
    // The members-only group's action is not among anything the public can list.
    const everything = await payload.find({ collection: 'actions', overrideAccess: false })
    expect(everything.docs.map((action) => action.title)).toEqual(['public: write the pathway'])
  })

  it('recommendations filter by status and owner; professional-only ones stay with professionals', async () => {
    const titles = async (filter: Record<string, string>, user: null | User = null) =>
      (await listRecommendations({ filter: parseRecommendationFilter(filter), payload, user })).map(
        (recommendation) => recommendation.title,
      )
    expect(await titles({})).toEqual(['Owned', 'Unowned'])
    expect(await titles({}, viewers.professional)).toEqual(['Owned', 'Unowned', 'For professionals'])
    expect(await titles({ status: 'in-progress' })).toEqual(['Owned'])
    expect(await titles({ owner: String(ids.owner) })).toEqual(['Owned'])
    expect(await titles({ status: 'nonsense' })).toEqual(['Owned', 'Unowned'])
    expect(await recommendationOwners({ payload, user: null })).toEqual([{ id: ids.owner, name: 'Owning trust' }])
  })
})
