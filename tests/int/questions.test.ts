import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { CLIENT_IP_HEADER } from '../../src/lib/http/client-ip'
import { questionsPerAddress, questionsPerEmail, resetQuestionRateLimit } from '../../src/lib/questions/rate-limit'
import { apiClient } from '../helpers/api'
import { createUser, startTestHub } from '../helpers/hub'
import { waitFor } from '../helpers/wait'

let hub: TestHub
let api: ReturnType<typeof apiClient>
const tokens: Record<string, string | undefined> = {}

const valid = {
  email: 'asker@example.org',
  jobTitle: 'Practice nurse',
  name: 'Alex Asker',
  organisation: 'Riverside Surgery',
  question: 'Where can I find the local referral pathway for structured education?',
  telephone: '01632 960 001',
}

beforeAll(async () => {
  hub = await startTestHub()
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  for (const role of ['responder', 'editor', 'admin', 'professional']) {
    tokens[role] = (await api.login(await createUser({ payload: hub.payload, roles: [role] }))).token
  }
})

afterAll(async () => {
  await hub?.cleanup()
})

beforeEach(() => resetQuestionRateLimit())

const ask = (body: Record<string, unknown>, ip = '192.0.2.10', token?: string) =>
  api.rest({ body, headers: { [CLIENT_IP_HEADER]: ip }, method: 'POST', path: 'questions', token })

const fieldErrors = (json: { errors?: { data?: { errors?: { message: string; path: string }[] } }[] }) =>
  Object.fromEntries((json.errors?.[0]?.data?.errors ?? []).map((error) => [error.path, error.message]))

describe('asking a question (POST /api/questions)', () => {
  it('stores a valid question with a reference, status new and a normalised phone number', async () => {
    const { json, status } = await ask(valid)
    expect(status).toBe(201)
    const stored = await hub.payload.findByID({ collection: 'questions', id: json.doc.id })
    expect(stored.reference).toMatch(/^Q-\d{4}-\d{6}$/)
    expect(stored.status).toBe('new')
    expect(stored.telephone).toBe('01632960001')
    expect(stored.newsletterOptIn).toBe(false)
    expect(new Date(stored.receivedAt!).getTime()).toBeGreaterThan(Date.now() - 60_000)
  })

  it.each([
    ['name', { name: '' }, /Enter your full name/],
    ['email', { email: '' }, /email/i],
    ['email', { email: 'not-an-email' }, /correct format/],
    ['telephone', { telephone: '12345' }, /UK telephone/],
    ['question', { question: '' }, /Enter your question/],
    ['question', { question: 'Too short' }, /at least 10/],
    ['question', { question: 'x'.repeat(5001) }, /5000/],
    ['name', { name: 'n'.repeat(121) }, /120/],
    ['jobTitle', { jobTitle: 'j'.repeat(121) }, /120/],
    ['organisation', { organisation: 'o'.repeat(201) }, /200/],
    ['email', { email: `${'e'.repeat(250)}@example.org` }, /correct format|254/],
    ['sourcePath', { sourcePath: 'https://elsewhere.example/page' }, /Not a page on this site/],
  ])('names the %s field when it is wrong', async (field, change, message) => {
    const { json, status } = await ask({ ...valid, ...change })
    expect(status).toBe(400)
    expect(fieldErrors(json)[field]).toMatch(message)
  })

  it('keeps HTML as plain text, exactly as typed', async () => {
    const question = 'Is <b>this</b> <script>alert(1)</script> safe?'
    const { json } = await ask({ ...valid, question })
    const stored = await hub.payload.findByID({ collection: 'questions', id: json.doc.id })
    expect(stored.question).toBe(question)
  })

  it('ignores desk fields sent by the public (status, answer, assignee)', async () => {
    const { json } = await ask({ ...valid, answer: 'Forged', internalNotes: 'x', status: 'closed' })
    const stored = await hub.payload.findByID({ collection: 'questions', id: json.doc.id })
    expect(stored.status).toBe('new')
    expect(stored.answer ?? null).toBeNull()
    expect(stored.internalNotes ?? null).toBeNull()
  })

  it('refuses a filled honeypot without storing anything', async () => {
    const before = (await hub.payload.count({ collection: 'questions' })).totalDocs
    const { status } = await ask({ ...valid, website: 'https://spam.example' })
    expect(status).toBe(400)
    expect((await hub.payload.count({ collection: 'questions' })).totalDocs).toBe(before)
  })

  it('limits accepted questions per address with a 429 and Retry-After, leaving other addresses alone', async () => {
    const colleague = (sent: number) => ({ ...valid, email: `colleague${sent}@example.org` })
    for (let sent = 0; sent < questionsPerAddress.points(); sent++) expect((await ask(colleague(sent), '198.51.100.7')).status).toBe(201)
    const before = (await hub.payload.count({ collection: 'questions' })).totalDocs
    const limited = await ask(colleague(999), '198.51.100.7')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(limited.json.errors[0].message).toMatch(/from your connection.*try again/)
    expect((await hub.payload.count({ collection: 'questions' })).totalDocs).toBe(before)
    expect((await ask(colleague(1000), '198.51.100.8')).status).toBe(201)
  })

  it('limits accepted questions per asker email, whatever the address, leaving colleagues alone', async () => {
    for (let sent = 0; sent < questionsPerEmail.points(); sent++) expect((await ask(valid, `198.51.100.${20 + sent}`)).status).toBe(201)
    const limited = await ask({ ...valid, email: ' Asker@Example.org ' }, '198.51.100.60')
    expect(limited.status).toBe(429)
    expect(limited.json.errors[0].message).toMatch(/from this email address/)
    expect((await ask({ ...valid, email: 'colleague@example.org' }, '198.51.100.20')).status).toBe(201)
  })
})

