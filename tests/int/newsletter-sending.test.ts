import { REST_POST } from '@payloadcms/next/routes'
import fs from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'
import type { TestSmtpServer } from '../helpers/smtp'

import { claimBatch } from '../../src/lib/newsletter/claims'
import { journalDir, openJournal } from '../../src/lib/newsletter/journal'
import { issueStats, scheduleIssue } from '../../src/lib/newsletter/issues'
import { NEWSLETTER_QUEUE } from '../../src/lib/jobs/names'
import { runNewsletterSender } from '../../src/lib/newsletter/sender'
import { startTestHub } from '../helpers/hub'
import { deliveriesOf, draftIssue, issueStatus, publishedUpdate, seedSubscribers, startIssue } from '../helpers/newsletter'
import { loopbackSmtp, startSmtpServer } from '../helpers/smtp'

let hub: TestHub
let smtp: TestSmtpServer
// Addresses the server refuses: permanently (a hard bounce), or for the next few attempts (a busy server).
const permanentlyRefused = new Set<string>()
const temporarilyRefused = new Map<string, number>()

beforeAll(async () => {
  smtp = await startSmtpServer({
    recipientRule: (address) => {
      if (permanentlyRefused.has(address)) return { code: 550, message: '5.1.1 No such user here' }
      const left = temporarilyRefused.get(address) ?? 0
      if (left > 0) {
        temporarilyRefused.set(address, left - 1)
        return { code: 451, message: '4.7.1 Try again later' }
      }
      return null
    },
  })
  hub = await startTestHub({
    env: {
      NEWSLETTER_CLAIM_LEASE_SECONDS: '60',
      NEWSLETTER_MAX_ATTEMPTS: '3',
      NEWSLETTER_RATE_PER_SECOND: '500',
      NEWSLETTER_RETRY_BASE_SECONDS: '120',
      PUBLIC_URL: 'https://hub.example.nhs.uk',
      ...loopbackSmtp({ port: smtp.port }),
    },
  })
})

afterAll(async () => {
  await hub?.cleanup()
  await smtp?.stop()
})

// Each test starts with no one subscribed, so only its own subscribers receive its issues.
beforeEach(async () => {
  await hub.payload.db.updateMany({
    collection: 'subscribers',
    data: { status: 'unsubscribed' },
    where: { status: { equals: 'confirmed' } },
  })
})

const send = () => runNewsletterSender({ budgetMs: 60_000, payload: hub.payload })

const mailFor = (issueSubject: string) => smtp.received().filter((mail) => mail.subject === issueSubject)

/** Lets copies waiting for a retry become due now. */
const retryNow = async (issueId: number | string) =>
  hub.payload.update({
    collection: 'newsletter-deliveries',
    data: { nextAttemptAt: new Date(Date.now() - 1000).toISOString() },
    overrideAccess: true,
    where: { and: [{ newsletter: { equals: issueId } }, { status: { equals: 'queued' } }] },
  })

/** A guidance issue for one new reader, scheduled an hour ahead; `timeComes` moves its time to just past. */
const scheduledIssue = async ({ prefix, subject }: { prefix: string; subject: string }) => {
  const [reader] = await seedSubscribers({ count: 1, payload: hub.payload, prefix, topics: ['guidance'] })
  const update = await publishedUpdate({ payload: hub.payload, title: `${subject} update` })
  const issue = await draftIssue({ items: [update.id], payload: hub.payload, subject, topic: 'guidance' })
  expect((await scheduleIssue({ at: new Date(Date.now() + 60 * 60 * 1000).toISOString(), issue, payload: hub.payload })).ok).toBe(true)
  const timeComes = () =>
    hub.payload.update({
      collection: 'newsletters',
      context: { newsletterSystem: true },
      data: { scheduledFor: new Date(Date.now() - 1000).toISOString() },
      id: issue.id,
      overrideAccess: true,
    })
  return { issue, reader, timeComes }
}

/** What one run of the newsletter queue's cron does. */
const cronTick = async () => {
  await hub.payload.jobs.handleSchedules({ queue: NEWSLETTER_QUEUE })
  const queued = (await hub.payload.db.count({ collection: 'payload-jobs', where: { queue: { equals: NEWSLETTER_QUEUE } } })).totalDocs
  await hub.payload.jobs.run({ limit: 2, queue: NEWSLETTER_QUEUE, silent: true })
  return { queued }
}

