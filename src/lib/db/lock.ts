import type { Payload, PayloadRequest } from 'payload'

import { inTransaction } from './transaction'

/**
 * Runs `work` in a transaction that no other holder of the same `key` can interleave with, in this process
 * or another: on SQLite every write transaction is exclusive already (BEGIN IMMEDIATE); on PostgreSQL an
 * advisory lock held until commit serialises them. Keys only have to be the same in every instance of the
 * hub and differ from one another (and from the migration lock). Keep `work` short: it blocks the others.
 */
export const withDatabaseLock = <T>({
  key,
  payload,
  work,
}: {
  key: number
  payload: Payload
  work: (req: PayloadRequest) => Promise<T>
}): Promise<T> =>
  inTransaction({
    payload,
    work: async (req) => {
      if (payload.db.name === 'postgres') {
        const db = payload.db as unknown as {
          execute: (args: { db: unknown; raw: string }) => Promise<unknown>
          sessions: Record<string, { db: unknown }>
        }
        const session = db.sessions[String(await req.transactionID)]
        await db.execute({ db: session?.db, raw: `SELECT pg_advisory_xact_lock(${Math.trunc(key)})` })
      }
      return work(req)
    },
  })
