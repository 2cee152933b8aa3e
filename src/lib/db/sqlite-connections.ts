import type { Payload } from 'payload'

type LibsqlTransaction = {
  close: () => void
  commit: () => Promise<void>
  rollback: () => Promise<void>
}

type LibsqlStatement = string | { sql: string }

type LibsqlClient = {
  execute: (statement: LibsqlStatement) => Promise<unknown>
  transaction: (mode?: string) => Promise<LibsqlTransaction>
  writeLockInstalled?: boolean
}

export type WriteLock = { acquire: () => Promise<() => void> }

// Statements that write (reads never wait: WAL lets them run beside a writer). PRAGMAs are not included:
// one is run while the lock is held, as each transaction begins.
const WRITE_STATEMENT = /^\s*(insert|update|delete|replace)\b/i

/**
 * A first-come first-served lock that gives up after `timeoutMs` with a SQLITE_BUSY error, the same
 * contract as SQLite's busy timeout but without blocking the event loop while waiting.
 */
export const createWriteLock = ({ timeoutMs }: { timeoutMs: number }): WriteLock => {
  const waiting: Array<() => void> = []
  let held = false
  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else held = false
  }
  const grant = (): (() => void) => {
    held = true
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
          reject(Object.assign(new Error(`SQLITE_BUSY: another write was still running after ${timeoutMs} ms`), { code: 'SQLITE_BUSY' }))
        }, timeoutMs)
        waiting.push(waiter)
      }),
  }
}

/**
 * The libsql driver is synchronous: a write transaction that meets another one open in the same process
 * waits inside SQLite's busy handler with the event loop blocked, so the holder can never finish and the
 * wait always ends in SQLITE_BUSY. Write transactions in one process therefore queue on an async lock, and
 * so do single writes made outside any transaction (Payload's job runner queues, updates and deletes jobs
 * that way), which would otherwise stall the whole process for the busy timeout and then fail.
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
  const execute = client.execute.bind(client)
  client.execute = async (statement) => {
    if (!WRITE_STATEMENT.test(typeof statement === 'string' ? statement : statement.sql)) return execute(statement)
    const release = await lock.acquire()
    try {
      return await execute(statement)
    } finally {
      release()
    }
  }
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
  client.writeLockInstalled = true
}