// First in the file: it needs a hub with no issue sending yet.
describe("the newsletter queue's cron", () => {
  it('queues no run while there is nothing to send, and sends a scheduled issue in the first run after its time', async () => {
    expect((await hub.payload.db.count({ collection: 'newsletters', where: { status: { in: ['scheduled', 'sending'] } } })).totalDocs).toBe(
      0,
    )
    for (let tick = 0; tick < 3; tick++) expect(await cronTick()).toEqual({ queued: 0 })

    const { issue, reader, timeComes } = await scheduledIssue({ prefix: 'cron', subject: 'Cron test' })
    expect(await cronTick()).toEqual({ queued: 0 })
    expect(await issueStatus({ id: issue.id, payload: hub.payload })).toBe('scheduled')

    await timeComes()
    expect(await cronTick()).toEqual({ queued: 1 })
    expect(mailFor('Cron test').map((mail) => mail.envelope.to[0])).toEqual([reader])
    expect(await issueStatus({ id: issue.id, payload: hub.payload })).toBe('sent')
    // The run's job is gone, and the next check finds nothing to do.
    expect(await cronTick()).toEqual({ queued: 0 })
  })
})

describe('sending an issue', () => {
  it('goes only to confirmed, unsuppressed subscribers of its topic, each once, as accessible HTML and plain text', async () => {
    const wanted = await seedSubscribers({ count: 3, payload: hub.payload, prefix: 'topic.yes', topics: ['network-updates', 'guidance'] })
    await seedSubscribers({ count: 2, payload: hub.payload, prefix: 'topic.other', topics: ['consultations'] })
    await seedSubscribers({
      count: 2,
      payload: hub.payload,
      prefix: 'topic.unconfirmed',
      status: 'unconfirmed',
      topics: ['network-updates'],
    })
    await seedSubscribers({ count: 2, payload: hub.payload, prefix: 'topic.gone', status: 'unsubscribed', topics: ['network-updates'] })
    await seedSubscribers({ count: 1, payload: hub.payload, prefix: 'topic.suppressed', suppressed: true, topics: ['network-updates'] })
    const update = await publishedUpdate({ payload: hub.payload, title: 'Foot care pathway' })
    const issue = await draftIssue({
      items: [update.id],
      payload: hub.payload,
      subject: 'November <update> & more',
      topic: 'network-updates',
    })
    await startIssue({ id: issue.id, payload: hub.payload })

    const totals = await send()
    expect(totals).toMatchObject({ bounced: 0, failed: 0, sent: 3 })
    const mail = mailFor('November <update> & more')
    expect(mail.map((each) => each.envelope.to[0]).sort()).toEqual([...wanted].sort())
    const stored = await hub.payload.findByID({ collection: 'newsletters', id: issue.id, overrideAccess: true })
    expect(stored).toMatchObject({ recipientCount: 3, status: 'sent' })
    expect(await issueStats({ issueId: issue.id, payload: hub.payload })).toEqual({
      bounced: 0,
      failed: 0,
      queued: 0,
      recipients: 3,
      sent: 3,
      skipped: 0,
      unsubscribesSince: 0,
    })

    const [first] = mail
    expect(first!.headers['list-unsubscribe']).toMatch(
      /^<https:\/\/hub\.example\.nhs\.uk\/api\/subscribers\/unsubscribe\?token=[\w.-]+>, <mailto:no-reply@diabetes-hub\.local\?subject=unsubscribe>$/,
    )
    expect(first!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click')
    // Identified by the site's own host name (PUBLIC_URL), in the Message-ID and the List-Id.
    expect(first!.messageId).toMatch(new RegExp(`^<newsletter-${issue.id}-\\d+@hub\\.example\\.nhs\\.uk>$`))
    expect(first!.headers['list-id']).toMatch(/<[\w-]+\.newsletter\.hub\.example\.nhs\.uk>$/)
    expect(first!.html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB"/)
    expect(first!.html).toContain('background-color:#005eb8')
    expect(first!.html).toContain('role="presentation"')
    // Everything an editor wrote is escaped; every link is absolute.
    expect(first!.html).toContain('November &lt;update&gt; &amp; more')
    expect(first!.html).toContain('What changed in Foot care pathway &lt;b&gt;&amp; why&lt;/b&gt;')
    expect(first!.html).not.toMatch(/href="(?!https:\/\/hub\.example\.nhs\.uk\/)/)
    expect(first!.html).toContain(`href="https://hub.example.nhs.uk/updates/${update.slug}"`)
    expect(first!.text).toContain(`Read more: https://hub.example.nhs.uk/updates/${update.slug}`)
    expect(first!.text).toMatch(/Unsubscribe: https:\/\/hub\.example\.nhs\.uk\/newsletter\/unsubscribe\?token=/)
    // Each recipient's links are their own.
    const tokens = new Set(mail.map((each) => /unsubscribe\?token=([\w.-]+)/.exec(each.text)![1]))
    expect(tokens.size).toBe(3)
  })

  it('suppresses an address the server refuses with a 5xx, and never sends to it again', async () => {
    const [bouncing, fine] = await seedSubscribers({ count: 2, payload: hub.payload, prefix: 'bounce', topics: ['meeting-digests'] })
    permanentlyRefused.add(bouncing!)
    const update = await publishedUpdate({ payload: hub.payload, title: 'Bounce issue' })
    const issue = await draftIssue({ items: [update.id], payload: hub.payload, subject: 'Bounce test one', topic: 'meeting-digests' })
    await startIssue({ id: issue.id, payload: hub.payload })
    expect(await send()).toMatchObject({ bounced: 1, sent: 1 })
    const byEmail = Object.fromEntries(
      (await deliveriesOf({ issueId: issue.id, payload: hub.payload })).map((delivery) => [delivery.email, delivery]),
    )
    expect(byEmail[bouncing!]).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/^550/), status: 'bounced' })
    expect(byEmail[fine!]).toMatchObject({ status: 'sent' })
    const subscriber = (await hub.payload.find({ collection: 'subscribers', overrideAccess: true, where: { email: { equals: bouncing } } }))
      .docs[0]!
    expect(subscriber.suppressedAt).toBeTruthy()
    expect(subscriber.suppressionReason).toMatch(/No such user/)
    expect(subscriber.consents?.at(-1)).toMatchObject({ action: 'suppressed', source: 'smtp:hard-bounce' })
    expect(await issueStats({ issueId: issue.id, payload: hub.payload })).toMatchObject({ bounced: 1, recipients: 2, sent: 1 })

    const next = await draftIssue({ items: [update.id], payload: hub.payload, subject: 'Bounce test two', topic: 'meeting-digests' })
    await startIssue({ id: next.id, payload: hub.payload })
    await send()
    expect((await deliveriesOf({ issueId: next.id, payload: hub.payload })).map((delivery) => delivery.email)).toEqual([fine])
    expect(mailFor('Bounce test two').map((mail) => mail.envelope.to[0])).toEqual([fine])
  })

  it('retries a temporary refusal with a growing wait, then fails it after the last attempt', async () => {
    const [busy, hopeless] = await seedSubscribers({ count: 2, payload: hub.payload, prefix: 'busy', topics: ['consultations'] })
    temporarilyRefused.set(busy!, 1)
    temporarilyRefused.set(hopeless!, 100)
    const update = await publishedUpdate({ payload: hub.payload, title: 'Retry issue' })
    const issue = await draftIssue({ items: [update.id], payload: hub.payload, subject: 'Retry test', topic: 'consultations' })
    await startIssue({ id: issue.id, payload: hub.payload })

    const started = Date.now()
    await send()
    let deliveries = await deliveriesOf({ issueId: issue.id, payload: hub.payload })
    for (const delivery of deliveries.filter((each) => [busy, hopeless].includes(each.email))) {
      expect(delivery).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/^451/), status: 'queued' })
      // The first wait is the base (120 s here); it doubles after each attempt.
      expect(new Date(delivery.nextAttemptAt!).getTime() - started).toBeGreaterThanOrEqual(120_000 - 5_000)
    }
    // Not due yet: a run now leaves them alone and the issue stays in sending.
    await send()
    expect((await deliveriesOf({ issueId: issue.id, payload: hub.payload })).filter((each) => each.status === 'queued')).toHaveLength(2)
    expect(await issueStatus({ id: issue.id, payload: hub.payload })).toBe('sending')

    await retryNow(issue.id)
    await send()
    deliveries = await deliveriesOf({ issueId: issue.id, payload: hub.payload })
    const second = deliveries.find((each) => each.email === hopeless)!
    expect(second).toMatchObject({ attempts: 2, status: 'queued' })
    expect(new Date(second.nextAttemptAt!).getTime() - Date.now()).toBeGreaterThan(240_000 - 10_000)
    expect(deliveries.find((each) => each.email === busy)).toMatchObject({ attempts: 2, status: 'sent' })

    await retryNow(issue.id)
    await send()
    const third = (await deliveriesOf({ issueId: issue.id, payload: hub.payload })).find((each) => each.email === hopeless)
    expect(third).toMatchObject({ attempts: 3, status: 'failed' })
    expect(mailFor('Retry test').filter((mail) => mail.envelope.to[0] === busy)).toHaveLength(1)
    expect(await issueStats({ issueId: issue.id, payload: hub.payload })).toMatchObject({ failed: 1, queued: 0, recipients: 2, sent: 1 })
    expect(await issueStatus({ id: issue.id, payload: hub.payload })).toBe('sent')
  })

  it('sends again, once, the copies a dead sender had claimed, and leaves those it had sent alone', async () => {
    const emails = await seedSubscribers({ count: 6, payload: hub.payload, prefix: 'crash', topics: ['guidance'] })
    const update = await publishedUpdate({ payload: hub.payload, title: 'Crash issue' })
    const issue = await draftIssue({ items: [update.id], payload: hub.payload, subject: 'Crash test', topic: 'guidance' })
    await startIssue({ id: issue.id, payload: hub.payload })
    const { queueRecipients } = await import('../../src/lib/newsletter/recipients')
    await queueRecipients({ issueId: issue.id, payload: hub.payload })
    // A sender claims four copies and dies before sending any; its claim is older than the lease.
    const claimedLongAgo = new Date(Date.now() - 61_000)
    const claimed = await claimBatch({ claimId: 'dead-sender', issueId: issue.id, now: claimedLongAgo, payload: hub.payload, size: 4 })
    expect(claimed).toHaveLength(4)
    // A live sender's fresh claim is not taken for abandoned.
    await claimBatch({ claimId: 'live-sender', issueId: issue.id, now: new Date(), payload: hub.payload, size: 1 })

    const totals = await send()
    expect(totals.recovered).toBe(4)
    const deliveries = await deliveriesOf({ issueId: issue.id, payload: hub.payload })
    expect(deliveries.filter((each) => each.status === 'sent')).toHaveLength(5)
    expect(deliveries.filter((each) => each.status === 'sending')).toEqual([expect.objectContaining({ claimId: 'live-sender' })])
    const mail = mailFor('Crash test')
    expect(mail).toHaveLength(5)
    expect(new Set(mail.map((each) => each.envelope.to[0])).size).toBe(5)
    expect(emails).toEqual(expect.arrayContaining(mail.map((each) => each.envelope.to[0])))
  })

  it("records what a dead sender's journal says the server answered, and sends only the copies it never got to", async () => {
    const emails = await seedSubscribers({ count: 4, payload: hub.payload, prefix: 'journal', topics: ['guidance'] })
    const update = await publishedUpdate({ payload: hub.payload, title: 'Journal issue' })
    const issue = await draftIssue({ items: [update.id], payload: hub.payload, subject: 'Journal test', topic: 'guidance' })
    await startIssue({ id: issue.id, payload: hub.payload })
    const { queueRecipients } = await import('../../src/lib/newsletter/recipients')
    await queueRecipients({ issueId: issue.id, payload: hub.payload })
    const claimed = await claimBatch({
      claimId: 'dead-with-journal',
      issueId: issue.id,
      now: new Date(Date.now() - 61_000),
      payload: hub.payload,
      size: 4,
    })
    // What the dead sender had heard from the server before it was killed, and had not yet written to the database.
    const journal = openJournal({ claimId: 'dead-with-journal' })
    const acceptedAt = new Date(Date.now() - 60_000).toISOString()
    journal.append({ at: acceptedAt, id: claimed[0]!.id, kind: 'sent' })
    journal.append({ at: acceptedAt, id: claimed[1]!.id, kind: 'sent' })
    journal.append({ at: acceptedAt, id: claimed[2]!.id, kind: 'bounced', reason: '550 5.1.1 No such user here' })

    const totals = await send()
    expect(totals.recovered).toBe(4)
    const byId = new Map((await deliveriesOf({ issueId: issue.id, payload: hub.payload })).map((delivery) => [delivery.id, delivery]))
    expect(byId.get(claimed[0]!.id)).toMatchObject({ attempts: 1, sentAt: acceptedAt, status: 'sent' })
    expect(byId.get(claimed[1]!.id)).toMatchObject({ status: 'sent' })
    expect(byId.get(claimed[2]!.id)).toMatchObject({ lastError: expect.stringMatching(/^550/), status: 'bounced' })
    expect(byId.get(claimed[3]!.id)).toMatchObject({ attempts: 1, status: 'sent' })
    // Only the copy the dead sender never sent goes out now.
    expect(mailFor('Journal test').map((mail) => mail.envelope.to[0])).toEqual([claimed[3]!.email])
    const bounced = (
      await hub.payload.find({ collection: 'subscribers', overrideAccess: true, where: { email: { equals: claimed[2]!.email } } })
    ).docs[0]!
    expect(bounced.suppressedAt).toBeTruthy()
    expect(emails).toContain(claimed[2]!.email)
    expect(fs.readdirSync(journalDir())).toEqual([])
  })

  it('starts a scheduled issue when its time comes, and not before', async () => {
    const { issue, reader, timeComes } = await scheduledIssue({ prefix: 'scheduled', subject: 'Scheduled test' })
    await send()
    expect(mailFor('Scheduled test')).toEqual([])
    expect(await issueStatus({ id: issue.id, payload: hub.payload })).toBe('scheduled')
    await timeComes()
    await send()
    expect(mailFor('Scheduled test').map((mail) => mail.envelope.to[0])).toEqual([reader])
    expect(await issueStatus({ id: issue.id, payload: hub.payload })).toBe('sent')
  })

  it('refuses to schedule or send an issue with an item the public cannot read', async () => {
    const withdrawn = await publishedUpdate({ payload: hub.payload, title: 'Withdrawn later' })
    const issue = await draftIssue({ items: [withdrawn.id], payload: hub.payload, subject: 'Unready issue', topic: 'guidance' })
    // Unpublished after it was chosen (the field only offers published items).
    await hub.payload.update({ collection: 'updates', data: { _status: 'draft' }, id: withdrawn.id })
    const result = await scheduleIssue({ at: new Date(Date.now() + 60_000).toISOString(), issue, payload: hub.payload })
    expect(result).toMatchObject({
      errors: [{ field: 'items' }, { field: 'items', message: expect.stringMatching(/public cannot read/) }],
      ok: false,
      status: 400,
    })
  })

  it('counts unsubscribes since an issue went out, from the links in it', async () => {
    await seedSubscribers({ count: 2, payload: hub.payload, prefix: 'leaver', topics: ['guidance', 'consultations'] })
    const update = await publishedUpdate({ payload: hub.payload, title: 'Leavers issue' })
    const issue = await draftIssue({ items: [update.id], payload: hub.payload, subject: 'Leavers test', topic: 'consultations' })
    await startIssue({ id: issue.id, payload: hub.payload })
    await send()
    const [mail] = mailFor('Leavers test')
    const oneClick = /^<([^>]+)>/.exec(mail!.headers['list-unsubscribe']!)![1]!
    const config = (await import('../../payload.config')).default
    const url = new URL(oneClick)
    const response = await REST_POST(config)(
      new Request(`http://localhost${url.pathname}${url.search}`, {
        body: 'List-Unsubscribe=One-Click',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        method: 'POST',
      }),
      { params: Promise.resolve({ slug: ['subscribers', 'unsubscribe'] }) },
    )
    expect(response.status).toBe(200)
    expect(await issueStats({ issueId: issue.id, payload: hub.payload })).toMatchObject({ recipients: 2, sent: 2, unsubscribesSince: 1 })
  })
})
