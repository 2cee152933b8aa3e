import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** Where the hub keeps local state (SQLite file, generated secret, outbox). */
export const dataDir = (): string => path.resolve(process.env.DATA_DIR || path.join(process.cwd(), 'data'))

/** Where uploaded files live (documents/, images/); tests point it at a temporary directory. */
export const mediaDir = (): string => path.resolve(process.env.MEDIA_DIR || path.join(process.cwd(), 'media'))

const envInt = ({ name, fallback }: { name: string; fallback: number }): number => {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`)
  }
  return value
}

export const serverSettings = () => ({
  // /healthz fails when the database pool or SQLite's writer queue has been stuck this long.
  livenessLimitMs: envInt({ name: 'LIVENESS_WEDGE_MS', fallback: 30_000 }),
  host: process.env.HOST || '127.0.0.1',
  port: envInt({ name: 'PORT', fallback: 3000 }),
  shutdownTimeoutMs: envInt({ name: 'SHUTDOWN_TIMEOUT_MS', fallback: 25_000 }),
  // Number of proxy hops to trust for X-Forwarded-* (TLS detection for HSTS).
  trustProxy: envInt({ name: 'TRUST_PROXY', fallback: 0 }),
})

export const databaseSettings = () => ({
  url: process.env.DATABASE_URL || '',
  poolMax: envInt({ name: 'DATABASE_POOL_MAX', fallback: 10 }),
  // How long a request waits for a free PostgreSQL connection before it is answered 503 (Retry-After).
  poolTimeoutMs: envInt({ name: 'DATABASE_POOL_TIMEOUT_MS', fallback: 5_000 }),
  // A transaction left open this long with nothing running is ended by PostgreSQL itself.
  idleInTransactionMs: envInt({ name: 'DATABASE_IDLE_IN_TRANSACTION_MS', fallback: 60_000 }),
  sqliteBusyTimeoutMs: envInt({ name: 'SQLITE_BUSY_TIMEOUT_MS', fallback: 5_000 }),
})

/** In-process job runner unless JOBS_AUTORUN=false (web instances behind a separate worker). */
export const jobsAutoRun = (): boolean => process.env.JOBS_AUTORUN !== 'false'

/**
 * PAYLOAD_SECRET signs sessions. When unset (single-machine use) one is generated once and kept in
 * the data directory, so restarts keep people logged in and no fixed secret ships with the code.
 */
export const payloadSecret = (): string => {
  if (process.env.PAYLOAD_SECRET) return process.env.PAYLOAD_SECRET
  const file = path.join(dataDir(), 'secret.key')
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const secret = randomBytes(32).toString('hex')
    try {
      fs.writeFileSync(file, secret, { flag: 'wx', mode: 0o600 })
      return secret
    } catch {
      // Another process created it first: use theirs.
      return fs.readFileSync(file, 'utf8').trim()
    }
  }
}

export const serverURL = (): string => process.env.PUBLIC_URL || ''

/**
 * Payload's logger: JSON lines in production or when LOG_LEVEL is set (matching the request log),
 * Payload's readable default in development.
 */
export const payloadLogger = () =>
  process.env.NODE_ENV === 'production' || process.env.LOG_LEVEL
    ? { options: { level: process.env.LOG_LEVEL || 'info' } }
    : undefined