describe("who sees the asker's personal details", () => {
  const PERSONAL = ['name', 'email', 'telephone', 'jobTitle', 'organisation'] as const

  it.each([
    ['anonymous', 403],
    ['professional', 403],
  ])('%s cannot list questions at all (REST %i, GraphQL null)', async (role, status) => {
    await ask(valid)
    expect((await api.rest({ path: 'questions', token: tokens[role] })).status).toBe(status)
    const { json } = await api.graphql({ query: '{ Questions { docs { reference email } } }', token: tokens[role] })
    expect(json.data?.Questions ?? null).toBeNull()
  })

  it('an editor sees questions but none of the personal details (REST, GraphQL, Local API)', async () => {
    await ask(valid)
    const rest = await api.rest({ path: 'questions?limit=1', token: tokens.editor })
    expect(rest.status).toBe(200)
    expect(rest.json.docs[0].question).toBeTruthy()
    for (const field of PERSONAL) expect(rest.json.docs[0][field]).toBeUndefined()
    const graph = await api.graphql({
      query: '{ Questions(limit: 1) { docs { reference question name email telephone } } }',
      token: tokens.editor,
    })
    expect(graph.json.data.Questions.docs[0].reference).toMatch(/^Q-/)
    expect(graph.json.data.Questions.docs[0].email ?? null).toBeNull()
    expect(graph.json.data.Questions.docs[0].name ?? null).toBeNull()
    const editor = (await hub.payload.find({ collection: 'users', where: { roles: { contains: 'editor' } } })).docs[0]
    const local = await hub.payload.find({ collection: 'questions', limit: 1, overrideAccess: false, user: editor })
    expect(local.docs[0].email).toBeUndefined()
  })

  it('responders and admins see them', async () => {
    await ask(valid)
    for (const role of ['responder', 'admin']) {
      const rest = await api.rest({ path: 'questions?limit=1', token: tokens[role] })
      expect(rest.json.docs[0].email).toBe('asker@example.org')
      const graph = await api.graphql({ query: '{ Questions(limit: 1) { docs { email telephone } } }', token: tokens[role] })
      expect(graph.json.data.Questions.docs[0].email).toBe('asker@example.org')
    }
  })

  it('the public cannot update a question, even its own', async () => {
    const { json } = await ask(valid)
    const update = await api.rest({ body: { question: 'Changed' }, method: 'PATCH', path: `questions/${json.doc.id}` })
    expect(update.status).toBe(403)
  })
})

