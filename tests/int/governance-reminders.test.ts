import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'
import type { TestSmtpServer } from '../helpers/smtp'

import { remindOverdueActions, reminderMessageId } from '../../src/lib/governance/reminders'
import { createUser, startTestHub } from '../helpers/hub'
import { startSmtpServer } from '../helpers/smtp'

let hub: TestHub
let smtp: TestSmtpServer
const ids: Record<string, number | string> = {}

beforeAll(async () => {
  smtp = await startSmtpServer()
  hub = await startTestHub({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false' } })
  const { payload } = hub
  const secretary = await createUser({ payload, roles: ['secretary'] })
  ids.owner = (await payload.create({ collection: 'people', data: { email: 'owner.person@example.org', name: 'Owner Person' } })).id
  ids.organisation = (await payload.create({ collection: 'organisations', data: { name: 'Owning trust' } })).id
  const group = await payload.create({
    collection: 'groups',
    data: { name: 'Reminder group', secretaries: [secretary.id], visibility: 'members' } as never,
  })
  ids.secretaryEmail = secretary.email
  ids.meeting = (
    await payload.create({
      collection: 'meetings',
      data: { agendaItems: [{ title: 'Pathway' }], group: group.id, startsAt: '2030-03-06T14:00:00.000Z', status: 'held' } as never,
    })
  ).id
})

afterAll(async () => {
  await hub?.cleanup()
  await smtp?.stop()
})

const runJobs = async () => {
  for (let round = 0; round < 5; round++) await hub.payload.jobs.run({ queue: 'default', silent: true })
}

const raise = async (data: Record<string, unknown>) =>
  hub.payload.create({
    collection: 'actions',
    data: {
      agendaItem: 1,
      meeting: ids.meeting,
      owner: { relationTo: 'people', value: ids.owner },
      title: 'Circulate the draft pathway',
      ...data,
    } as never,
  })

const mailAbout = (title: string) => smtp.received().filter((mail) => mail.subject === `Overdue action: ${title}`)

describe('overdue action reminders', () => {
  it('are sent once per due date to a person who owns the action, and again after the due date moves', async () => {
    const action = await raise({ dueDate: '2030-04-01', title: 'Circulate the draft pathway' })
    const { payload } = hub
    // On the due date itself the action is not yet overdue.
    expect(await remindOverdueActions({ now: new Date('2030-04-01T16:00:00Z'), payload })).toEqual({ sent: 0 })
    const dayAfter = new Date('2030-04-02T08:00:00Z')
    expect(await remindOverdueActions({ now: dayAfter, payload })).toEqual({ sent: 1 })
    // The job reruns (hourly, or retried): nothing more is queued.
    expect(await remindOverdueActions({ now: dayAfter, payload })).toEqual({ sent: 0 })
    expect(await remindOverdueActions({ now: new Date('2030-04-09T08:00:00Z'), payload })).toEqual({ sent: 0 })
    await runJobs()
    const first = mailAbout('Circulate the draft pathway')
    expect(first).toHaveLength(1)
    expect(first[0].envelope.to).toEqual(['owner.person@example.org'])
    expect(first[0].messageId).toBe(reminderMessageId({ day: '2030-04-01', id: action.id }))
    expect(first[0].text).toContain('was due on 1 April 2030')
    expect(first[0].text).toContain('Reminder group')
    expect(first[0].text).toContain('/governance/reminder-group/meetings/2030-03-06')
    const stamped = await payload.findByID({ collection: 'actions', id: action.id })
    expect(stamped.reminder?.dueDate).toBe('2030-04-01')

    // A new due date is a new promise: one more reminder once that passes.
    await payload.update({ collection: 'actions', data: { dueDate: '2030-05-01' }, id: action.id })
    expect(await remindOverdueActions({ now: new Date('2030-04-20T08:00:00Z'), payload })).toEqual({ sent: 0 })
    expect(await remindOverdueActions({ now: new Date('2030-05-02T08:00:00Z'), payload })).toEqual({ sent: 1 })
    expect(await remindOverdueActions({ now: new Date('2030-05-02T09:00:00Z'), payload })).toEqual({ sent: 0 })
    await runJobs()
    expect(mailAbout('Circulate the draft pathway')).toHaveLength(2)
  })

  it('go to the group’s secretaries when an organisation owns the action', async () => {
    await raise({ dueDate: '2030-04-01', owner: { relationTo: 'organisations', value: ids.organisation }, title: 'Trust to review tariff' })
    await remindOverdueActions({ now: new Date('2030-04-03T08:00:00Z'), payload: hub.payload })
    await runJobs()
    const mail = mailAbout('Trust to review tariff')
    expect(mail).toHaveLength(1)
    expect(mail[0].envelope.to).toEqual([String(ids.secretaryEmail)])
    expect(mail[0].text).toContain('This action for Owning trust')
  })

  it('are never sent for done, dropped or undated actions', async () => {
    await raise({ dueDate: '2030-04-01', status: 'done', title: 'Done already' })
    await raise({ dueDate: '2030-04-01', status: 'dropped', title: 'Dropped' })
    await raise({ title: 'No due date' })
    await remindOverdueActions({ now: new Date('2030-06-01T08:00:00Z'), payload: hub.payload })
    await runJobs()
    for (const title of ['Done already', 'Dropped', 'No due date']) expect(mailAbout(title)).toHaveLength(0)
  })

  it('are sent once even when queued again: the Message-ID is fixed by action and due date', async () => {
    const action = await raise({ dueDate: '2030-07-01', title: 'Queued twice' })
    const { payload } = hub
    await remindOverdueActions({ now: new Date('2030-07-02T08:00:00Z'), payload })
    await runJobs()
    // As if the stamp had been lost after queueing: the next hourly run queues the same message again.
    await payload.update({ collection: 'actions', data: { reminder: { dueDate: null, sentAt: null, to: null } }, id: action.id })
    await remindOverdueActions({ now: new Date('2030-07-02T09:00:00Z'), payload })
    await runJobs()
    expect(mailAbout('Queued twice')).toHaveLength(1)
  })
})
