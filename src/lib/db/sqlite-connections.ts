import type { Payload } from 'payload'

import { AsyncLocalStorage } from 'node:async_hooks'

import { noteDatabaseTrouble } from './availability'

type Statement = string | { sql: string }

type LibsqlTransaction = {
  batch: (statements: Statement[]) => Promise<unknown>
  close: () => void
  commit: () => Promise<void>
  execute: (statement: Statement) => Promise<unknown>
  rollback: () => Promise<void>
}

type LibsqlClient = {
  batch: (statements: Statement[], mode?: string) => Promise<unknown>
  execute: (statement: Statement) => Promise<unknown>
  transaction: (mode?: string) => Promise<LibsqlTransaction>
  writeLockInstalled?: boolean
}

export type WriteLock = {
  acquire: () => Promise<() => void>
  /** Since when the lock has been held (null when free), and how many writes wait for it. */
  state: () => { heldSince: null | number; waiting: number }
}

// Statements that write. PRAGMA is left out: the lock holder sets busy_timeout through the client itself.
const WRITES = /^\s*(alter|create|delete|drop|insert|replace|update)\b/i
const writes = (statement: Statement) => WRITES.test(typeof statement === 'string' ? statement : statement.sql)

/**
 * A first-come first-served lock that gives up after `timeoutMs` with a SQLITE_BUSY error, the same
 * contract as SQLite's busy timeout but without blocking the event loop while waiting.
 */
export const createWriteLock = ({ timeoutMs }: { timeoutMs: number }): WriteLock => {
  const waiting: Array<() => void> = []
  let held = false
  let heldSince: null | number = null
  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else {
      held = false
      heldSince = null
    }
  }
  const grant = (): (() => void) => {
    held = true
    heldSince = Date.now()
    let released = false
    return () => {
      if (released) return
      released = true
      release()
    }
  }
  return {
    acquire: () =>
      new Promise((resolve, reject) => {
        if (!held) return resolve(grant())
        const waiter = () => {
          clearTimeout(timer)
          resolve(grant())
        }
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(waiter), 1)
          noteDatabaseTrouble()
          reject(Object.assign(new Error(`SQLITE_BUSY: another write was still running after ${timeoutMs} ms`), { code: 'SQLITE_BUSY' }))
        }, timeoutMs)
        waiting.push(waiter)
      }),
    state: () => ({ heldSince, waiting: waiting.length }),
  }
}

let installedLock: undefined | WriteLock

/**
 * A wedged writer queue: writes wait while one write has held the lock for longer than `limitMs`. Null when
 * all is well or the database is not SQLite.
 */
export const sqliteWriteLockWedge = ({ limitMs, now = Date.now() }: { limitMs: number; now?: number }): null | string => {
  const state = installedLock?.state()
  if (!state || state.heldSince === null || state.waiting === 0 || now - state.heldSince < limitMs) return null
  return `a database write has held the write lock for over ${Math.round(limitMs / 1000)} s with ${state.waiting} writes waiting`
}

/** The identity of one chain of async work (a request, a job) that may come to hold the write lock. */
type Flow = { readonly name: 'write-flow' }

const flows = new AsyncLocalStorage<Flow>()

/**
 * Starts a new flow for a write transaction about to begin, unless this flow already holds the lock (then the
 * transaction nests). Called in the synchronous start of Payload's beginTransaction, so the mark reaches the
 * code that awaits it (the operation that opens the transaction and everything it then calls).
 */
const enterTransactionFlow = ({ holder }: { holder: Flow | null }): void => {
  const current = flows.getStore()
  if (!current || current !== holder) flows.enterWith({ name: 'write-flow' })
}

let nestedCount = 0

