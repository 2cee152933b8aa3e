import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Action, Meeting } from '../../src/payload-types'
import type { TestHub } from '../helpers/hub'

import { minutesChangeProblem } from '../../src/lib/governance/minutes'
import { quorumOf } from '../../src/lib/governance/quorum'
import { apiClient } from '../helpers/api'
import { createUser, startTestHub } from '../helpers/hub'

let hub: TestHub
let payload: Payload
let api: ReturnType<typeof apiClient>
let editorToken: string | undefined
let adminToken: string | undefined
const ids: Record<string, number | string> = {}

let dayCounter = 0
/** Each meeting on a day of its own, a week apart, in the order created. */
const nextDay = () => new Date(Date.UTC(2030, 0, 7 + 7 * dayCounter++, 14)).toISOString()

const meeting = async (data: Record<string, unknown> = {}): Promise<Meeting> =>
  (await payload.create({ collection: 'meetings', data: { group: ids.group, startsAt: nextDay(), ...data } as never })) as Meeting

const patchMeeting = (id: number | string, body: Record<string, unknown>, token = editorToken) =>
  api.rest({ body, method: 'PATCH', path: `meetings/${id}`, token })

beforeAll(async () => {
  hub = await startTestHub()
  payload = hub.payload
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  editorToken = (await api.login(await createUser({ payload, roles: ['editor'] }))).token
  adminToken = (await api.login(await createUser({ payload, roles: ['admin'] }))).token
  const chair = await payload.create({ collection: 'people', data: { name: 'Chair Person' } })
  const member = await payload.create({ collection: 'people', data: { name: 'Member Person' } })
  const guest = await payload.create({ collection: 'people', data: { name: 'Guest Person' } })
  ids.chair = chair.id
  ids.member = member.id
  ids.guest = guest.id
  ids.group = (
    await payload.create({
      collection: 'groups',
      data: {
        chairs: [chair.id],
        members: [{ person: member.id, role: 'Lead' }],
        name: 'Workflow group',
        quorum: 2,
        visibility: 'public',
      } as never,
    })
  ).id
})

afterAll(async () => {
  await hub?.cleanup()
})

describe('the minutes rules on their own', () => {
  it('refuse skipping the circulation, approving an unheld meeting and reopening without an administrator', () => {
    expect(minutesChangeProblem({ from: 'draft', isAdmin: true, meetingStatus: 'held', to: 'approved' })).toMatch(/unconfirmed before/)
    expect(minutesChangeProblem({ from: 'draft', isAdmin: false, meetingStatus: 'scheduled', to: 'unconfirmed' })).toMatch(/held/)
    expect(minutesChangeProblem({ from: 'approved', isAdmin: false, meetingStatus: 'held', to: 'unconfirmed' })).toMatch(/administrator/)
    expect(minutesChangeProblem({ from: 'approved', isAdmin: true, meetingStatus: 'held', to: 'unconfirmed' })).toBeNull()
    expect(minutesChangeProblem({ from: 'draft', isAdmin: false, meetingStatus: 'held', to: 'unconfirmed' })).toBeNull()
  })

  it('count quorum from chairs and members present, once each, never guests', () => {
    const group = { chairs: [1], members: [{ person: 2 }], quorum: 2 }
    expect(
      quorumOf({
        attendance: [
          { attendance: 'present', person: 1 },
          { attendance: 'present', person: 3 },
        ],
        group,
      }),
    ).toEqual({ present: 1, quorate: false, required: 2 })
    expect(
      quorumOf({
        attendance: [
          { attendance: 'present', person: 1 },
          { attendance: 'present', person: 2 },
          { attendance: 'present', person: 2 },
        ],
        group,
      }),
    ).toEqual({ present: 2, quorate: true, required: 2 })
    expect(quorumOf({ attendance: [{ attendance: 'apologies', person: 2 }], group: { ...group, quorum: null } }).quorate).toBeNull()
  })
})

