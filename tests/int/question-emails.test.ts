import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import type { TestSmtpServer } from '../helpers/smtp'
import type { TestHub } from '../helpers/hub'

import { CLIENT_IP_HEADER } from '../../src/lib/http/client-ip'
import { watchQuestionDeadlines } from '../../src/lib/questions/deadlines'
import { resetQuestionRateLimit } from '../../src/lib/questions/rate-limit'
import { formatDay } from '../../src/lib/site/format'
import { dueSoonFrom, endOfUkDay, ukWallClockToInstant } from '../../src/lib/sla/working-days'
import { apiClient } from '../helpers/api'
import { createUser, startTestHub } from '../helpers/hub'
import { startSmtpServer } from '../helpers/smtp'

let hub: TestHub
let smtp: TestSmtpServer
let api: ReturnType<typeof apiClient>
let responderToken: string | undefined

beforeAll(async () => {
  smtp = await startSmtpServer()
  hub = await startTestHub({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false' } })
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  responderToken = (await api.login(await createUser({ payload: hub.payload, roles: ['responder'] }))).token
  await hub.payload.updateGlobal({
    slug: 'site-settings',
    data: { deskEmail: 'desk.lead@example.org', deskReplyTo: 'question.desk@example.org' },
  })
})

afterEach(() => {
  vi.useRealTimers()
})

afterAll(async () => {
  await hub?.cleanup()
  await smtp?.stop()
})

const runJobs = async () => {
  for (let round = 0; round < 5; round++) await hub.payload.jobs.run({ queue: 'default', silent: true })
}

const ask = async (email: string) => {
  await resetQuestionRateLimit()
  const { json, status } = await api.rest({
    body: { email, name: 'Sam Asker', question: 'Is there a <b>local</b> foot-care pathway for people with type 2 diabetes?' },
    headers: { [CLIENT_IP_HEADER]: '192.0.2.50' },
    method: 'POST',
    path: 'questions',
  })
  expect(status).toBe(201)
  return hub.payload.findByID({ collection: 'questions', id: json.doc.id })
}

const mailTo = (address: string) => smtp.received().filter((mail) => mail.envelope.to.includes(address))

describe('emails to the asker', () => {
  it('confirms a question with its reference, the target and the disclaimer, as plain text', async () => {
    const question = await ask('confirm.me@example.org')
    await runJobs()
    const [mail, ...others] = mailTo('confirm.me@example.org')
    expect(others).toHaveLength(0)
    expect(mail.subject).toBe(`We have received your question (${question.reference})`)
    expect(mail.text).toContain('within 5 working days')
    expect(mail.text).toContain('cannot offer clinical advice')
    expect(mail.headers['reply-to']).toBe('question.desk@example.org')
    // What the asker typed is quoted as text: the HTML part escapes it.
    expect(mail.text).toContain('Is there a <b>local</b> foot-care pathway')
    expect(mail.html ?? '').not.toContain('<b>local</b>')
  })

  it('sends the answer once when a responder marks the question answered, and records its delivery', async () => {
    const question = await ask('answer.me@example.org')
    await runJobs()
    const answered = await api.rest({
      body: { answer: 'Yes: see the foot protection service page.', status: 'answered' },
      method: 'PATCH',
      path: `questions/${question.id}`,
      token: responderToken,
    })
    expect(answered.status).toBe(200)
    await runJobs()
    const answers = mailTo('answer.me@example.org').filter((mail) => mail.subject.startsWith('Answer to your question'))
    expect(answers).toHaveLength(1)
    expect(answers[0].text).toContain('Yes: see the foot protection service page.')
    // The answer is where advice is most likely read in: the disclaimer goes with it, and replies reach the desk.
    expect(answers[0].text).toContain('The network team does not and cannot offer clinical advice.')
    expect(answers[0].headers['reply-to']).toBe('question.desk@example.org')
    expect(answers[0].headers.from).toContain('no-reply@')
    const stored = (await api.rest({ path: `questions/${question.id}`, token: responderToken })).json
    expect(stored.answerEmail.messageId).toBe(answers[0].messageId)
    expect(stored.answerEmail.delivery).toMatch(/^Sent .* \(smtp\)$/)
    // Saving again as answered does not send it again.
    await api.rest({ body: { internalNotes: 'Done' }, method: 'PATCH', path: `questions/${question.id}`, token: responderToken })
    await runJobs()
    expect(mailTo('answer.me@example.org').filter((mail) => mail.subject.startsWith('Answer to your question'))).toHaveLength(1)
  })
})

describe('the day promised to the asker', () => {
  // Only Date is faked (the clock still runs), so the question arrives at a UK time of the test's choosing.
  const askAt = async ({ email, instant }: { email: string; instant: Date }) => {
    vi.useFakeTimers({ now: instant, shouldAdvanceTime: true, toFake: ['Date'] })
    try {
      return await ask(email)
    } finally {
      vi.useRealTimers()
    }
  }

  it.each([
    ['a Saturday', '2026-12-19', '10:00', 'Tuesday 29 December 2026', '2026-12-29'],
    ['Good Friday', '2027-03-26', '10:00', 'Monday 5 April 2027', '2027-04-05'],
    ['a working day after 17:00', '2026-12-15', '18:30', 'Wednesday 23 December 2026', '2026-12-23'],
    ['a working day before 17:00', '2026-12-15', '09:15', 'Tuesday 22 December 2026', '2026-12-22'],
    ['Christmas Eve after 17:00', '2026-12-24', '17:30', 'Tuesday 5 January 2027', '2027-01-05'],
  ])('received on %s (%s %s) is promised %s, in the email, the API and the time left', async (_, day, time, words, dueDay) => {
    const email = `promise-${day}-${time.replace(':', '')}@example.org`
    const question = await askAt({ email, instant: ukWallClockToInstant({ day, time }) })
    expect(question.dueDay).toBe(dueDay)
    expect(question.dueAt).toBe(endOfUkDay({ day: dueDay }).toISOString())
    await runJobs()
    const [mail] = mailTo(email)
    expect(mail?.text).toContain(`We aim to reply within 5 working days, by ${words}.`)
    const seen = (await api.rest({ path: `questions/${question.id}`, token: responderToken })).json
    expect(seen.dueDay).toBe(dueDay)
    expect(seen.timeLeft).toMatch(new RegExp(`^Due in \\d+ working days? \\(${words}\\)$`))
  })
})

describe('deadline reminders and overdue alerts', () => {
  it('fire once each, to the desk lead when nobody is assigned, and never for a paused question', async () => {
    const question = await ask('deadline@example.org')
    const paused = await ask('paused@example.org')
    await api.rest({ body: { status: 'awaiting-requester' }, method: 'PATCH', path: `questions/${paused.id}`, token: responderToken })
    const dueDay = question.dueDay!
    const beforeReminder = new Date(dueSoonFrom({ dueDay }).getTime() - 60_000)
    expect(await watchQuestionDeadlines({ now: beforeReminder, payload: hub.payload })).toEqual({ breaches: 0, reminders: 0 })

    const reminderTime = new Date(dueSoonFrom({ dueDay }).getTime() + 60_000)
    expect((await watchQuestionDeadlines({ now: reminderTime, payload: hub.payload })).reminders).toBeGreaterThanOrEqual(1)
    expect((await watchQuestionDeadlines({ now: reminderTime, payload: hub.payload })).reminders).toBe(0)

    // Not overdue during the due day, however late in it.
    const lastMinute = new Date(endOfUkDay({ day: dueDay }).getTime() - 60_000)
    expect((await watchQuestionDeadlines({ now: lastMinute, payload: hub.payload })).breaches).toBe(0)
    const afterDue = new Date(endOfUkDay({ day: dueDay }).getTime() + 60_000)
    expect((await watchQuestionDeadlines({ now: afterDue, payload: hub.payload })).breaches).toBeGreaterThanOrEqual(1)
    expect((await watchQuestionDeadlines({ now: afterDue, payload: hub.payload })).breaches).toBe(0)
    await runJobs()

    const lead = mailTo('desk.lead@example.org')
    const about = (prefix: string) =>
      lead.filter((mail) => mail.subject.startsWith(prefix) && mail.subject.includes(String(question.reference)))
    expect(about('Reminder:')).toHaveLength(1)
    expect(about('Reminder:')[0]!.text).toContain(`due by the end of ${formatDay(dueDay)}`)
    expect(about('Overdue:')).toHaveLength(1)
    expect(lead.some((mail) => mail.subject.includes(String(paused.reference)))).toBe(false)
    const stamped = await hub.payload.findByID({ collection: 'questions', id: question.id })
    expect(stamped.reminderSentAt).toBeTruthy()
    expect(stamped.breachAlertSentAt).toBeTruthy()
  })
})
