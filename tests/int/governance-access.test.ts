import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../src/payload-types'
import type { TestHub } from '../helpers/hub'

import { apiClient, signInViewers } from '../helpers/api'
import { startTestHub } from '../helpers/hub'

let hub: TestHub
let payload: Payload
let api: ReturnType<typeof apiClient>

/**
 * Three groups, one per visibility; each has an approved, an unconfirmed and a draft set of minutes and an
 * action on each of the first two. The member's contact sits on the members-only group, whose secretary is
 * the secretary; another secretary account is secretary of nothing.
 */
type Viewer =
  'admin' | 'anonymous' | 'clinical-reviewer' | 'editor' | 'idle-secretary' | 'member' | 'professional' | 'responder' | 'secretary'
const VIEWERS: Viewer[] = [
  'anonymous',
  'professional',
  'responder',
  'member',
  'secretary',
  'idle-secretary',
  'editor',
  'clinical-reviewer',
  'admin',
]
let tokens: Map<Viewer, string | undefined>
let users: Map<Viewer, User>
const ids: Record<string, number | string> = {}

const GROUPS = { members: 'Closed group', professional: 'Professional group', public: 'Public group' } as const
type Visibility = keyof typeof GROUPS
const STAFF: Viewer[] = ['editor', 'clinical-reviewer', 'admin']
const PROFESSIONALS: Viewer[] = ['professional', 'responder', ...STAFF]

let dayCounter = 0
const nextDay = () => new Date(Date.UTC(2031, 2, 3 + 7 * dayCounter++, 10)).toISOString()

beforeAll(async () => {
  hub = await startTestHub()
  payload = hub.payload
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  const memberPerson = await payload.create({ collection: 'people', data: { email: 'member.person@example.org', name: 'Member Person' } })
  ;({ tokens, users } = await signInViewers({
    api,
    payload,
    prepare: async ({ id, viewer }) =>
      viewer === 'member' && payload.update({ collection: 'users', data: { person: memberPerson.id }, id }),
    roles: (viewer) => (viewer === 'member' ? [] : viewer === 'idle-secretary' ? ['secretary'] : [viewer]),
    viewers: VIEWERS,
  }))
  for (const visibility of Object.keys(GROUPS) as Visibility[]) {
    const group = await payload.create({
      collection: 'groups',
      data: {
        members: visibility === 'members' ? [{ person: memberPerson.id, role: 'Member' }] : [],
        name: GROUPS[visibility],
        secretaries: visibility === 'members' ? [users.get('secretary')!.id] : [],
        visibility,
      } as never,
    })
    ids[`${visibility}:group`] = group.id
    // The decision names the state the minutes end in: the first set is approved when the second confirms it.
    const meeting = async ({
      data = {},
      finally: state,
      minutesStatus,
    }: {
      data?: Record<string, unknown>
      finally: string
      minutesStatus: string
    }) =>
      payload.create({
        collection: 'meetings',
        data: {
          agendaItems: [{ decision: `${visibility} ${state} decision`, title: 'Item' }],
          group: group.id,
          minutesStatus,
          startsAt: nextDay(),
          status: 'held',
          ...data,
        } as never,
      })
    const approved = await meeting({ finally: 'approved', minutesStatus: 'unconfirmed' })
    const unconfirmed = await meeting({ data: { confirmsMinutesOf: approved.id }, finally: 'unconfirmed', minutesStatus: 'unconfirmed' })
    const draft = await meeting({ finally: 'draft', minutesStatus: 'draft' })
    ids[`${visibility}:approved`] = approved.id
    ids[`${visibility}:unconfirmed`] = unconfirmed.id
    ids[`${visibility}:draft`] = draft.id
    for (const [state, at] of [
      ['approved', approved],
      ['unconfirmed', unconfirmed],
    ] as const) {
      await payload.create({
        collection: 'actions',
        data: { meeting: at.id, owner: { relationTo: 'people', value: memberPerson.id }, title: `${visibility} ${state} action` } as never,
      })
    }
  }
})

afterAll(async () => {
  await hub?.cleanup()
})

const groupsFor = (viewer: Viewer): Visibility[] => {
  if (STAFF.includes(viewer)) return ['members', 'professional', 'public']
  const seen: Visibility[] = ['public']
  if (PROFESSIONALS.includes(viewer)) seen.push('professional')
  if (viewer === 'member' || viewer === 'secretary') seen.push('members')
  return seen.sort()
}

/** Minutes (and the actions they raised) each viewer may read, as "<visibility> <state>". */
const minutesFor = (viewer: Viewer): string[] => {
  const all = ['approved', 'unconfirmed', 'draft']
  return groupsFor(viewer)
    .flatMap((visibility) => {
      if (STAFF.includes(viewer)) return all.map((state) => `${visibility} ${state}`)
      if (visibility === 'members' && viewer === 'secretary') return all.map((state) => `${visibility} ${state}`)
      if (visibility === 'members' && viewer === 'member') return [`${visibility} approved`, `${visibility} unconfirmed`]
      return [`${visibility} approved`]
    })
    .sort()
}

