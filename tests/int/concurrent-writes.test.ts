import fs from 'node:fs'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { createWriteLock, sqliteWriteLockWedge } from '../../src/lib/db/sqlite-connections'
import { startTestHub, testDatabase } from '../helpers/hub'
import { waitFor } from '../helpers/wait'

let hub: TestHub

beforeAll(async () => {
  hub = await startTestHub()
})

afterAll(async () => {
  await hub?.cleanup()
})

/**
 * Opens a write transaction as a separate piece of work would: begun after an await of its own, so the code
 * below, which stands for other requests, is not the flow that holds the lock.
 */
const openTransaction = async () => {
  const req = await createLocalReq({}, hub.payload)
  await initTransaction(req)
  return req
}

const update = (title: string) => ({
  collection: 'updates' as const,
  data: { _status: 'draft' as const, date: '2026-11-01', title },
  draft: true as const,
})

const sqlite = testDatabase() === 'sqlite'

/**
 * On SQLite, resolves once a write is queued on the write lock behind the open transaction (held, one
 * waiting) and checks it has not settled. PostgreSQL does not serialise these writes: nothing to wait for.
 */
const expectQueuedBehindTheLock = async (settled: () => boolean) => {
  if (!sqlite) return
  expect(await waitFor({ check: () => sqliteWriteLockWedge({ limitMs: 0 }) !== null, timeoutMs: 10_000 })).toBe(true)
  expect(settled()).toBe(false)
}

describe('concurrent writes', () => {
  it('a write waits for another open write transaction instead of failing with SQLITE_BUSY', async () => {
    // Start-up has already run transactions (the migrations), so this is the steady state of a running hub.
    const req = await openTransaction()
    await hub.payload.create({ ...update('Held in an open transaction'), req })
    let settled = false
    const waiting = hub.payload.create(update('Written while the other is open')).finally(() => (settled = true))
    await expectQueuedBehindTheLock(() => settled)
    await commitTransaction(req)
    const written = await waiting
    expect(written.title).toBe('Written while the other is open')
    const { totalDocs } = await hub.payload.count({ collection: 'updates' })
    expect(totalDocs).toBe(2)
  })

  it('a write outside any transaction (as the job runner makes) waits for an open write transaction too', async () => {
    const req = await openTransaction()
    await hub.payload.create({ ...update('Held while a bare write arrives'), req })
    // Straight to the adapter with no req: no transaction of its own, one statement.
    const bare = hub.payload.db.create({
      collection: 'search-changes',
      data: { collection: 'updates', docId: 'bare', createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() },
    })
    let settled = false
    void bare.finally(() => (settled = true)).catch(() => undefined)
    await expectQueuedBehindTheLock(() => settled)
    await commitTransaction(req)
    expect((await bare).docId).toBe('bare')
    // And the connection is left healthy: a later transaction still commits.
    const after = await hub.payload.create(update('Written after both'))
    expect(after.title).toBe('Written after both')
  })
})

const openFiles = (): number => fs.readdirSync('/proc/self/fd').length
const hasProcFs = fs.existsSync('/proc/self/fd')
if (!hasProcFs) console.warn('Skipping the file handle check: no /proc/self/fd on this system')

describe('connections', () => {
  it.skipIf(!hasProcFs)('a hundred write transactions leave no connection (file handles) behind', async () => {
    // The first transaction may open the connection transactions use.
    await hub.payload.create(update('Opens the connections'))
    const before = openFiles()
    for (let i = 0; i < 100; i++) await hub.payload.create(update(`Transaction ${i}`))
    expect(openFiles() - before).toBeLessThan(10)
  })

  it('a transaction that fails is rolled back, and the next one commits', async () => {
    const slug = `unique-${Date.now()}`
    await hub.payload.create({ ...update('First with this slug'), data: { ...update('').data, slug, title: 'First with this slug' } })
    await expect(
      hub.payload.create({ ...update('Second with this slug'), data: { ...update('').data, slug, title: 'Second with this slug' } }),
    ).rejects.toThrow()
    const after = await hub.payload.create(update('Written after the failure'))
    expect(after.title).toBe('Written after the failure')
    const { docs } = await hub.payload.find({ collection: 'updates', draft: true, where: { slug: { equals: slug } } })
    expect(docs.map((doc) => doc.title)).toEqual(['First with this slug'])
  })
})

if (!sqlite) console.info('Write-lock flow tests skipped: only SQLite serialises writes in the process')

describe.skipIf(!sqlite)('writes made by the work that holds the open transaction', () => {
  // Payload's forgot-password writes outside its own transaction, and mail is queued without the caller's req.
  it('a bare write joins the transaction instead of waiting for itself', async () => {
    const started = Date.now()
    const outcome = await (async () => {
      const req = await createLocalReq({}, hub.payload)
      await initTransaction(req)
      await hub.payload.create({ ...update('Holder'), req })
      const bare = await hub.payload.db.create({
        collection: 'search-changes',
        data: { collection: 'updates', docId: 'joined', createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() },
      })
      // A transaction begun here (a Local API call without req) nests instead of queueing behind this one.
      const nested = await hub.payload.create(update('Nested in the holder'))
      await killTransaction(req)
      return { bare, nested }
    })()
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(outcome.bare.docId).toBe('joined')
    // Both were part of the transaction that was rolled back.
    expect((await hub.payload.count({ collection: 'search-changes', where: { docId: { equals: 'joined' } } })).totalDocs).toBe(0)
    expect((await hub.payload.count({ collection: 'updates', where: { id: { equals: outcome.nested.id } } })).totalDocs).toBe(0)
  })

  it('a nested transaction that fails rolls back its own writes only', async () => {
    const kept = await (async () => {
      const req = await createLocalReq({}, hub.payload)
      await initTransaction(req)
      const outer = await hub.payload.create({ ...update('Outer, kept'), req })
      // An invalid document: the nested create fails and takes nothing of the outer transaction with it.
      await expect(hub.payload.create({ collection: 'updates', data: { _status: 'published' } as never })).rejects.toThrow(/invalid/i)
      await commitTransaction(req)
      return outer
    })()
    expect((await hub.payload.findByID({ collection: 'updates', id: kept.id })).title).toBe('Outer, kept')
  })

  it('other work still waits for the holder to finish', async () => {
    const req = await openTransaction()
    await hub.payload.create({ ...update('Held for another writer'), req })
    let written = false
    const other = hub.payload.create(update('Another writer')).then(() => (written = true))
    // Queued on the lock (held, one waiting) rather than joined to the holder's transaction.
    expect(await waitFor({ check: () => sqliteWriteLockWedge({ limitMs: 0 }) !== null, timeoutMs: 2_000 })).toBe(true)
    expect(written).toBe(false)
    await killTransaction(req)
    await other
    expect(written).toBe(true)
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
    // Both queued; a turn of the event loop runs every pending promise callback, so a wrong grant would show.
    expect(lock.state().waiting).toBe(2)
    await new Promise((resolve) => setImmediate(resolve))
    expect(order).toEqual([])
    first()
    first() // releasing twice must not hand the lock to two waiters
    const releaseSecond = await second
    expect(lock.state().waiting).toBe(1)
    await new Promise((resolve) => setImmediate(resolve))
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
