import type { Payload } from 'payload'

import fs from 'node:fs/promises'

const SQLITE_HEADER = 'SQLite format 3\u0000'

export type Readiness = { ok: true } | { ok: false; reason: string }

const withTimeout = <T>({ ms, promise }: { ms: number; promise: Promise<T> }): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })

/**
 * The live connection alone is not enough for SQLite: an open handle keeps answering after its file is
 * removed or replaced, so the file at the configured path is checked as well.
 */
const checkSqliteFile = async (url: string): Promise<void> => {
  const file = url.replace(/^file:/, '').split('?')[0]
  const handle = await fs.open(file, 'r')
  try {
    const buffer = Buffer.alloc(16)
    await handle.read(buffer, 0, 16, 0)
    if (buffer.toString('latin1') !== SQLITE_HEADER) throw new Error('database file is not a SQLite database')
  } finally {
    await handle.close()
  }
}

type AnyAdapter = {
  client?: { execute: (sql: string) => Promise<unknown> }
  clientConfig?: { url: string }
  connection?: { db?: { admin: () => { ping: () => Promise<unknown> } } }
  name: string
  pool?: { query: (sql: string) => Promise<unknown> }
}

/** Is the database reachable right now? Never throws: the reason goes in the answer. */
export const databaseReadiness = async ({ payload, timeoutMs = 2_000 }: { payload: Payload; timeoutMs?: number }): Promise<Readiness> => {
  const db = payload.db as unknown as AnyAdapter
  try {
    if (db.name === 'sqlite' && db.client && db.clientConfig) {
      await checkSqliteFile(db.clientConfig.url)
      await withTimeout({ ms: timeoutMs, promise: db.client.execute('SELECT 1') })
    } else if (db.name === 'postgres' && db.pool) {
      await withTimeout({ ms: timeoutMs, promise: db.pool.query('SELECT 1') })
    } else if (db.name === 'mongoose' && db.connection?.db) {
      await withTimeout({ ms: timeoutMs, promise: db.connection.db.admin().ping() })
    } else {
      return { ok: false, reason: `database adapter ${db.name} is not connected` }
    }
    return { ok: true }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, reason: `database unreachable: ${message}` }
  }
}