describe('recording a meeting', () => {
  it('titles it by group and UK day, numbers the agenda and shows quorum', async () => {
    const created = await meeting({
      agendaItems: [{ title: 'Apologies' }, { title: 'Type 2 pathway' }],
      attendance: [
        { attendance: 'present', person: ids.chair },
        { attendance: 'present', person: ids.member },
        { attendance: 'in-attendance', person: ids.guest },
      ],
    })
    expect(created.title).toMatch(/^Workflow group: \w+day \d+ January 2030$/)
    expect(created.day).toMatch(/^2030-01-\d{2}$/)
    expect(created.agendaItems?.map((item) => item.number)).toEqual([1, 2])
    expect(created.quorum).toBe('Quorate: 2 members present, quorum 2')
  })

  it('refuses a second meeting of the group on the same day with a 400 naming the field', async () => {
    const first = await meeting()
    const { json, status } = await api.rest({
      body: { group: ids.group, startsAt: first.startsAt },
      method: 'POST',
      path: 'meetings',
      token: editorToken,
    })
    expect(status).toBe(400)
    expect(json.errors[0].data.errors[0].path).toBe('startsAt')
  })
})

describe('minutes state', () => {
  it('cannot be circulated before the meeting is held, nor approved straight from draft', async () => {
    const scheduled = await meeting()
    const early = await patchMeeting(scheduled.id, { minutesStatus: 'unconfirmed' })
    expect(early.status).toBe(400)
    expect(early.json.errors[0].data.errors[0]).toMatchObject({ path: 'minutesStatus' })
    await patchMeeting(scheduled.id, { status: 'held' })
    const skipped = await patchMeeting(scheduled.id, { minutesStatus: 'approved' })
    expect(skipped.status).toBe(400)
    expect(skipped.json.errors[0].data.errors[0].message).toMatch(/unconfirmed before/)
  })

  it('cannot be approved without a later held meeting confirming them', async () => {
    const first = await meeting({ minutesStatus: 'unconfirmed', status: 'held' })
    const refused = await patchMeeting(first.id, { minutesStatus: 'approved' })
    expect(refused.status).toBe(400)
    expect(refused.json.errors[0].data.errors[0].path).toBe('minutesStatus')
    expect(refused.json.errors[0].data.errors[0].message).toMatch(/later meeting/)
    // A later meeting that names them but has not been held yet does not approve them either.
    const second = await meeting({ confirmsMinutesOf: first.id })
    expect((await patchMeeting(first.id, { minutesStatus: 'approved' })).status).toBe(400)
    expect((await payload.findByID({ collection: 'meetings', id: first.id })).minutesStatus).toBe('unconfirmed')
    // Holding the later meeting approves them, recording who and at which meeting.
    const held = await patchMeeting(second.id, { status: 'held' })
    expect(held.status).toBe(200)
    const approved = await payload.findByID({ collection: 'meetings', depth: 0, id: first.id })
    expect(approved.minutesStatus).toBe('approved')
    expect(approved.minutesApproval?.confirmedBy).toBe(second.id)
    expect(approved.minutesApproval?.approvedBy).toBeTruthy()
    expect(approved.minutesApproval?.approvedAt).toBeTruthy()
  })

  it('cannot be confirmed by an earlier meeting, another group, or while still a draft', async () => {
    const other = await payload.create({ collection: 'groups', data: { name: 'Other group', visibility: 'public' } as never })
    const draft = await meeting({ status: 'held' })
    const later = await meeting({ status: 'held' })
    const stillDraft = await patchMeeting(later.id, { confirmsMinutesOf: draft.id })
    expect(stillDraft.status).toBe(400)
    expect(stillDraft.json.errors[0].data.errors[0]).toMatchObject({ path: 'confirmsMinutesOf' })
    await patchMeeting(draft.id, { minutesStatus: 'unconfirmed' })
    const backwards = await patchMeeting(draft.id, { confirmsMinutesOf: later.id })
    expect(backwards.status).toBe(400)
    const elsewhere = await payload.create({
      collection: 'meetings',
      data: { group: other.id, startsAt: nextDay(), status: 'held' } as never,
    })
    expect((await patchMeeting(elsewhere.id, { confirmsMinutesOf: draft.id })).status).toBe(400)
    expect((await patchMeeting(later.id, { confirmsMinutesOf: draft.id })).status).toBe(200)
    expect((await payload.findByID({ collection: 'meetings', id: draft.id })).minutesStatus).toBe('approved')
  })

  it('keeps approved minutes as the record: edits refused, reopening for administrators only', async () => {
    const first = await meeting({
      agendaItems: [{ minute: 'Original minute', title: 'Item' }],
      minutesStatus: 'unconfirmed',
      status: 'held',
    })
    await meeting({ confirmsMinutesOf: first.id, status: 'held' })
    const approved = await payload.findByID({ collection: 'meetings', depth: 0, id: first.id })
    expect(approved.minutesStatus).toBe('approved')
    const edit = await patchMeeting(first.id, { agendaItems: [{ minute: 'Rewritten', title: 'Item' }] })
    expect(edit.status).toBe(400)
    expect(edit.json.errors[0].data.errors[0].path).toBe('agendaItems')
    // Saving it back unchanged (as the admin panel does) is fine.
    expect((await patchMeeting(first.id, { agendaItems: approved.agendaItems, venue: 'Room 2' })).status).toBe(200)
    expect((await patchMeeting(first.id, { minutesStatus: 'unconfirmed' })).status).toBe(400)
    const reopened = await patchMeeting(first.id, { minutesStatus: 'unconfirmed' }, adminToken)
    expect(reopened.status).toBe(200)
    expect(reopened.json.doc.minutesApproval.confirmedBy).toBeNull()
    const back = await patchMeeting(first.id, { status: 'scheduled' })
    expect(back.status).toBe(400)
    expect(back.json.errors[0].data.errors[0].path).toBe('status')
  })
})

