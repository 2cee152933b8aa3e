import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestSmtpServer } from '../helpers/smtp'
import type { TestHub } from '../helpers/hub'

import { CLIENT_IP_HEADER } from '../../src/lib/http/client-ip'
import { watchQuestionDeadlines } from '../../src/lib/questions/deadlines'
import { resetQuestionRateLimit } from '../../src/lib/questions/rate-limit'
import { oneWorkingDayBefore } from '../../src/lib/sla/working-days'
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
  await hub.payload.updateGlobal({ slug: 'site-settings', data: { deskEmail: 'desk.lead@example.org' } })
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
    const stored = (await api.rest({ path: `questions/${question.id}`, token: responderToken })).json
    expect(stored.answerEmail.messageId).toBe(answers[0].messageId)
    expect(stored.answerEmail.delivery).toMatch(/^Sent .* \(smtp\)$/)
    // Saving again as answered does not send it again.
    await api.rest({ body: { internalNotes: 'Done' }, method: 'PATCH', path: `questions/${question.id}`, token: responderToken })
    await runJobs()
    expect(mailTo('answer.me@example.org').filter((mail) => mail.subject.startsWith('Answer to your question'))).toHaveLength(1)
  })
})

describe('deadline reminders and overdue alerts', () => {
  it('fire once each, to the desk lead when nobody is assigned, and never for a paused question', async () => {
    const question = await ask('deadline@example.org')
    const paused = await ask('paused@example.org')
    await api.rest({ body: { status: 'awaiting-requester' }, method: 'PATCH', path: `questions/${paused.id}`, token: responderToken })
    const due = new Date(question.dueAt!)
    const beforeReminder = new Date(oneWorkingDayBefore({ due }).getTime() - 60_000)
    expect(await watchQuestionDeadlines({ now: beforeReminder, payload: hub.payload })).toEqual({ breaches: 0, reminders: 0 })

    const reminderTime = new Date(oneWorkingDayBefore({ due }).getTime() + 60_000)
    expect((await watchQuestionDeadlines({ now: reminderTime, payload: hub.payload })).reminders).toBeGreaterThanOrEqual(1)
    expect((await watchQuestionDeadlines({ now: reminderTime, payload: hub.payload })).reminders).toBe(0)

    const afterDue = new Date(due.getTime() + 60_000)
    expect((await watchQuestionDeadlines({ now: afterDue, payload: hub.payload })).breaches).toBeGreaterThanOrEqual(1)
    expect((await watchQuestionDeadlines({ now: afterDue, payload: hub.payload })).breaches).toBe(0)
    await runJobs()

    const lead = mailTo('desk.lead@example.org')
    const about = (prefix: string) => lead.filter((mail) => mail.subject.startsWith(prefix) && mail.subject.includes(String(question.reference)))
    expect(about('Reminder:')).toHaveLength(1)
    expect(about('Overdue:')).toHaveLength(1)
    expect(lead.some((mail) => mail.subject.includes(String(paused.reference)))).toBe(false)
    const stamped = await hub.payload.findByID({ collection: 'questions', id: question.id })
    expect(stamped.reminderSentAt).toBeTruthy()
    expect(stamped.breachAlertSentAt).toBeTruthy()
  })
})
