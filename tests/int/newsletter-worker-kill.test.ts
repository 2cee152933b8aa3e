import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'
import type { TestSmtpServer } from '../helpers/smtp'
import type { WorkerOutput } from '../helpers/worker'

import { beginSending } from '../../src/lib/newsletter/issues'
import { startTestHub } from '../helpers/hub'
import { draftIssue, issueStatus, publishedUpdate, seedSubscribers } from '../helpers/newsletter'
import { startSmtpServer } from '../helpers/smtp'
import { builtWorkers, until as waitUntil } from '../helpers/worker'

const SUBSCRIBERS = 1000
const KILL_AFTER = 337
const CONNECTIONS = 3

let hub: TestHub
let smtp: TestSmtpServer
// Before the kill the server holds replies once KILL_AFTER copies are in; after it, it answers everything.
let phase: 'after-kill' | 'before-kill' = 'before-kill'
const output: WorkerOutput = { text: '' }
let workers: Awaited<ReturnType<typeof builtWorkers>>

const until = (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 120_000) => waitUntil({ check, output, timeoutMs, what })

const startWorker = () =>
  workers.start({
    env: {
      JOBS_CRON: '*/5 * * * * *',
      // The sender's job and its claims are taken back 4 s after the sender dies (the defaults are minutes).
      JOBS_LEASE_SECONDS: '4',
      NEWSLETTER_CLAIM_LEASE_SECONDS: '4',
      NEWSLETTER_CRON: '* * * * * *',
      NEWSLETTER_RATE_PER_SECOND: '400',
      NEWSLETTER_SMTP_CONNECTIONS: String(CONNECTIONS),
    },
  })

beforeAll(async () => {
  smtp = await startSmtpServer({ holdReplies: () => phase === 'before-kill' && (smtp?.received().length ?? 0) >= KILL_AFTER })
  hub = await startTestHub()
  workers = await builtWorkers({ name: 'newsletter-kill', output, smtpPort: smtp.port })
})

afterAll(async () => {
  workers?.stop()
  await smtp?.stop()
  await hub?.cleanup()
})

const countDeliveries = async (issueId: number | string, status: string) =>
  (
    await hub.payload.count({
      collection: 'newsletter-deliveries',
      overrideAccess: true,
      where: { and: [{ newsletter: { equals: issueId } }, { status: { equals: status } }] },
    })
  ).totalDocs

