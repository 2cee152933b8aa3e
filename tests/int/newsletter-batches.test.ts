import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'
import type { TestSmtpServer } from '../helpers/smtp'

import { claimBatch } from '../../src/lib/newsletter/claims'
import { writeOutcomes } from '../../src/lib/newsletter/outcomes'
import { queueRecipients } from '../../src/lib/newsletter/recipients'
import { runNewsletterSender } from '../../src/lib/newsletter/sender'
import { newsletterSettings } from '../../src/lib/newsletter/settings'
import { until } from '../helpers/worker'
import { startTestHub } from '../helpers/hub'
import { deliveriesOf, draftIssue, publishedUpdate, seedSubscribers, startIssue } from '../helpers/newsletter'
import { loopbackSmtp, startSmtpServer } from '../helpers/smtp'

// Claims are 200 copies (the rate allows far more in ten seconds); two connections.
const BATCH = 200
let hub: TestHub
let smtp: TestSmtpServer
// While set, the server holds its reply to every message once this many have been accepted.
let holdAfter: null | number = null

beforeAll(async () => {
  smtp = await startSmtpServer({ holdReplies: () => holdAfter !== null && smtp.received().length >= holdAfter })
  hub = await startTestHub({
    env: {
      NEWSLETTER_CLAIM_LEASE_SECONDS: '120',
      NEWSLETTER_RATE_PER_SECOND: '1000',
      NEWSLETTER_SMTP_CONNECTIONS: '2',
      ...loopbackSmtp({ port: smtp.port }),
    },
  })
})

afterAll(async () => {
  await hub?.cleanup()
  await smtp?.stop()
})

const output = { text: '' }
const waitFor = (what: string, check: () => boolean | Promise<boolean>) => until({ check, output, timeoutMs: 60_000, what })

const issueFor = async ({
  count,
  subject,
  topic,
}: {
  count: number
  subject: string
  topic: 'consultations' | 'meeting-digests' | 'network-updates'
}) => {
  const audience = await seedSubscribers({ count, payload: hub.payload, prefix: `${topic}-`, topics: [topic] })
  const update = await publishedUpdate({ payload: hub.payload, title: `${subject} update` })
  const issue = await draftIssue({ items: [update.id], payload: hub.payload, subject, topic })
  await startIssue({ id: issue.id, payload: hub.payload })
  return { audience, issue }
}

/** Waits until the first batch's last two copies are held at the server and the next batch is claimed. */
const untilNextBatchClaimed = async ({ issueId }: { issueId: number | string }) => {
  await waitFor('the last copies of the first batch are held', () => smtp.held() === 2)
  await waitFor('the next batch is claimed', async () => {
    const sending = (await deliveriesOf({ issueId, payload: hub.payload })).filter((copy) => copy.status === 'sending')
    return new Set(sending.map((copy) => copy.claimId)).size === 2
  })
}

describe('sending in batches', () => {
  it('claims the next batch while the last copies of one are in flight, and still sends each copy once', async () => {
    const { audience, issue } = await issueFor({ count: BATCH + 50, subject: 'Overlapping batches', topic: 'network-updates' })
    // The last two copies of the first batch wait for the server's reply, one on each connection.
    holdAfter = BATCH - 2
    const run = runNewsletterSender({ budgetMs: 60_000, payload: hub.payload, shouldStop: () => false })
    await untilNextBatchClaimed({ issueId: issue.id })
    holdAfter = null
    smtp.releaseHeld()
    await run

    const received = smtp
      .received()
      .filter((mail) => mail.subject === 'Overlapping batches')
      .map((mail) => mail.envelope.to[0])
    expect(received.sort()).toEqual([...audience].sort())
    const copies = await deliveriesOf({ issueId: issue.id, payload: hub.payload })
    expect(copies.every((copy) => copy.status === 'sent' && copy.attempts === 1 && !copy.claimId)).toBe(true)
  }, 120_000)

  it('puts back a batch claimed ahead when the sender is asked to stop', async () => {
    const { issue } = await issueFor({ count: BATCH + 30, subject: 'Stopped ahead', topic: 'meeting-digests' })
    holdAfter = smtp.received().length + BATCH - 2
    let stop = false
    const run = runNewsletterSender({ budgetMs: 60_000, payload: hub.payload, shouldStop: () => stop })
    await untilNextBatchClaimed({ issueId: issue.id })
    stop = true
    holdAfter = null
    smtp.releaseHeld()
    await run

    const copies = await deliveriesOf({ issueId: issue.id, payload: hub.payload })
    const accepted = smtp.received().filter((mail) => mail.subject === 'Stopped ahead').length
    expect(copies.filter((copy) => copy.status === 'sent')).toHaveLength(accepted)
    expect(copies.filter((copy) => copy.status === 'queued' && !copy.claimId && !copy.claimedAt)).toHaveLength(BATCH + 30 - accepted)
    expect(BATCH + 30 - accepted).toBeGreaterThanOrEqual(30)
    expect(copies.filter((copy) => copy.status === 'sending')).toEqual([])
  }, 120_000)

  it('records a group of answers together, each copy with its own time, attempts and state', async () => {
    const { issue } = await issueFor({ count: 6, subject: 'Group of answers', topic: 'consultations' })
    await queueRecipients({ issueId: issue.id, payload: hub.payload })
    const claimed = await claimBatch({ claimId: 'group-test', issueId: issue.id, now: new Date(), payload: hub.payload, size: 6 })
    expect(claimed).toHaveLength(6)
    const times = ['2026-03-29T00:59:59.123Z', '2026-03-29T01:00:00.456Z', '2026-03-29T01:00:00.789Z']
    const settled = [
      ...times.map((at, index) => ({ at, delivery: claimed[index]!, outcome: { kind: 'sent' as const } })),
      { at: times[0]!, delivery: claimed[3]!, outcome: { kind: 'retry' as const, reason: '451 Try later' } },
      { at: times[1]!, delivery: claimed[4]!, outcome: { kind: 'bounced' as const, reason: '550 No such user' } },
      { at: times[2]!, delivery: claimed[5]!, outcome: { kind: 'skipped' as const, reason: 'Unsubscribed before this copy was sent' } },
    ]
    const results = await writeOutcomes({
      copies: settled,
      payload: hub.payload,
      settings: { ...newsletterSettings(), maxAttempts: 3, retryBaseSeconds: 60 },
    })
    expect(results).toEqual(['sent', 'sent', 'sent', 'retried', 'bounced', 'skipped'])
    const byId = new Map((await deliveriesOf({ issueId: issue.id, payload: hub.payload })).map((copy) => [copy.id, copy]))
    times.forEach((at, index) =>
      expect(byId.get(claimed[index]!.id)).toMatchObject({ attempts: 1, claimId: null, lastError: null, sentAt: at, status: 'sent' }),
    )
    expect(byId.get(claimed[3]!.id)).toMatchObject({
      attempts: 1,
      claimId: null,
      lastError: '451 Try later',
      nextAttemptAt: '2026-03-29T01:00:59.123Z',
      sentAt: null,
      status: 'queued',
    })
    expect(byId.get(claimed[4]!.id)).toMatchObject({ attempts: 1, lastError: '550 No such user', sentAt: null, status: 'bounced' })
    expect(byId.get(claimed[5]!.id)).toMatchObject({
      attempts: 0,
      lastError: 'Unsubscribed before this copy was sent',
      sentAt: null,
      status: 'skipped',
    })
  })
})
