import type { UpdateJobs } from 'payload'

import fs from 'node:fs'
import path from 'node:path'
import { createLocalReq, initTransaction, killTransaction } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { TestHub } from '../helpers/hub'
import type { TestSmtpServer } from '../helpers/smtp'

import { queueEmail } from '../../src/lib/email/queue'
import { DEFAULT_FROM } from '../../src/lib/email/settings'
import { SEND_EMAIL_RETRIES } from '../../src/lib/email/task'
import { outboxFileName } from '../../src/lib/email/transport'
import { startTestHub } from '../helpers/hub'
import { parseMail, startSmtpServer } from '../helpers/smtp'

let hub: TestHub
let smtp: TestSmtpServer

beforeAll(async () => {
  smtp = await startSmtpServer()
  hub = await startTestHub({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false' } })
})

afterAll(async () => {
  await hub?.cleanup()
  await smtp?.stop()
})

const runJobs = () => hub.payload.jobs.run({ queue: 'default', silent: true })

const emailJobs = async (ids: Array<number | string>) =>
  (
    await hub.payload.find({
      collection: 'payload-jobs',
      limit: 0,
      pagination: false,
      where: { and: [{ id: { in: ids } }, { taskSlug: { equals: 'sendEmail' } }] },
    })
  ).docs

const receivedSince = (count: number) => smtp.received().slice(count)

describe('email through the sendEmail job', () => {
  it('delivers a queued email when the jobs run, with its own Message-ID', async () => {
    const before = smtp.received().length
    const text = 'Hello,\n\nYour question has been answered on the hub.\n'
    const { jobId, messageId } = await queueEmail({
      payload: hub.payload,
      replyTo: 'desk@example.org',
      subject: 'Your question\r\nhas been answered',
      text,
      to: 'clinician@example.org',
    })
    // No PUBLIC_URL in this hub: the mail is identified by localhost rather than a name that is not the site's.
    expect(messageId).toMatch(/^<[\da-f-]{36}@localhost>$/)
    // Queued, not sent: only the job runner sends.
    expect(receivedSince(before)).toEqual([])
    expect(await emailJobs([jobId])).toHaveLength(1)

    await runJobs()

    const mail = receivedSince(before)
    expect(mail).toHaveLength(1)
    expect(mail[0]).toMatchObject({
      envelope: { from: 'no-reply@diabetes-hub.local', to: ['clinician@example.org'] },
      messageId,
      subject: 'Your question has been answered',
      text,
      to: 'clinician@example.org',
    })
    expect(mail[0]!.headers.from).toBe(DEFAULT_FROM.replace(/"/g, ''))
    expect(mail[0]!.headers['reply-to']).toBe('desk@example.org')
    // Completed jobs are deleted: nothing left to send again.
    expect(await emailJobs([jobId])).toEqual([])
  })

  it('queues in the caller’s transaction: rolled back, no mail; committed, mail', async () => {
    const rolledBack = await createLocalReq({}, hub.payload)
    await initTransaction(rolledBack)
    const dropped = await queueEmail({ payload: hub.payload, req: rolledBack, subject: 'Dropped', text: 'x', to: 'a@example.org' })
    await killTransaction(rolledBack)
    expect(await emailJobs([dropped.jobId])).toEqual([])

    const committed = await createLocalReq({}, hub.payload)
    await initTransaction(committed)
    const kept = await queueEmail({ payload: hub.payload, req: committed, subject: 'Kept', text: 'x', to: 'b@example.org' })
    await hub.payload.db.commitTransaction(committed.transactionID as string)
    expect(await emailJobs([kept.jobId])).toHaveLength(1)

    const before = smtp.received().length
    await runJobs()
    expect(receivedSince(before).map((mail) => mail.messageId)).toEqual([kept.messageId])
  })

  it("Payload's own mail (payload.sendEmail) is queued as a job and delivered as plain text", async () => {
    const before = smtp.received().length
    const jobs = (await hub.payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendEmail' } } })).totalDocs
    await hub.payload.sendEmail({
      html: '<p>Hello <b>there</b>,</p><p>Second paragraph.</p><img src="https://tracker.example/x.png">',
      subject: 'From Payload',
      to: [{ address: 'payload-mail@example.org', name: 'Pat' }, 'second@example.org'],
    })
    // Stored first: nothing is sent until the job runs.
    expect((await hub.payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'sendEmail' } } })).totalDocs).toBe(jobs + 1)
    expect(receivedSince(before)).toEqual([])
    await runJobs()
    const [mail] = receivedSince(before)
    expect(mail?.envelope.to.sort()).toEqual(['payload-mail@example.org', 'second@example.org'])
    expect(mail?.subject).toBe('From Payload')
    expect(mail?.text.trim()).toBe('Hello there,\n\nSecond paragraph.')
    expect(mail?.raw).not.toContain('tracker.example')
  })

  it('refuses a recipient that could never be delivered, before queueing anything', async () => {
    const count = async () => (await hub.payload.count({ collection: 'payload-jobs' })).totalDocs
    const jobs = await count()
    await expect(queueEmail({ payload: hub.payload, subject: 'Hi', text: 'x', to: 'not an address' })).rejects.toThrow(/to is not a valid/)
    await expect(queueEmail({ payload: hub.payload, subject: ' \n ', text: 'x', to: 'a@example.org' })).rejects.toThrow(/subject is empty/)
    expect(await count()).toBe(jobs)
  })

  it('survives an SMTP outage: mail waits for the retry and then arrives exactly once', async () => {
    await smtp.stop()
    const before = smtp.received().length
    const queued = await Promise.all(
      [1, 2, 3].map((n) =>
        queueEmail({ payload: hub.payload, subject: `Outage ${n}`, text: `Message ${n}`, to: `person${n}@example.org` }),
      ),
    )
    const jobIds = queued.map(({ jobId }) => jobId)

    await runJobs()
    const failed = await emailJobs(jobIds)
    expect(failed).toHaveLength(3)
    for (const job of failed) {
      // Tried once, failed on the refused connection, kept for a retry after the first backoff.
      expect(job).toMatchObject({ hasError: false, processing: false, totalTried: 1 })
      expect(job.log?.at(-1)).toMatchObject({ error: { message: expect.stringMatching(/ECONNREFUSED/) }, state: 'failed' })
      const wait = new Date(job.waitUntil!).getTime() - Date.now()
      expect(wait).toBeGreaterThan(SEND_EMAIL_RETRIES.backoff.delay - 10_000)
      expect(wait).toBeLessThanOrEqual(SEND_EMAIL_RETRIES.backoff.delay)
    }

    // Not due yet: a run now leaves them alone.
    await smtp.start()
    await runJobs()
    expect((await emailJobs(jobIds)).map((job) => job.totalTried)).toEqual([1, 1, 1])
    expect(receivedSince(before)).toEqual([])

    // The backoff has passed.
    await hub.payload.update({
      collection: 'payload-jobs',
      data: { waitUntil: new Date(Date.now() - 1_000).toISOString() },
      where: { id: { in: jobIds } },
    })
    for (let run = 0; run < 5 && (await emailJobs(jobIds)).length; run++) await runJobs()

    expect(await emailJobs(jobIds)).toEqual([])
    const mail = receivedSince(before)
    expect(mail.map((each) => each.messageId).sort()).toEqual(queued.map(({ messageId }) => messageId).sort())
    for (const [index, { messageId }] of queued.entries()) {
      expect(mail.filter((each) => each.messageId === messageId)).toMatchObject([
        { subject: `Outage ${index + 1}`, to: `person${index + 1}@example.org` },
      ])
    }
  })

  it('does not send again when a job whose send succeeded is run again', async () => {
    const before = smtp.received().length
    // The send succeeds but Payload cannot record the task's success on the job.
    const db = hub.payload.db
    const realUpdateJobs = db.updateJobs.bind(db)
    const spy = vi.spyOn(db, 'updateJobs').mockImplementation((async (args) => {
      const pushed = (args.data as { log?: { $push?: { state?: string; taskSlug?: string } } }).log?.$push
      if (pushed?.taskSlug === 'sendEmail' && pushed.state === 'succeeded') {
        // As a failed write would: the transaction Payload opened for it is gone (Payload would not roll it back).
        await db.rollbackTransaction(args.req?.transactionID as string)
        throw new Error('database went away')
      }
      return realUpdateJobs(args)
    }) as UpdateJobs)
    const { jobId, messageId } = await queueEmail({ payload: hub.payload, subject: 'Once only', text: 'Once.', to: 'once@example.org' })
    try {
      await runJobs()
    } finally {
      spy.mockRestore()
    }
    expect(receivedSince(before).map((mail) => mail.messageId)).toEqual([messageId])
    const [stuck] = await emailJobs([jobId])
    expect(stuck).toMatchObject({ hasError: true })
    // Payload has no record of the success, so a re-run runs the task again rather than restoring its output.
    expect(stuck!.log?.map((entry) => entry.state)).not.toContain('succeeded')

    // Someone retries the job that looks failed; it runs the task again, which finds the recorded send.
    await hub.payload.update({ collection: 'payload-jobs', data: { error: null, hasError: false, processing: false }, id: jobId })
    await runJobs()
    expect(await emailJobs([jobId])).toEqual([])
    expect(receivedSince(before).map((mail) => mail.messageId)).toEqual([messageId])

    // The same Message-ID queued again is not sent again either.
    await queueEmail({ messageId, payload: hub.payload, subject: 'Once only', text: 'Once.', to: 'once@example.org' })
    await runJobs()
    expect(receivedSince(before).map((mail) => mail.messageId)).toEqual([messageId])
  })

  it('shows user text as text: markup in it is escaped in the HTML part', async () => {
    const before = smtp.received().length
    const text = 'Your question:\n\n<script>alert("x")</script> & <b>bold</b>\nThanks'
    const { messageId } = await queueEmail({ payload: hub.payload, subject: 'Escaping', text, to: 'reader@example.org' })
    await runJobs()
    const [mail] = receivedSince(before)
    expect(mail?.messageId).toBe(messageId)
    expect(mail!.headers['content-type']).toMatch(/^multipart\/alternative/)
    expect(mail!.text).toBe(text)
    expect(mail!.html).toBe(
      '<p>Your question:</p>\n<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;<br>\nThanks</p>',
    )
    expect(mail!.html).not.toMatch(/<script|<b>/i)
  })

  it('writes an .eml file to DATA_DIR/outbox when no SMTP_HOST is set', async () => {
    const host = process.env.SMTP_HOST
    delete process.env.SMTP_HOST
    const before = smtp.received().length
    try {
      const text = 'Written, not sent.\n'
      const { messageId } = await queueEmail({ payload: hub.payload, subject: 'To the outbox', text, to: 'outbox@example.org' })
      await runJobs()
      const outbox = path.join(hub.dataDir, 'outbox')
      expect(fs.readdirSync(outbox)).toEqual([outboxFileName(messageId)])
      const raw = fs.readFileSync(path.join(outbox, outboxFileName(messageId)), 'utf8')
      // RFC 822 line ends throughout.
      expect(raw).not.toMatch(/[^\r]\n/)
      const mail = parseMail({ envelope: { from: '', to: [] }, raw })
      expect(mail).toMatchObject({ messageId, subject: 'To the outbox', text, to: 'outbox@example.org' })
      expect(mail.headers.from).toBe(DEFAULT_FROM.replace(/"/g, ''))
      expect(receivedSince(before)).toEqual([])
    } finally {
      process.env.SMTP_HOST = host
    }
  })
})
