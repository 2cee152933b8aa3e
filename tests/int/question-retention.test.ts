import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { describeSla } from '../../src/lib/questions/sla'
import { ERASED, eraseAsker, eraseExpiredQuestions } from '../../src/lib/questions/retention'
import { startTestHub } from '../helpers/hub'

let hub: TestHub

beforeAll(async () => {
  hub = await startTestHub()
})

afterAll(async () => {
  await hub?.cleanup()
})

const question = async (email: string) =>
  hub.payload.create({
    collection: 'questions',
    data: {
      email,
      name: 'Pat Asker',
      organisation: 'Surgery',
      question: 'A question about retinal screening.',
      telephone: '01632 960 001',
    } as never,
  })

const close = async (id: number | string, closedAt: string) =>
  hub.payload.db.updateOne({ collection: 'questions', data: { closedAt, status: 'closed' }, id, returning: false })

describe("keeping askers' personal data no longer than needed", () => {
  it('erases personal details a year after closing, keeping the dates and status for statistics', async () => {
    const old = await question('old@example.org')
    const recent = await question('recent@example.org')
    const open = await question('open@example.org')
    await close(old.id, '2025-10-01T10:00:00.000Z')
    await close(recent.id, '2026-06-01T10:00:00.000Z')
    const erased = await eraseExpiredQuestions({ now: new Date('2026-11-23T12:00:00.000Z'), payload: hub.payload })
    expect(erased).toBe(1)
    const after = await hub.payload.findByID({ collection: 'questions', id: old.id })
    expect(after).toMatchObject({ name: ERASED, question: ERASED, status: 'closed' })
    expect(after.email).not.toContain('old@example.org')
    expect(after.telephone ?? null).toBeNull()
    expect(after.organisation ?? null).toBeNull()
    expect(after.receivedAt).toBe(old.receivedAt)
    expect(after.reference).toBe(old.reference)
    expect(after.erasedAt).toBeTruthy()
    expect((await hub.payload.findByID({ collection: 'questions', id: recent.id })).email).toBe('recent@example.org')
    expect((await hub.payload.findByID({ collection: 'questions', id: open.id })).email).toBe('open@example.org')
    // Running again finds nothing new.
    expect(await eraseExpiredQuestions({ now: new Date('2026-11-23T12:00:00.000Z'), payload: hub.payload })).toBe(0)
  })

  it("erases every question from one asker on request, and nobody else's", async () => {
    const first = await question('request@example.org')
    const second = await question('request@example.org')
    const other = await question('someone.else@example.org')
    expect(await eraseAsker({ email: 'request@example.org', payload: hub.payload })).toBe(2)
    for (const id of [first.id, second.id]) expect((await hub.payload.findByID({ collection: 'questions', id })).name).toBe(ERASED)
    expect((await hub.payload.findByID({ collection: 'questions', id: other.id })).name).toBe('Pat Asker')
    const left = await hub.payload.find({ collection: 'questions', where: { email: { equals: 'request@example.org' } } })
    expect(left.totalDocs).toBe(0)
  })
})

describe('time left, as the desk sees it', () => {
  const due = '2026-11-27' // a Friday
  it.each([
    ['2026-11-23T10:00:00.000Z', undefined, 'assigned', 'Due in 4 working days (Friday 27 November 2026)'],
    ['2026-11-27T07:00:00.000Z', undefined, 'assigned', 'Due today (Friday 27 November 2026)'],
    ['2026-11-28T10:00:00.000Z', undefined, 'assigned', 'Overdue (due Friday 27 November 2026)'],
    ['2026-11-30T10:00:00.000Z', undefined, 'assigned', 'Overdue by 1 working day (due Friday 27 November 2026)'],
    ['2026-11-30T10:00:00.000Z', '2026-11-26T09:00:00.000Z', 'answered', 'Answered on time'],
    ['2026-11-30T10:00:00.000Z', '2026-11-30T09:00:00.000Z', 'answered', 'Answered late'],
  ])('at %s (answered %s, %s): %s', (now, answeredAt, status, expected) => {
    expect(describeSla({ answeredAt, closures: [], dueDay: due, now: new Date(now), status })).toBe(expected)
  })

  it('says the clock is paused while awaiting the asker', () => {
    expect(describeSla({ closures: [], dueDay: null, status: 'awaiting-requester' })).toBe('Paused: awaiting the asker')
  })
})

describe('erasing an asker on request over REST', () => {
  it('is for administrators only, checks the email, and reports how many questions it erased', async () => {
    const { apiClient } = await import('../helpers/api')
    const { createUser } = await import('../helpers/hub')
    const api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
    const admin = (await api.login(await createUser({ payload: hub.payload, roles: ['admin'] }))).token
    const responder = (await api.login(await createUser({ payload: hub.payload, roles: ['responder'] }))).token
    await question('via.rest@example.org')
    const erase = (body: unknown, token?: string) => api.rest({ body, method: 'POST', path: 'questions/erase-asker', token })
    expect((await erase({ email: 'via.rest@example.org' })).status).toBe(403)
    expect((await erase({ email: 'via.rest@example.org' }, responder)).status).toBe(403)
    const bad = await erase({ email: 'nope' }, admin)
    expect(bad.status).toBe(400)
    expect(bad.json.errors[0].field).toBe('email')
    const done = await erase({ email: 'via.rest@example.org' }, admin)
    expect(done.status).toBe(200)
    expect(done.json.erased).toBe(1)
  })
})