describe('a worker killed in the middle of a send', () => {
  it('resumes after a restart: every confirmed subscriber of the topic gets exactly one copy, nobody else any', async () => {
    const audience = await seedSubscribers({ count: SUBSCRIBERS, payload: hub.payload, prefix: 'reader', topics: ['network-updates'] })
    const others = [
      ...(await seedSubscribers({ count: 30, payload: hub.payload, prefix: 'other-topic', topics: ['consultations'] })),
      ...(await seedSubscribers({
        count: 20,
        payload: hub.payload,
        prefix: 'unconfirmed',
        status: 'unconfirmed',
        topics: ['network-updates'],
      })),
      ...(await seedSubscribers({ count: 20, payload: hub.payload, prefix: 'left', status: 'unsubscribed', topics: ['network-updates'] })),
    ]
    const update = await publishedUpdate({ payload: hub.payload, title: 'Kill test update' })
    const issue = await draftIssue({ items: [update.id], payload: hub.payload, subject: 'Kill and restart', topic: 'network-updates' })
    const started = await beginSending({ issue, payload: hub.payload })
    expect(started.ok).toBe(true)

    const first = await startWorker()
    // The kill comes once the server has accepted KILL_AFTER copies and holds back its reply to every
    // connection's next one: mid-send, a copy in flight on each connection, and some accepted copies known
    // only to the sender's journal (outcomes reach the database in groups).
    let lag: number
    for (;;) {
      await until(
        'every connection waits for a reply the server holds back',
        () => smtp.received().length >= KILL_AFTER && smtp.held() === CONNECTIONS,
      )
      lag = smtp.received().length - (await countDeliveries(issue.id, 'sent'))
      if (lag > 0) break
      // The last group had just been written: let one more round through.
      smtp.releaseHeld()
    }
    const accepted = smtp.received().length
    first.kill('SIGKILL')
    await until('the worker is gone', () => first.exitCode !== null || first.signalCode !== null)
    expect(accepted).toBeLessThan(SUBSCRIBERS)
    const journalled = fs
      .readdirSync(path.join(hub.dataDir, 'newsletter-journal'))
      .flatMap((file) =>
        fs
          .readFileSync(path.join(hub.dataDir, 'newsletter-journal', file), 'utf8')
          .trim()
          .split('\n'),
      )
      .map((line) => JSON.parse(line) as { id: number; kind: string })
    const stillSending = await hub.payload.find({
      collection: 'newsletter-deliveries',
      limit: 0,
      overrideAccess: true,
      pagination: false,
      where: { and: [{ newsletter: { equals: issue.id } }, { status: { equals: 'sending' } }] },
    })
    const sendingIds = new Set(stillSending.docs.map((doc) => doc.id))
    // Accepted by the server, recorded only in the journal: the restart must not send these again.
    expect(journalled.filter((entry) => entry.kind === 'sent' && sendingIds.has(entry.id))).toHaveLength(lag)
    // The copies in flight were never accepted: their client went away before the reply.
    phase = 'after-kill'
    smtp.releaseHeld()
    expect(smtp.received().length).toBe(accepted)

    await startWorker()
    await until('the issue is sent', async () => (await issueStatus({ id: issue.id, payload: hub.payload })) === 'sent', 180_000)

    const copies = new Map<string, number>()
    for (const mail of smtp.received().filter((each) => each.subject === 'Kill and restart')) {
      for (const to of mail.envelope.to) copies.set(to, (copies.get(to) ?? 0) + 1)
    }
    expect([...copies.keys()].sort()).toEqual([...audience].sort())
    expect([...copies.values()].filter((count) => count !== 1)).toEqual([])
    expect(others.filter((email) => copies.has(email))).toEqual([])
    for (const status of ['queued', 'sending', 'failed', 'bounced']) expect(await countDeliveries(issue.id, status)).toBe(0)
    expect(await countDeliveries(issue.id, 'sent')).toBe(SUBSCRIBERS)
    expect(output.text).toMatch(new RegExp(`"fromJournal":${lag}[,}]`))
  }, 300_000)

  it('stops cleanly on SIGTERM: what was sent is recorded, the rest is queued, nothing is left in doubt', async () => {
    workers.killAll()
    const audience = await seedSubscribers({ count: 300, payload: hub.payload, prefix: 'graceful', topics: ['meeting-digests'] })
    const update = await publishedUpdate({ payload: hub.payload, title: 'Graceful stop update' })
    const issue = await draftIssue({ items: [update.id], payload: hub.payload, subject: 'Graceful stop', topic: 'meeting-digests' })
    expect((await beginSending({ issue, payload: hub.payload })).ok).toBe(true)
    const ofIssue = () => smtp.received().filter((mail) => mail.subject === 'Graceful stop')

    const worker = await startWorker()
    await until('part of the issue has gone', () => ofIssue().length >= 50)
    const exited = new Promise<null | number>((resolve) => worker.once('exit', resolve))
    worker.kill('SIGTERM')
    expect(await exited).toBe(0)
    const accepted = ofIssue().length
    expect(accepted).toBeLessThan(300)
    expect(await countDeliveries(issue.id, 'sending')).toBe(0)
    expect(await countDeliveries(issue.id, 'sent')).toBe(accepted)
    expect(await countDeliveries(issue.id, 'queued')).toBe(300 - accepted)
    expect(fs.readdirSync(path.join(hub.dataDir, 'newsletter-journal'))).toEqual([])

    await startWorker()
    await until('the issue is sent', async () => (await issueStatus({ id: issue.id, payload: hub.payload })) === 'sent', 180_000)
    const recipients = ofIssue().map((mail) => mail.envelope.to[0])
    expect(recipients.sort()).toEqual([...audience].sort())
  }, 300_000)
})