describe('the desk workflow and its clock', () => {
  const newQuestion = async () => {
    const { json } = await ask(valid, `203.0.113.${Math.floor(Math.random() * 200)}`)
    return hub.payload.findByID({ collection: 'questions', id: json.doc.id })
  }
  const move = (id: number | string, data: Record<string, unknown>, role = 'responder') =>
    api.rest({ body: data, method: 'PATCH', path: `questions/${id}`, token: tokens[role] })

  it('a new question is due by the end of the 5th working day after it was received', async () => {
    const question = await newQuestion()
    const { dueDayFor, endOfUkDay } = await import('../../src/lib/sla/working-days')
    expect(question.dueDay).toBe(dueDayFor({ days: 5, received: new Date(question.receivedAt!) }))
    expect(question.dueAt).toBe(endOfUkDay({ day: question.dueDay! }).toISOString())
  })

  it('questions stored with only a due instant get their due day at start-up, under the same rule', async () => {
    const { fillQuestionDueDays } = await import('../../src/lib/questions/due-days')
    const { ukWallClockToInstant } = await import('../../src/lib/sla/working-days')
    const cases = [
      // Received on a Saturday and on Good Friday: before, due at the midnight that ends the 5th working day.
      { dueDay: '2026-12-29', oldDueAt: '2026-12-30T00:00:00.000Z', received: ukWallClockToInstant({ day: '2026-12-19', time: '10:00' }) },
      { dueDay: '2027-04-05', oldDueAt: '2027-04-05T23:00:00.000Z', received: ukWallClockToInstant({ day: '2027-03-26', time: '10:00' }) },
      // Received on a Monday after 17:00 (GMT): counts from Tuesday.
      { dueDay: '2026-11-17', oldDueAt: '2026-11-16T18:00:00.000Z', received: ukWallClockToInstant({ day: '2026-11-09', time: '18:00' }) },
    ]
    const ids: (number | string)[] = []
    for (const { oldDueAt, received } of cases) {
      const question = await newQuestion()
      await hub.payload.db.updateOne({
        collection: 'questions',
        data: { dueAt: oldDueAt, dueDay: null, receivedAt: received.toISOString() },
        id: question.id,
        returning: false,
      })
      ids.push(question.id)
    }
    expect(await fillQuestionDueDays({ payload: hub.payload })).toBeGreaterThanOrEqual(cases.length)
    for (const [index, { dueDay }] of cases.entries()) {
      const { json } = await api.rest({ path: `questions/${ids[index]}`, token: tokens.responder })
      expect(json.dueDay).toBe(dueDay)
      expect(json.dueAt).toBe(new Date(`${dueDay}T23:59:59.999${dueDay.startsWith('2027-04') ? '+01:00' : 'Z'}`).toISOString())
    }
    // Once filled, a question is left alone.
    expect(await fillQuestionDueDays({ payload: hub.payload })).toBe(0)
  })

  it('refuses an impossible status change, naming the status field', async () => {
    const question = await newQuestion()
    await move(question.id, { status: 'closed' })
    const { json, status } = await move(question.id, { status: 'awaiting-requester' })
    expect(status).toBe(400)
    expect(fieldErrors(json).status).toMatch(/cannot go from "closed"/)
  })

  it('will not mark a question answered without an answer', async () => {
    const question = await newQuestion()
    const { json, status } = await move(question.id, { status: 'answered' })
    expect(status).toBe(400)
    expect(fieldErrors(json).status).toMatch(/Write the answer/)
  })

  it('awaiting the asker stops the clock; resuming restarts it later; first response and answer are stamped', async () => {
    const question = await newQuestion()
    await move(question.id, { status: 'assigned' })
    const paused = (await move(question.id, { status: 'awaiting-requester' })).json.doc
    expect(paused.dueAt ?? null).toBeNull()
    expect(paused.dueDay ?? null).toBeNull()
    expect(paused.timeLeft).toBe('Paused: awaiting the asker')
    expect(paused.pauses).toHaveLength(1)
    expect(paused.firstResponseAt).toBeTruthy()
    // The clock moves past the pause's start, so the resumption is stamped later than it.
    const pausedAt = Date.parse(paused.pauses[0].from)
    expect(await waitFor({ check: () => Date.now() > pausedAt, intervalMs: 1, timeoutMs: 5_000 })).toBe(true)
    const resumed = (await move(question.id, { status: 'assigned' })).json.doc
    expect(resumed.pauses[0].to).toBeTruthy()
    expect(Date.parse(resumed.pauses[0].to)).toBeGreaterThan(pausedAt)
    expect(resumed.dueAt).toBeTruthy()
    // A pause within one day does not move the due day (one over a cut-off or a working day would); it never moves earlier.
    expect(resumed.dueDay >= question.dueDay!).toBe(true)
    const answered = (await move(question.id, { answer: 'Here is the pathway.', status: 'answered' })).json.doc
    expect(answered.answeredAt).toBeTruthy()
    expect(answered.firstResponseAt).toBe(paused.firstResponseAt)
  })

  it('only an administrator reopens a closed question', async () => {
    const question = await newQuestion()
    await move(question.id, { status: 'closed' })
    expect((await move(question.id, { status: 'assigned' })).status).toBe(400)
    expect((await move(question.id, { status: 'assigned' }, 'admin')).status).toBe(200)
  })
})