/** A transaction inside one already open, as a savepoint: its commit and rollback apply to its own writes only. */
const savepoint = async ({ outer }: { outer: LibsqlTransaction }): Promise<LibsqlTransaction> => {
  const name = `hub_nested_${++nestedCount}`
  await outer.execute(`SAVEPOINT ${name}`)
  let open = true
  const end = async (statements: string[]) => {
    if (!open) return
    open = false
    for (const statement of statements) await outer.execute(statement)
  }
  return {
    batch: (statements) => outer.batch(statements),
    close: () => void end([`ROLLBACK TO ${name}`, `RELEASE ${name}`]),
    commit: () => end([`RELEASE ${name}`]),
    execute: (statement) => outer.execute(statement),
    rollback: () => end([`ROLLBACK TO ${name}`, `RELEASE ${name}`]),
  }
}

/**
 * The libsql driver is synchronous: a write transaction that meets another one open in the same process
 * waits inside SQLite's busy handler with the event loop blocked, so the holder can never finish and the
 * wait always ends in SQLITE_BUSY. Write transactions in one process therefore queue on an async lock.
 *
 * Single writes outside a transaction (the job runner's, for one) take the same lock, or they would meet an
 * open transaction the same way; reads never wait (WAL).
 *
 * Writes made by the flow that holds the lock (Payload's auth operations write outside their own transaction,
 * and mail is queued from inside one) would wait for themselves: its statements run in the open transaction
 * instead, and a transaction begun there nests as a savepoint. On PostgreSQL such a write commits on its own.
 *
 * The client also hands its connection to each transaction and opens a fresh one for the next query,
 * without the adapter's `busy_timeout`; re-applying it keeps the wait for writers in other processes
 * (the web server and `npm run worker` on one file).
 */
export const serialiseSqliteWrites = ({ busyTimeoutMs, payload }: { busyTimeoutMs: number; payload: Payload }): void => {
  if (payload.db.name !== 'sqlite') return
  const client = (payload.db as unknown as { client?: LibsqlClient }).client
  if (!client || client.writeLockInstalled) return
  const lock = createWriteLock({ timeoutMs: busyTimeoutMs })
  installedLock = lock
  let holder: null | { flow: Flow; transaction: LibsqlTransaction } = null
  const heldHere = (): LibsqlTransaction | null => {
    const flow = flows.getStore()
    return flow && holder?.flow === flow ? holder.transaction : null
  }

  const db = payload.db as unknown as { beginTransaction: (...args: unknown[]) => Promise<unknown> }
  const beginTransaction = db.beginTransaction.bind(payload.db)
  db.beginTransaction = (...args) => {
    enterTransactionFlow({ holder: holder?.flow ?? null })
    return beginTransaction(...args)
  }

  const begin = client.transaction.bind(client)
  client.transaction = async (mode) => {
    if (mode === 'read') return begin(mode)
    const outer = heldHere()
    if (outer) return savepoint({ outer })
    const release = await lock.acquire()
    try {
      const transaction = await begin(mode)
      await client.execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
      const flow = flows.getStore()
      if (flow) holder = { flow, transaction }
      const done = () => {
        if (holder?.transaction === transaction) holder = null
        release()
      }
      const commit = transaction.commit.bind(transaction)
      const rollback = transaction.rollback.bind(transaction)
      const close = transaction.close.bind(transaction)
      transaction.commit = () => commit().finally(done)
      transaction.rollback = () => rollback().finally(done)
      transaction.close = () => {
        try {
          close()
        } finally {
          done()
        }
      }
      return transaction
    } catch (error) {
      release()
      throw error
    }
  }
  const locked = async <T>(write: () => Promise<T>): Promise<T> => {
    const release = await lock.acquire()
    try {
      return await write()
    } finally {
      release()
    }
  }
  // Reads go there too, so the holder sees what it has just written.
  const execute = client.execute.bind(client)
  client.execute = (statement) => {
    const open = heldHere()
    if (open) return open.execute(statement)
    return writes(statement) ? locked(() => execute(statement)) : execute(statement)
  }
  const batch = client.batch.bind(client)
  client.batch = (statements, mode) => {
    const open = heldHere()
    if (open) return open.batch(statements)
    return mode === 'read' ? batch(statements, mode) : locked(() => batch(statements, mode))
  }
  client.writeLockInstalled = true
}
