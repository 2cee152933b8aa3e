import type { Payload } from 'payload'

import { noteDatabaseTrouble } from './availability'

type LibsqlTransaction = {
  close: () => void
  commit: () => Promise<void>
  rollback: () => Promise<void>
}

type Statement = string | { sql: string }

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

/**
 * The libsql driver is synchronous: a write transaction that meets another one open in the same process
 * waits inside SQLite's busy handler with the event loop blocked, so the holder can never finish and the
 * wait always ends in SQLITE_BUSY. Write transactions in one process therefore queue on an async lock.
 *
 * Single writes outside a transaction (the job runner's, for one) take the same lock, or they would meet an
 * open transaction the same way; reads never wait (WAL).
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
  const begin = client.transaction.bind(client)
  client.transaction = async (mode) => {
    if (mode === 'read') return begin(mode)
    const release = await lock.acquire()
    try {
      const transaction = await begin(mode)
      await client.execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
      const commit = transaction.commit.bind(transaction)
      const rollback = transaction.rollback.bind(transaction)
      const close = transaction.close.bind(transaction)
      transaction.commit = () => commit().finally(release)
      transaction.rollback = () => rollback().finally(release)
      transaction.close = () => {
        try {
          close()
        } finally {
          release()
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
  const execute = client.execute.bind(client)
  client.execute = (statement) => (writes(statement) ? locked(() => execute(statement)) : execute(statement))
  const batch = client.batch.bind(client)
  client.batch = (statements, mode) => (mode === 'read' ? batch(statements, mode) : locked(() => batch(statements, mode)))
  client.writeLockInstalled = true
}
