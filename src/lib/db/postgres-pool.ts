import type { Payload } from 'payload'
import type { Pool, PoolClient } from 'pg'

import { isDatabaseUnavailable, noteDatabaseTrouble } from './availability'

type WatchedPool = Pool & {
  _clients: PoolClient[]
  _idle: { client: PoolClient }[]
  hubWatched?: boolean
}

/** When each connection now in use was checked out of the pool, for the liveness check. */
const checkedOut = new Map<PoolClient, number>()
let watched: undefined | WatchedPool

const poolOf = (payload: Payload): undefined | WatchedPool =>
  payload.db.name === 'postgres' ? (payload.db as unknown as { pool?: WatchedPool }).pool : undefined

/**
 * pg's pool emits 'error' when an idle connection drops (a database restart or failover). With no
 * listener Node treats it as an uncaught exception and the process dies; with one, the broken
 * connection is discarded and the next query opens a new one, while /readyz reports the outage.
 *
 * The pool is also watched: checkouts are timed for the liveness check, and a connection that cannot be
 * had (queue timeout, server unreachable) marks the request it was for, which then answers 503.
 */
export const survivePostgresDisconnects = ({ payload }: { payload: Payload }): void => {
  const pool = poolOf(payload)
  if (!pool || pool.hubWatched) return
  pool.hubWatched = true
  watched = pool
  returnClientsHeldSinceConnect({ pool })
  // The error carries the whole pg client (its buffers and settings): only what an operator can act on is logged.
  pool.on('error', (error) =>
    payload.logger.warn(
      { code: (error as { code?: string }).code, reason: error.message },
      'PostgreSQL connection lost; it is replaced on next use',
    ),
  )
  pool.on('acquire', (client) => checkedOut.set(client, Date.now()))
  pool.on('release', (_error, client) => checkedOut.delete(client))
  pool.on('remove', (client) => checkedOut.delete(client))
  const connect = pool.connect.bind(pool) as (callback?: (...args: unknown[]) => void) => Promise<PoolClient> | void
  // pg-pool calls connect with a callback (pool.query) or without one (transactions): both are watched.
  ;(pool as unknown as { connect: typeof connect }).connect = (callback) => {
    if (typeof callback === 'function') {
      return connect((error: unknown, ...rest: unknown[]) => {
        if (error && isDatabaseUnavailable(error)) noteDatabaseTrouble()
        callback(error, ...rest)
      })
    }
    return (connect() as Promise<PoolClient>).catch((error: unknown) => {
      if (isDatabaseUnavailable(error)) noteDatabaseTrouble()
      throw error
    })
  }
}

/**
 * Payload's adapter checks a connection out of the pool when it connects and never gives it back; on a
 * connection reset it checks out another. Each outage would then take one more connection for good, until
 * the pool is empty and every request waits. Called once, right after connecting, when nothing else can
 * hold a connection: each one checked out is handed back, without the adapter's reconnect listener (the pool
 * replaces broken connections on its own).
 */
const returnClientsHeldSinceConnect = ({ pool }: { pool: WatchedPool }): void => {
  const idle = new Set(pool._idle.map((item) => item.client))
  for (const client of pool._clients.filter((candidate) => !idle.has(candidate))) {
    client.removeAllListeners('error')
    client.release()
  }
}

/**
 * A wedged pool: requests are queued for a connection while every connection has been held for longer
 * than `limitMs` (a healthy transaction takes milliseconds). Null when the pool is fine or not PostgreSQL.
 */
export const postgresPoolWedge = ({ limitMs, now = Date.now() }: { limitMs: number; now?: number }): null | string => {
  if (!watched || watched.waitingCount === 0 || checkedOut.size === 0) return null
  if (checkedOut.size < watched.totalCount) return null
  const youngest = Math.max(...checkedOut.values())
  if (now - youngest < limitMs) return null
  return `all ${checkedOut.size} database connections held for over ${Math.round(limitMs / 1000)} s with ${watched.waitingCount} requests waiting`
}