describe('actions', () => {
  const raise = async (data: Record<string, unknown>): Promise<Action> =>
    (await payload.create({
      collection: 'actions',
      data: { owner: { relationTo: 'people', value: ids.member }, title: 'Do it', ...data } as never,
    })) as Action

  it('take their group from the meeting and must name an agenda item that exists', async () => {
    const at = await meeting({ agendaItems: [{ title: 'Only item' }] })
    const action = await raise({ agendaItem: 1, meeting: at.id })
    expect(action.group).toMatchObject({ id: ids.group })
    const { json, status } = await api.rest({
      body: { agendaItem: 7, meeting: at.id, owner: { relationTo: 'people', value: ids.member }, title: 'Nowhere' },
      method: 'POST',
      path: 'actions',
      token: editorToken,
    })
    expect(status).toBe(400)
    expect(json.errors[0].data.errors[0].path).toBe('agendaItem')
  })

  it('carried forward at meeting N appear on meeting N+1, then N+2, keeping their history', async () => {
    const n = await meeting({ status: 'held' })
    const action = await raise({ meeting: n.id })
    const next = await meeting()
    const carried = await api.rest({
      body: { status: 'carried-forward' },
      method: 'PATCH',
      path: `actions/${action.id}`,
      token: editorToken,
    })
    expect(carried.status).toBe(200)
    const onNext = await payload.find({ collection: 'actions', depth: 0, where: { carriedForwardTo: { contains: next.id } } })
    expect(onNext.docs.map((doc) => doc.id)).toEqual([action.id])
    // While N+1 is ahead, saving the action again leaves it there.
    // The updates log is sent whole, as the admin panel does, with the new entry last.
    const logged = (await payload.findByID({ collection: 'actions', depth: 0, id: action.id })).updates ?? []
    await api.rest({
      body: { updates: [...logged, { note: 'Draft circulated' }] },
      method: 'PATCH',
      path: `actions/${action.id}`,
      token: editorToken,
    })
    expect((await payload.findByID({ collection: 'actions', depth: 0, id: action.id })).carriedForwardTo).toEqual([next.id])
    // N+1 is held with the action still carried forward: it waits for a meeting, then joins N+2 when scheduled.
    await patchMeeting(next.id, { status: 'held' })
    expect((await payload.findByID({ collection: 'actions', depth: 0, id: action.id })).carriedForwardTo).toEqual([next.id])
    const later = await meeting()
    const history = await payload.findByID({ collection: 'actions', depth: 0, id: action.id })
    expect(history.carriedForwardTo).toEqual([next.id, later.id])
    expect(history.meeting).toBe(n.id)
    const notes = history.updates?.map((row) => row.note) ?? []
    expect(notes).toEqual([
      expect.stringMatching(/^Carried forward to the meeting of /),
      'Draft circulated',
      expect.stringMatching(/^Carried forward to the meeting of /),
    ])
    expect(history.updates?.[1]?.by).toBeTruthy()
    // Done before N+2: it leaves N+2's log but keeps the held meeting it was carried to.
    await api.rest({ body: { status: 'done' }, method: 'PATCH', path: `actions/${action.id}`, token: editorToken })
    const done = await payload.findByID({ collection: 'actions', depth: 0, id: action.id })
    expect(done.carriedForwardTo).toEqual([next.id])
    expect(done.updates?.at(-1)?.note).toBe('Status changed from Carried forward to Done.')
  })

  it('carried forward sit on the earliest meeting after the one they were carried at, as the calendar changes', async () => {
    const group = (await payload.create({ collection: 'groups', data: { name: 'Calendar group', visibility: 'public' } as never })).id
    const at = (day: string) => `${day}T13:00:00.000Z`
    const create = async (data: Record<string, unknown>) => {
      const { json, status } = await api.rest({ body: { group, ...data }, method: 'POST', path: 'meetings', token: editorToken })
      expect(status).toBe(201)
      return json.doc as Meeting
    }
    const a = await create({ startsAt: at('2031-01-08'), status: 'held' })
    const c = await create({ startsAt: at('2031-03-12') })
    const action = await raise({ meeting: a.id })
    expect(
      (await api.rest({ body: { status: 'carried-forward' }, method: 'PATCH', path: `actions/${action.id}`, token: editorToken })).status,
    ).toBe(200)
    const placed = async () => (await payload.findByID({ collection: 'actions', depth: 0, id: action.id })).carriedForwardTo
    const broughtTo = async (meetingId: number | string) =>
      (await payload.find({ collection: 'actions', depth: 0, where: { carriedForwardTo: { contains: meetingId } } })).docs.map(
        (doc) => doc.id,
      )
    expect(await placed()).toEqual([c.id])

    // A meeting scheduled between A and C takes the action: it is the next one after A.
    const b = await create({ startsAt: at('2031-02-12') })
    expect(await placed()).toEqual([b.id])
    expect(await broughtTo(b.id)).toEqual([action.id])
    expect(await broughtTo(c.id)).toEqual([])
    // B moved after C: back on C.
    expect((await patchMeeting(b.id, { startsAt: at('2031-04-09') })).status).toBe(200)
    expect(await placed()).toEqual([c.id])
    // C cancelled (deleted): on to B, now the next meeting; B deleted too: it waits for the next one.
    expect((await api.rest({ method: 'DELETE', path: `meetings/${c.id}`, token: editorToken })).status).toBe(200)
    expect(await placed()).toEqual([b.id])
    expect((await api.rest({ method: 'DELETE', path: `meetings/${b.id}`, token: editorToken })).status).toBe(200)
    expect(await placed()).toEqual([])
    const d = await create({ startsAt: at('2031-05-14') })
    expect(await placed()).toEqual([d.id])
    // A meeting before A does not take it: it was carried at A.
    await create({ startsAt: at('2030-12-10') })
    expect(await placed()).toEqual([d.id])
    const notes = ((await payload.findByID({ collection: 'actions', depth: 0, id: action.id })).updates ?? []).map((row) => row.note)
    expect(notes).toEqual([
      'Carried forward to the meeting of Wednesday 12 March 2031.',
      'Carried forward to the meeting of Wednesday 12 February 2031.',
      'Carried forward to the meeting of Wednesday 12 March 2031.',
      'Carried forward to the meeting of Wednesday 9 April 2031.',
      'Carried forward to the meeting of Wednesday 14 May 2031.',
    ])
    // The meeting that raised it cannot be deleted from under it: a 400 that says why, not a database error.
    const refused = await api.rest({ method: 'DELETE', path: `meetings/${a.id}`, token: editorToken })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.json)).toMatch(/An action was raised at this meeting/)
  })

  it('are flagged overdue when open past their due date, not when done', async () => {
    const at = await meeting({ status: 'held' })
    const overdue = await raise({ dueDate: '2020-01-01', meeting: at.id })
    const done = await raise({ dueDate: '2020-01-01', meeting: at.id, status: 'done' })
    const future = await raise({ dueDate: '2999-01-01', meeting: at.id })
    const read = async (id: number | string) => (await api.rest({ path: `actions/${id}`, token: editorToken })).json.overdue
    expect(await read(overdue.id)).toBe(true)
    expect(await read(done.id)).toBe(false)
    expect(await read(future.id)).toBe(false)
  })
})