const actionsFor = (viewer: Viewer): string[] =>
  minutesFor(viewer)
    .filter((minutes) => !minutes.endsWith('draft'))
    .map((minutes) => `${minutes} action`)
    .sort()

const decisionsOf = (docs: { agendaItems?: { decision?: null | string }[] | null }[]): string[] =>
  docs
    .flatMap((doc) => doc.agendaItems ?? [])
    .map((item) => (item.decision ?? '').replace(/ decision$/, ''))
    .sort()

describe.each(VIEWERS)('governance as %s', (viewer) => {
  it('REST lists exactly the groups, meetings, minutes and actions the rules allow', async () => {
    const token = tokens.get(viewer)
    const groups = await api.rest({ path: 'groups?limit=50&depth=0', token })
    expect(groups.status).toBe(200)
    expect(groups.json.docs.map((doc: { visibility: Visibility }) => doc.visibility).sort()).toEqual(groupsFor(viewer))
    const meetings = await api.rest({ path: 'meetings?limit=50&depth=0', token })
    expect(meetings.status).toBe(200)
    // Every meeting of a visible group is listed (date, status); what the minutes say follows their state.
    expect(meetings.json.totalDocs).toBe(groupsFor(viewer).length * 3)
    expect(decisionsOf(meetings.json.docs)).toEqual(minutesFor(viewer))
    const actions = await api.rest({ path: 'actions?limit=50&depth=0', token })
    expect(actions.status).toBe(200)
    expect(actions.json.docs.map((doc: { title: string }) => doc.title).sort()).toEqual(actionsFor(viewer))
  })

  it('GraphQL shows the same', async () => {
    const { json } = await api.graphql({
      query:
        '{ Groups(limit: 50) { docs { visibility } } Meetings(limit: 50) { totalDocs docs { agendaItems { decision } } } Actions(limit: 50) { docs { title } } }',
      token: tokens.get(viewer),
    })
    expect(json.errors).toBeUndefined()
    expect(json.data.Groups.docs.map((doc: { visibility: string }) => doc.visibility.toLowerCase()).sort()).toEqual(groupsFor(viewer))
    expect(json.data.Meetings.totalDocs).toBe(groupsFor(viewer).length * 3)
    expect(decisionsOf(json.data.Meetings.docs)).toEqual(minutesFor(viewer))
    expect(json.data.Actions.docs.map((doc: { title: string }) => doc.title).sort()).toEqual(actionsFor(viewer))
  })

  it('the Local API with overrideAccess: false shows the same', async () => {
    const user = users.get(viewer)
    const asViewer = { overrideAccess: false, user } as const
    const groups = await payload.find({ collection: 'groups', depth: 0, limit: 50, ...asViewer })
    expect(groups.docs.map((doc) => doc.visibility).sort()).toEqual(groupsFor(viewer))
    const meetings = await payload.find({ collection: 'meetings', depth: 0, limit: 50, ...asViewer })
    expect(decisionsOf(meetings.docs)).toEqual(minutesFor(viewer))
    const actions = await payload.find({ collection: 'actions', depth: 0, limit: 50, ...asViewer })
    expect(actions.docs.map((doc) => doc.title).sort()).toEqual(actionsFor(viewer))
  })
})

describe('personal data', () => {
  it('member emails and secretaries reach staff only, however deep the read', async () => {
    for (const viewer of ['anonymous', 'member', 'secretary'] as Viewer[]) {
      const { json } = await api.rest({ path: `groups/${ids['members:group']}?depth=2`, token: tokens.get(viewer) })
      if (viewer === 'anonymous') {
        expect(json.errors ?? json.docs).toBeTruthy()
        continue
      }
      expect(json.members[0].person.name).toBe('Member Person')
      expect(json.members[0].person.email).toBeUndefined()
      expect(json.secretaries).toBeUndefined()
    }
    const staff = await api.rest({ path: `groups/${ids['members:group']}?depth=1`, token: tokens.get('editor') })
    expect(staff.json.members[0].person.email).toBe('member.person@example.org')
    expect(staff.json.secretaries).toHaveLength(1)
  })

  it('an approval record and who wrote each update stay with staff and the group’s secretaries', async () => {
    const approved = ids['public:approved']
    const anonymous = await api.rest({ path: `meetings/${approved}?depth=0` })
    expect(anonymous.json.agendaItems).toHaveLength(1)
    expect(anonymous.json.minutesApproval).toBeUndefined()
    const editor = await api.rest({ path: `meetings/${approved}?depth=0`, token: tokens.get('editor') })
    expect(editor.json.minutesApproval.confirmedBy).toBe(ids['public:unconfirmed'])
  })
})

