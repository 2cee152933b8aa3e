import type { Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'
import type { TestSmtpServer } from '../helpers/smtp'
import type { WorkerOutput } from '../helpers/worker'

import { inTransaction } from '../../src/lib/db/transaction'
import { findDelivery } from '../../src/lib/email/deliveries'
import { DEADLINES_TASK, SEND_EMAIL_TASK } from '../../src/lib/jobs/names'
import { ukDay } from '../../src/lib/sla/working-days'
import { startTestHub } from '../helpers/hub'
import { startSmtpServer } from '../helpers/smtp'
import { builtWorkers, killWorker, logLines, until } from '../helpers/worker'

const CONFIRMATIONS = 40
// Questions past their due time: the deadline watcher alerts the desk about each, so its run lasts a while.
const OVERDUE = 40
// The server accepts this many messages, then holds back its reply to every later one until the kill.
const ACCEPTED_BEFORE_KILL = 6
const LEASE_SECONDS = 3
const WATCHER_EVERY_SECONDS = 2
const DESK = 'desk.lead@example.org'

let hub: TestHub
let smtp: TestSmtpServer
let phase: 'after-kill' | 'before-kill' = 'before-kill'
const output: WorkerOutput = { text: '' }
let workers: Awaited<ReturnType<typeof builtWorkers>>

const startWorker = () =>
  workers.start({
    env: {
      JOBS_CRON: '* * * * * *',
      JOBS_LEASE_SECONDS: String(LEASE_SECONDS),
      QUESTION_DEADLINES_CRON: `*/${WATCHER_EVERY_SECONDS} * * * * *`,
    },
  })

beforeAll(async () => {
  smtp = await startSmtpServer({ holdReplies: () => phase === 'before-kill' && smtp.received().length >= ACCEPTED_BEFORE_KILL })
  hub = await startTestHub()
  workers = await builtWorkers({ name: 'jobs-kill', output, smtpPort: smtp.port })
})

afterAll(async () => {
  workers?.stop()
  await smtp?.stop()
  await hub?.cleanup()
})

/** Questions received a month ago and never answered, written straight to the database (no confirmation email). */
const overdueQuestions = async ({ count, payload, prefix }: { count: number; payload: Payload; prefix: string }) => {
  const day = 24 * 60 * 60 * 1000
  const received = new Date(Date.now() - 30 * day).toISOString()
  return inTransaction({
    payload,
    work: async (req) => {
      const ids: (number | string)[] = []
      for (let index = 0; index < count; index++) {
        const doc = await payload.db.create({
          collection: 'questions',
          data: {
            createdAt: received,
            dueAt: new Date(Date.now() - 23 * day).toISOString(),
            dueDay: ukDay({ instant: new Date(Date.now() - 23 * day) }),
            email: `${prefix}-${index}@example.org`,
            name: 'Pat Asker',
            question: 'Which clinics offer structured education for type 1 diabetes?',
            receivedAt: received,
            reference: `Q-2020-${prefix}-${index}`,
            status: 'new',
            updatedAt: received,
          },
          req,
        })
        ids.push(doc.id)
      }
      return ids
    },
  })
}

const breachMessageId = (id: number | string) => `<breach-${id}@diabetes-hub.local>`

/** Makes the database refuse every write to the key-value store, where sent emails are recorded (or stops). */
const refuseDeliveryRecords = async ({ payload, refuse }: { payload: Payload; refuse: boolean }) => {
  const db = payload.db as unknown as { drizzle: unknown; execute: (args: { drizzle: unknown; raw: string }) => Promise<unknown> }
  const statements =
    payload.db.name === 'postgres'
      ? refuse
        ? [
            `CREATE FUNCTION refuse_kv() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'records refused by the test'; END $$`,
            'CREATE TRIGGER refuse_kv BEFORE INSERT OR UPDATE ON payload_kv FOR EACH ROW EXECUTE FUNCTION refuse_kv()',
          ]
        : ['DROP TRIGGER refuse_kv ON payload_kv', 'DROP FUNCTION refuse_kv()']
      : refuse
        ? ['insert', 'update'].map(
            (event) =>
              `CREATE TRIGGER refuse_kv_${event} BEFORE ${event.toUpperCase()} ON payload_kv BEGIN SELECT RAISE(ABORT, 'records refused by the test'); END`,
          )
        : ['DROP TRIGGER refuse_kv_insert', 'DROP TRIGGER refuse_kv_update']
  for (const raw of statements) await db.execute({ drizzle: db.drizzle, raw })
}

const countJobs = async (where: Record<string, unknown>) =>
  (await hub.payload.count({ collection: 'payload-jobs', where: where as never })).totalDocs

const stampedQuestions = async () =>
  (await hub.payload.count({ collection: 'questions', where: { breachAlertSentAt: { exists: true } } })).totalDocs

describe('a job worker killed with kill -9 while jobs run', () => {
  it('takes its jobs back after the lease: every email goes exactly once, nothing stays processing, the scheduled watcher runs on', async () => {
    const { payload } = hub
    await payload.updateGlobal({ slug: 'site-settings', data: { deskEmail: DESK } })
    const overdue = await overdueQuestions({ count: OVERDUE, payload, prefix: 'late' })
    // The deadline watcher's job, as the scheduler queues it, ahead of the confirmations: it runs alongside them.
    const watcher = await payload.jobs.queue({ input: {}, meta: { scheduled: true }, queue: 'default', task: DEADLINES_TASK })
    await inTransaction({
      payload,
      work: async (req) => {
        for (let index = 0; index < CONFIRMATIONS; index++) {
          await payload.create({
            collection: 'questions',
            // Status, reference and dates come from the hooks on create; the cast skips the generated type's demand for them.
            data: {
              email: `asker-${index}@example.org`,
              name: 'Sam Asker',
              question: `Is there a foot-care pathway in area ${index}?`,
            } as never,
            req,
          })
        }
      },
    })
    const { docs: queued } = await payload.find({
      collection: 'payload-jobs',
      limit: 0,
      pagination: false,
      where: { taskSlug: { equals: SEND_EMAIL_TASK } },
    })
    const confirmations = queued.map((job) => (job.input as { messageId: string }).messageId)
    expect(new Set(confirmations).size).toBe(CONFIRMATIONS)

    // The server accepts the first messages; recording them as sent then fails, so each job is retrying
    // that write when the worker is killed: accepted by the server, known only to the worker.
    await refuseDeliveryRecords({ payload, refuse: true })
    const first = await startWorker()
    const warned = () => new Set(logLines({ msg: 'Could not record a sent email; trying again', output }).map((line) => line.messageId))
    await until({
      check: async () => {
        const accepted = smtp.received()
        if (accepted.length < ACCEPTED_BEFORE_KILL || smtp.held() === 0) return false
        const heard = warned()
        if (!accepted.every((mail) => heard.has(mail.messageId))) return false
        // Mid-run: the watcher has alerted about some overdue questions, not all.
        const stamped = await stampedQuestions()
        return stamped > 0 && stamped < OVERDUE
      },
      output,
      timeoutMs: 30_000,
      what: 'messages are accepted and unrecorded, others held, and the watcher is part-way through',
    })
    await killWorker({ worker: first })

    const acceptedAtKill = smtp.received().map((mail) => mail.messageId)
    const processingAtKill = await countJobs({ processing: { equals: true } })
    expect((await payload.findByID({ collection: 'payload-jobs', id: watcher.id })).processing).toBe(true)
    expect(await stampedQuestions()).toBeLessThan(OVERDUE)
    expect(processingAtKill).toBeGreaterThan(ACCEPTED_BEFORE_KILL)
    for (const messageId of acceptedAtKill) expect(await findDelivery({ messageId, payload })).toBeNull()
    // The replies held back go to clients that are gone: those messages were never accepted.
    phase = 'after-kill'
    await until({ check: () => smtp.heldConnected() === 0, what: 'the server sees the killed connections close' })
    smtp.releaseHeld()
    expect(smtp.received()).toHaveLength(acceptedAtKill.length)
    await refuseDeliveryRecords({ payload, refuse: false })

    const restartedAt = output.text.length
    const second = await startWorker()
    const expected = [...confirmations, ...overdue.map(breachMessageId)]
    const received = () => new Set(smtp.received().map((mail) => mail.messageId))
    await until({
      check: () => expected.every((messageId) => received().has(messageId)),
      output,
      timeoutMs: 60_000,
      what: 'every email has arrived',
    })
    await until({
      check: async () => (await countJobs({ taskSlug: { equals: SEND_EMAIL_TASK } })) === 0,
      output,
      timeoutMs: 20_000,
      what: 'every email job is done',
    })
    expect(await stampedQuestions()).toBe(OVERDUE)

    // The watcher is scheduled again: a question found overdue now is alerted about at its next run.
    const [late] = await overdueQuestions({ count: 1, payload, prefix: 'later' })
    await until({
      check: () => received().has(breachMessageId(late!)),
      output,
      timeoutMs: (2 * WATCHER_EVERY_SECONDS + 4) * 1000,
      what: 'the deadline watcher runs at its next scheduled time',
    })

    const stopped = new Promise<null | number>((resolve) => second.once('exit', resolve))
    second.kill('SIGTERM')
    expect(await stopped).toBe(0)
    expect(await countJobs({ processing: { equals: true } })).toBe(0)
    expect(await countJobs({ and: [{ queue: { equals: 'default' } }, { hasError: { equals: true } }] })).toBe(0)

    // Exactly one copy of each, counted by Message-ID at the server, and nothing else.
    const copies = new Map<string, number>()
    for (const mail of smtp.received()) copies.set(mail.messageId, (copies.get(mail.messageId) ?? 0) + 1)
    expect([...copies.keys()].sort()).toEqual([...expected, breachMessageId(late!)].sort())
    expect([...copies.entries()].filter(([, count]) => count !== 1)).toEqual([])
    // The accepted-but-unrecorded ones were recorded from the journal on retry, not sent again.
    for (const messageId of acceptedAtKill) expect(await findDelivery({ messageId, payload })).not.toBeNull()
    expect(fs.readdirSync(path.join(hub.dataDir, 'email-journal'))).toEqual([])
    // Each job left running was taken back once. (A newsletter run caught by the kill is not retried: the
    // next scheduled run carries on from the deliveries' states.)
    const takenBack = logLines({ msg: 'Took back jobs left running by a process that stopped', output, since: restartedAt })
    expect(takenBack.reduce((sum, line) => sum + Number(line.released) + Number(line.gaveUp), 0)).toBe(processingAtKill)
  }, 180_000)
})
