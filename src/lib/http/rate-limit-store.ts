import type { Payload } from 'payload'
import type { RateLimiterAbstract } from 'rate-limiter-flexible'

import Database from 'libsql'
import path from 'node:path'
import pg from 'pg'
import { RateLimiterMemory, RateLimiterMongo, RateLimiterPostgres, RateLimiterSQLite } from 'rate-limiter-flexible'

import { databaseKind } from '../db/kind'
import { sqliteFile } from '../db/paths'
import { databaseSettings } from '../env'

export type LimitSpec = { durationSeconds: number; name: string; points: number }

type Warn = (details: Record<string, unknown>, message: string) => void

/** Where the counts of every limiter of one process live: one table (or collection) shared by all instances. */
export type RateLimitStore = {
  /** Forgets every count of one limiter. */
  clear: (args: { name: string }) => Promise<void>
  close: () => Promise<void>
  kind: 'memory' | 'mongodb' | 'postgres' | 'sqlite'
  /** The library's limiter for a spec, ready to use (its table exists). */
  limiter: (spec: LimitSpec) => Promise<RateLimiterAbstract>
  warn: Warn
}

export const RATE_LIMIT_TABLE = 'hub_rate_limits'

// A limiter call waits this long at most for the database; past it the limit is counted in memory instead.
const STORE_TIMEOUT_MS = 2000

const specKey = ({ durationSeconds, name, points }: LimitSpec) => `${name}/${points}/${durationSeconds}`

/**
 * Builds limiters lazily, one per spec, each waiting for its table before the first use. `make` receives a
 * callback for the library's table creation, which reports its outcome asynchronously.
 */
type LibraryOptions = { clearExpiredByTimeout: boolean; duration: number; keyPrefix: string; points: number }

const limiterCache = ({ make }: { make: (options: LibraryOptions, ready: (error?: Error) => void) => RateLimiterAbstract }) => {
  const built = new Map<string, Promise<RateLimiterAbstract>>()
  return (spec: LimitSpec): Promise<RateLimiterAbstract> => {
    const key = specKey(spec)
    let limiter = built.get(key)
    if (!limiter) {
      limiter = new Promise<RateLimiterAbstract>((resolve, reject) => {
        // The library may report on its table before or after its constructor returns.
        // `let`, not `const`: the callback may run before `make` returns, and must then find it unset.
        // eslint-disable-next-line prefer-const
        let made: RateLimiterAbstract | undefined
        let outcome: { error?: Error } | undefined
        const settle = () => {
          if (!made || !outcome) return
          if (outcome.error) reject(outcome.error)
          else resolve(made)
        }
        made = make({ clearExpiredByTimeout: true, duration: spec.durationSeconds, keyPrefix: spec.name, points: spec.points }, (error) => {
          outcome = { error }
          settle()
        })
        settle()
      })
      // A table that could not be made is tried again on the next call, not remembered as broken.
      limiter.catch(() => built.delete(key))
      built.set(key, limiter)
    }
    return limiter
  }
}

/** Counts in this process only: for code that runs without a booted hub, and as the fallback of the others. */
export const memoryStore = ({ warn }: { warn: Warn }): RateLimitStore => {
  let limiters = new Map<string, RateLimiterMemory>()
  return {
    clear: async ({ name }) => {
      limiters = new Map([...limiters].filter(([key]) => !key.startsWith(`${name}/`)))
    },
    close: async () => {},
    kind: 'memory',
    limiter: async (spec) => {
      const key = specKey(spec)
      const limiter =
        limiters.get(key) ?? new RateLimiterMemory({ duration: spec.durationSeconds, keyPrefix: spec.name, points: spec.points })
      limiters.set(key, limiter)
      return limiter
    },
    warn,
  }
}

/**
 * PostgreSQL: a small pool of its own (not the hub's), so a limiter call made while a request holds a
 * connection in a transaction never waits for a connection that request is itself holding.
 */