describe('membership comes from an administrator', () => {
  it('an account cannot link itself to a member’s contact to read a members-only group', async () => {
    const professional = users.get('professional')!
    const memberPerson = (await payload.find({ collection: 'people', where: { name: { equals: 'Member Person' } } })).docs[0]!
    await api.rest({
      body: { person: memberPerson.id },
      method: 'PATCH',
      path: `users/${professional.id}`,
      token: tokens.get('professional'),
    })
    const stored = await payload.findByID({ collection: 'users', depth: 0, id: professional.id })
    expect(stored.person ?? null).toBeNull()
    const groups = await api.rest({ path: 'groups?limit=50&depth=0', token: tokens.get('professional') })
    expect(groups.json.docs.map((doc: { visibility: string }) => doc.visibility)).not.toContain('members')
  })
})

describe('group secretaries write their own groups only', () => {
  const token = () => tokens.get('secretary')

  it('record a meeting and an action for their group; other groups are refused', async () => {
    const own = await api.rest({
      body: { group: ids['members:group'], startsAt: nextDay() },
      method: 'POST',
      path: 'meetings',
      token: token(),
    })
    expect(own.status).toBe(201)
    const other = await api.rest({
      body: { group: ids['public:group'], startsAt: nextDay() },
      method: 'POST',
      path: 'meetings',
      token: token(),
    })
    expect(other.status).toBe(403)
    const idle = await api.rest({
      body: { group: ids['members:group'], startsAt: nextDay() },
      method: 'POST',
      path: 'meetings',
      token: tokens.get('idle-secretary'),
    })
    expect(idle.status).toBe(403)
    const owner = {
      relationTo: 'organisations',
      value: (await payload.create({ collection: 'organisations', data: { name: 'Owner trust' } })).id,
    }
    const action = await api.rest({
      body: { meeting: own.json.doc.id, owner, title: 'Secretary action' },
      method: 'POST',
      path: 'actions',
      token: token(),
    })
    expect(action.status).toBe(201)
    const elsewhere = await api.rest({
      body: { meeting: ids['public:approved'], owner, title: 'Not theirs' },
      method: 'POST',
      path: 'actions',
      token: token(),
    })
    expect(elsewhere.status).toBe(403)
  })

  it('update minutes of their group, not of another, and cannot move a meeting into another group', async () => {
    const own = await api.rest({ body: { venue: 'Board room' }, method: 'PATCH', path: `meetings/${ids['members:draft']}`, token: token() })
    expect(own.status).toBe(200)
    const other = await api.rest({
      body: { venue: 'Board room' },
      method: 'PATCH',
      path: `meetings/${ids['public:draft']}`,
      token: token(),
    })
    expect([403, 404]).toContain(other.status)
    expect((await payload.findByID({ collection: 'meetings', id: ids['public:draft'] })).venue).toBeFalsy()
    await api.rest({ body: { group: ids['public:group'] }, method: 'PATCH', path: `meetings/${ids['members:draft']}`, token: token() })
    const kept = await payload.findByID({ collection: 'meetings', depth: 0, id: ids['members:draft'] })
    expect(kept.group).toBe(ids['members:group'])
  })

  it('may edit their group’s members but not its visibility or secretaries, and may not delete', async () => {
    const group = ids['members:group']
    await api.rest({
      body: { purpose: 'Set by the secretary', secretaries: [], visibility: 'public' },
      method: 'PATCH',
      path: `groups/${group}`,
      token: token(),
    })
    const stored = await payload.findByID({ collection: 'groups', depth: 0, id: group })
    expect(stored.purpose).toBe('Set by the secretary')
    expect(stored.visibility).toBe('members')
    expect(stored.secretaries).toEqual([users.get('secretary')!.id])
    expect([403, 404]).toContain((await api.rest({ method: 'DELETE', path: `meetings/${ids['members:draft']}`, token: token() })).status)
    expect([403, 404]).toContain(
      (await api.rest({ body: { purpose: 'x' }, method: 'PATCH', path: `groups/${ids['public:group']}`, token: token() })).status,
    )
  })

  it('members, professionals and the public write nothing', async () => {
    for (const viewer of ['anonymous', 'member', 'professional'] as Viewer[]) {
      const meeting = await api.rest({
        body: { group: ids['members:group'], startsAt: nextDay() },
        method: 'POST',
        path: 'meetings',
        token: tokens.get(viewer),
      })
      expect(meeting.status).toBe(403)
      const group = await api.rest({ body: { name: `By ${viewer}` }, method: 'POST', path: 'groups', token: tokens.get(viewer) })
      expect(group.status).toBe(403)
    }
  })
})
