import type { TaskConfig } from 'payload'

import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { queueEmail } from '../../src/lib/email/queue'
import { outboxFileName } from '../../src/lib/email/transport'
import { releaseExpiredJobs, withLease } from '../../src/lib/jobs/lease'
import { DEADLINES_TASK } from '../../src/lib/jobs/names'
import { startTestHub } from '../helpers/hub'
import { until } from '../helpers/worker'

const LEASE_SECONDS = 3

let hub: TestHub

beforeAll(async () => {
  // No SMTP_HOST: mail goes to the outbox directory, one file per Message-ID.
  hub = await startTestHub({ env: { JOBS_LEASE_SECONDS: String(LEASE_SECONDS) } })
})

afterAll(async () => {
  await hub?.cleanup()
})

const findJob = (id: number | string) => hub.payload.findByID({ collection: 'payload-jobs', depth: 0, disableErrors: true, id })

/** What a runner that died mid-run leaves behind: the job taken, its row untouched for longer than the lease. */
const abandon = (id: number | string) =>
  hub.payload.db.updateJobs({
    data: { processing: true, updatedAt: new Date(Date.now() - (LEASE_SECONDS + 1) * 1000).toISOString() },
    id,
    returning: false,
  })

const outboxHas = (messageId: string) => fs.existsSync(path.join(hub.dataDir, 'outbox', outboxFileName(messageId)))

describe('job leases', () => {
  it('takes back a job whose lease ran out, as one failed try, and its retry sends the email', async () => {
    const { payload } = hub
    const { jobId, messageId } = await queueEmail({ payload, subject: 'Lease test', text: 'Hello', to: 'lease@example.org' })
    await payload.db.updateJobs({ data: { processing: true, updatedAt: new Date().toISOString() }, id: jobId, returning: false })
    // Within its lease a running job is left alone.
    expect(await releaseExpiredJobs({ payload })).toEqual({ gaveUp: 0, released: 0 })
    await abandon(jobId)
    expect(await releaseExpiredJobs({ payload })).toEqual({ gaveUp: 0, released: 1 })
    const released = await findJob(jobId)
    expect(released).toMatchObject({ hasError: false, processing: false, totalTried: 1 })
    expect(released!.log).toHaveLength(1)
    expect(released!.log![0]).toMatchObject({ error: { name: 'JobLeaseExpired' }, state: 'failed', taskID: '1', taskSlug: 'sendEmail' })
    // Another runner looking now finds nothing to take back.
    expect(await releaseExpiredJobs({ payload })).toEqual({ gaveUp: 0, released: 0 })
    await payload.jobs.run({ queue: 'default', silent: true })
    expect(outboxHas(messageId)).toBe(true)
    expect(await findJob(jobId)).toBeNull()
  })

  it("stops a job that loses every run after its task's retries, as Payload does for failures", async () => {
    const { payload } = hub
    // The deadline watcher: 1 try and 3 retries.
    const job = await payload.jobs.queue({ input: {}, queue: 'default', task: DEADLINES_TASK })
    for (let lost = 1; lost <= 4; lost++) {
      await abandon(job.id)
      expect(await releaseExpiredJobs({ payload })).toEqual(lost < 4 ? { gaveUp: 0, released: 1 } : { gaveUp: 1, released: 0 })
    }
    const stopped = await findJob(job.id)
    expect(stopped).toMatchObject({ hasError: true, processing: false, totalTried: 4 })
    expect(stopped!.log).toHaveLength(4)
    await payload.jobs.run({ queue: 'default', silent: true })
    expect((await findJob(job.id))?.completedAt).toBeFalsy()
  })

  it('only releases a job whose task had finished before its runner died: it completes without running again', async () => {
    const { payload } = hub
    const { jobId, messageId } = await queueEmail({ payload, subject: 'Finished before the kill', text: 'Hello', to: 'done@example.org' })
    const now = new Date().toISOString()
    await payload.db.updateJobs({
      data: {
        log: {
          $push: {
            completedAt: now,
            executedAt: now,
            id: 'finished-run',
            input: {},
            output: { alreadySent: false, messageId, sentAt: now, transport: 'outbox' },
            state: 'succeeded',
            taskID: '1',
            taskSlug: 'sendEmail',
          },
        },
      },
      id: jobId,
      returning: false,
    })
    await abandon(jobId)
    expect(await releaseExpiredJobs({ payload })).toEqual({ gaveUp: 0, released: 1 })
    expect(await findJob(jobId)).toMatchObject({ hasError: false, processing: false, totalTried: 0 })
    await payload.jobs.run({ queue: 'default', silent: true })
    expect(await findJob(jobId)).toBeNull()
    // Its recorded output was reused: the message was not written again.
    expect(outboxHas(messageId)).toBe(false)
  })

  it('renews the lease while the handler runs', async () => {
    const { payload } = hub
    const { jobId } = await queueEmail({ payload, subject: 'Long run', text: 'Hello', to: 'long@example.org' })
    const queuedAt = (await findJob(jobId))!.updatedAt
    const task = withLease({
      slug: 'leaseProbe',
      handler: async () => {
        // Runs until the job's row has been touched, which only the heartbeat does meanwhile.
        await until({
          check: async () => (await findJob(jobId))!.updatedAt > queuedAt,
          timeoutMs: LEASE_SECONDS * 1000,
          what: 'the lease is renewed',
        })
        return { output: {} }
      },
    } as TaskConfig<{ input: object; output: object }>)
    const handler = task.handler as (args: unknown) => Promise<unknown>
    await handler({ input: {}, job: { id: jobId }, req: { payload } })
    expect((await findJob(jobId))!.updatedAt > queuedAt).toBe(true)
  })
})
