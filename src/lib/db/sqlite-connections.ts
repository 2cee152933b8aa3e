import type { Client, InStatement, ResultSet, Transaction, TransactionMode } from '@libsql/client'
import type { Payload } from 'payload'

import { createClient } from '@libsql/client'
import { AsyncLocalStorage } from 'node:async_hooks'

import { noteDatabaseTrouble } from './availability'

type LibsqlClient = Client & { writeLockInstalled?: boolean }

export type WriteLock = {
  acquire: () => Promise<() => void>
  /** Since when the lock has been held (null when free), and how many writes wait for it. */
  state: () => { heldSince: null | number; waiting: number }
}

// Statements that write. PRAGMA is left out: it changes a connection's settings, not the data.
const WRITES = /^\s*(alter|create|delete|drop|insert|replace|update)\b/i
const writes = (statement: InStatement) => WRITES.test(typeof statement === 'string' ? statement : statement.sql)

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
const savepoint = async ({ outer }: { outer: Transaction }): Promise<Transaction> => {
  const name = `hub_nested_${++nestedCount}`
  await outer.execute(`SAVEPOINT ${name}`)
  let open = true
  const end = async (statements: string[]) => {
    if (!open) return
    open = false
    for (const statement of statements) await outer.execute(statement)
  }
  return {
    batch: (statements: InStatement[]) => outer.batch(statements),
    close: () => void end([`ROLLBACK TO ${name}`, `RELEASE ${name}`]).catch(() => undefined),
    get closed() {
      return !open
    },
    commit: () => end([`RELEASE ${name}`]),
    execute: (statement: InStatement) => outer.execute(statement),
    executeMultiple: () => Promise.reject(new Error('executeMultiple is not available inside a transaction')),
    rollback: () => end([`ROLLBACK TO ${name}`, `RELEASE ${name}`]),
  }
}

const BEGIN: Record<TransactionMode, string> = { deferred: 'BEGIN DEFERRED', read: 'BEGIN TRANSACTION READONLY', write: 'BEGIN IMMEDIATE' }

const closedError = () => Object.assign(new Error('The transaction is closed'), { code: 'TRANSACTION_CLOSED' })

/**
 * A transaction on `connection`, which nothing else uses while it is open (the caller holds the write lock).
 * `release` runs once, when it commits, rolls back or is closed.
 */
const openTransaction = async ({
  connection,
  mode,
  release,
}: {
  connection: Client
  mode: TransactionMode
  release: () => void
}): Promise<Transaction> => {
  await connection.execute(BEGIN[mode])
  let open = true
  const end = async (sql: 'COMMIT' | 'ROLLBACK') => {
    // Rolling back after a failed commit must not hide the commit's error.
    if (!open && sql === 'ROLLBACK') return
    if (!open) throw closedError()
    try {
      await connection.execute(sql)
    } catch (error) {
      // Never leave the shared connection inside a transaction, whatever stopped the commit.
      if (sql === 'COMMIT') await connection.execute('ROLLBACK').catch(() => undefined)
      // SQLite rolls back by itself after some errors: rolling back what is already gone is not a failure.
      if (!(sql === 'ROLLBACK' && /no transaction is active/i.test(String(error)))) throw error
    } finally {
      open = false
      release()
    }
  }
  const execute = (statement: InStatement): Promise<ResultSet> => (open ? connection.execute(statement) : Promise.reject(closedError()))
  return {
    batch: async (statements: InStatement[]) => {
      const results: ResultSet[] = []
      for (const statement of statements) results.push(await execute(statement))
      return results
    },
    close: () => void end('ROLLBACK').catch(() => undefined),
    get closed() {
      return !open
    },
    commit: () => end('COMMIT'),
    execute,
    // The client's executeMultiple ends any transaction open on its connection; nothing here needs it.
    executeMultiple: () => Promise.reject(new Error('executeMultiple is not available inside a transaction')),
    rollback: () => end('ROLLBACK'),
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
 * Writes made by the flow that holds the lock (Payload's auth operations write outside their own transaction)
 * would wait for themselves: its statements run in the open transaction instead, and a transaction begun
 * there nests as a savepoint. On PostgreSQL such a write commits on its own.
 *
 * The client itself hands its connection to each transaction and opens a new one for the next query, and
 * nothing closes the old one: each transaction left a connection (two file handles and a page cache) behind,
 * released by garbage collection late or never, so an idle process grew by hundreds of megabytes an hour.
 * Since transactions take turns anyway, they all run on one second connection of their own, opened once,
 * and the client keeps its first one.
 */
export const serialiseSqliteWrites = ({ busyTimeoutMs, payload }: { busyTimeoutMs: number; payload: Payload }): void => {
  if (payload.db.name !== 'sqlite') return
  const adapter = payload.db as unknown as {
    client?: LibsqlClient
    clientConfig: Parameters<typeof createClient>[0]
    wal?: false | { synchronous: string }
  }
  const client = adapter.client
  if (!client || client.writeLockInstalled) return
  const lock = createWriteLock({ timeoutMs: busyTimeoutMs })
  installedLock = lock
  let holder: null | { flow: Flow; transaction: Transaction } = null
  const heldHere = (): null | Transaction => {
    const flow = flows.getStore()
    return flow && holder?.flow === flow && !holder.transaction.closed ? holder.transaction : null
  }
  const db = payload.db as unknown as { beginTransaction: (...args: unknown[]) => Promise<unknown> }
  const beginTransaction = db.beginTransaction.bind(payload.db)
  db.beginTransaction = (...args) => {
    enterTransactionFlow({ holder: holder?.flow ?? null })
    return beginTransaction(...args)
  }
  let transactions: Client | undefined
  // Opened on first use with the settings the adapter gave the client's connection (they are per connection).
  const transactionConnection = async (): Promise<Client> => {
    if (transactions && !transactions.closed) return transactions
    const connection = createClient(adapter.clientConfig)
    await connection.execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
    if (adapter.wal) await connection.execute(`PRAGMA synchronous = ${adapter.wal.synchronous}`)
    transactions = connection
    return connection
  }
  client.transaction = async (mode: TransactionMode = 'write') => {
    const outer = heldHere()
    if (outer) return savepoint({ outer })
    const release = await lock.acquire()
    let transaction: Transaction | undefined
    const done = () => {
      if (transaction && holder?.transaction === transaction) holder = null
      release()
    }
    try {
      transaction = await openTransaction({ connection: await transactionConnection(), mode, release: done })
      const flow = flows.getStore()
      if (flow) holder = { flow, transaction }
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
  // The holder's own statements, reads too, go to its transaction, so it sees what it has just written.
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
  const close = client.close.bind(client)
  client.close = () => {
    transactions?.close()
    close()
  }
  client.writeLockInstalled = true
}
