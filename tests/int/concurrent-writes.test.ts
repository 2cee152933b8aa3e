import { commitTransaction, createLocalReq, initTransaction } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { createWriteLock } from '../../src/lib/db/sqlite-connections'
import { startTestHub } from '../helpers/hub'

let hub: TestHub

beforeAll(async () => {
  hub = await startTestHub()
})

afterAll(async () => {
  await hub?.cleanup()
})

const update = (title: string) => ({
  collection: 'updates' as const,
  data: { _status: 'draft' as const, date: '2026-11-01', title },
  draft: true as const,
})

describe('concurrent writes', () => {
  it('a write waits for another open write transaction instead of failing with SQLITE_BUSY', async () => {
    // Start-up has already run transactions (the migrations), so this is the steady state of a running hub.
    const req = await createLocalReq({}, hub.payload)
    await initTransaction(req)
    await hub.payload.create({ ...update('Held in an open transaction'), req })
    const waiting = hub.payload.create(update('Written while the other is open'))
    await new Promise((resolve) => setTimeout(resolve, 300))
    await commitTransaction(req)
    const written = await waiting
    expect(written.title).toBe('Written while the other is open')
    const { totalDocs } = await hub.payload.count({ collection: 'updates' })
    expect(totalDocs).toBe(2)
  })

  it('a single write outside any transaction (as Payload\'s job runner makes) waits for an open one too', async () => {
    // Told apart by waitUntil, not id: SQLite may give the new job the id the deleted one had.
    const finished = await hub.payload.jobs.queue({ input: {}, queue: 'newsletter', task: 'sendNewsletters', waitUntil: new Date('2030-01-01T00:00:00Z') })
    const req = await createLocalReq({}, hub.payload)
    await initTransaction(req)
    await hub.payload.create({ ...update('Held while jobs are written'), req })
    // Both go straight to the adapter with no transaction: one statement each, as the job runner writes.
    const started = Date.now()
    const queueing = hub.payload.jobs.queue({ input: {}, queue: 'newsletter', task: 'sendNewsletters' })
    const deleting = hub.payload.db.deleteMany({ collection: 'payload-jobs', where: { id: { equals: finished.id } } })
    await new Promise((resolve) => setTimeout(resolve, 300))
    // The event loop kept turning while they waited (a blocked one would have held this timer for seconds).
    expect(Date.now() - started).toBeLessThan(2_000)
    await commitTransaction(req)
    await Promise.all([queueing, deleting])
    const jobs = await hub.payload.find({ collection: 'payload-jobs', where: { queue: { equals: 'newsletter' } } })
    expect(jobs.docs.map((job) => job.waitUntil ?? null)).toEqual([null])
  })
})

describe('the in-process write lock', () => {
  it('grants waiters in arrival order, one at a time', async () => {
    const lock = createWriteLock({ timeoutMs: 1_000 })
    const order: string[] = []
    const first = await lock.acquire()
    const second = lock.acquire().then((release) => {
      order.push('second')
      return release
    })
    const third = lock.acquire().then((release) => {
      order.push('third')
      release()
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(order).toEqual([])
    first()
    first() // releasing twice must not hand the lock to two waiters
    const releaseSecond = await second
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(order).toEqual(['second'])
    releaseSecond()
    await third
    expect(order).toEqual(['second', 'third'])
  })

  it('gives up with SQLITE_BUSY after the busy timeout rather than waiting forever', async () => {
    const lock = createWriteLock({ timeoutMs: 50 })
    const held = await lock.acquire()
    await expect(lock.acquire()).rejects.toMatchObject({ code: 'SQLITE_BUSY' })
    held()
    const again = await lock.acquire()
    again()
  })
})