const postgresStore = ({ url, warn }: { url: string; warn: Warn }): RateLimitStore => {
  const pool = new pg.Pool({
    allowExitOnIdle: true,
    connectionString: url,
    connectionTimeoutMillis: STORE_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    max: 2,
    query_timeout: STORE_TIMEOUT_MS,
  })
  // A dropped idle connection is replaced on next use; without a listener it would end the process.
  pool.on('error', (err) => warn({ err }, 'Rate-limit database connection lost'))
  return {
    clear: async ({ name }) => {
      // The table appears with the first limiter used: before that there is nothing to clear.
      const { rows } = await pool.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [RATE_LIMIT_TABLE])
      if (rows[0]?.present) await pool.query(`DELETE FROM ${RATE_LIMIT_TABLE} WHERE key LIKE $1`, [`${name}:%`])
    },
    close: () => pool.end(),
    kind: 'postgres',
    limiter: limiterCache({
      make: (options, ready) => new RateLimiterPostgres({ ...options, storeClient: pool, tableName: RATE_LIMIT_TABLE }, ready),
    }),
    warn,
  }
}

/** The counts file beside the SQLite database: hub.db keeps them in hub-rate-limits.db. */
export const rateLimitFile = ({ databaseFile }: { databaseFile: string }): string => {
  const { dir, name } = path.parse(databaseFile)
  return path.join(dir, `${name}-rate-limits.db`)
}

/**
 * SQLite: a file of its own beside the database, shared by every process on the machine. Not a table in the
 * database: Payload's write transactions hold SQLite's single write lock, and a limit counted inside one (a
 * create hook) would wait on that transaction, which waits on the hook.
 */
const sqliteStore = ({ file, warn }: { file: string; warn: Warn }): RateLimitStore => {
  const db = new Database(file)
  db.exec('PRAGMA journal_mode = WAL')
  // Counts need not survive a power cut; not syncing the disk on every count keeps each under a millisecond.
  db.exec('PRAGMA synchronous = NORMAL')
  // The driver is synchronous: keep any wait for another process's write short.
  db.exec(`PRAGMA busy_timeout = ${STORE_TIMEOUT_MS / 4}`)
  return {
    clear: async ({ name }) => {
      // The table appears with the first limiter used: before that there is nothing to clear.
      if (!db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(RATE_LIMIT_TABLE)) return
      db.prepare(`DELETE FROM ${RATE_LIMIT_TABLE} WHERE key LIKE ?`).run(`${name}:%`)
    },
    close: async () => {
      db.close()
    },
    kind: 'sqlite',
    limiter: limiterCache({
      make: (options, ready) =>
        new RateLimiterSQLite({ ...options, storeClient: db, storeType: 'better-sqlite3', tableName: RATE_LIMIT_TABLE }, ready),
    }),
    warn,
  }
}

type MongooseConnection = { getClient: () => unknown; name: string }

/** MongoDB: a collection in the hub's database, through the adapter's own connection. */
const mongoStore = ({ payload, warn }: { payload: Payload; warn: Warn }): RateLimitStore => {
  const connection = (payload.db as unknown as { connection: MongooseConnection }).connection
  const client = connection.getClient() as {
    db: (name: string) => { collection: (name: string) => { deleteMany: (filter: unknown) => Promise<unknown> } }
  }
  return {
    clear: async ({ name }) => {
      await client
        .db(connection.name)
        .collection(RATE_LIMIT_TABLE)
        .deleteMany({ key: { $regex: `^${name}:` } })
    },
    close: async () => {},
    kind: 'mongodb',
    limiter: limiterCache({
      make: (options, ready) => {
        const limiter = new RateLimiterMongo({ ...options, dbName: connection.name, storeClient: client, tableName: RATE_LIMIT_TABLE })
        ready()
        return limiter
      },
    }),
    warn,
  }
}

/** The store for the database the hub is configured with. */
export const openRateLimitStore = ({ payload, url = databaseSettings().url }: { payload?: Payload; url?: string }): RateLimitStore => {
  const warn: Warn = (details, message) => (payload ? payload.logger.warn(details, message) : console.warn(message, details))
  const kind = databaseKind(url)
  if (kind === 'postgres') return postgresStore({ url, warn })
  if (kind === 'mongodb' && payload) return mongoStore({ payload, warn })
  if (kind === 'sqlite') return sqliteStore({ file: rateLimitFile({ databaseFile: sqliteFile(url) }), warn })
  return memoryStore({ warn })
}
