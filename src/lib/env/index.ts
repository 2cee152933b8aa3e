import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { env } from './parse'

export { env, exitOnInvalidEnvironment, isInvalidEnvironment, parseEnvironment } from './parse'
export type { Env, EnvName } from './schema'

/** Where the hub keeps local state (SQLite file, generated secret, outbox). */
export const dataDir = (): string => path.resolve(env().DATA_DIR || path.join(process.cwd(), 'data'))

/** Where uploaded files live (documents/, images/); tests point it at a temporary directory. */
export const mediaDir = (): string => path.resolve(env().MEDIA_DIR || path.join(process.cwd(), 'media'))

export const serverSettings = () => {
  const { HOST, LIVENESS_WEDGE_MS, PORT, SHUTDOWN_TIMEOUT_MS, TRUST_PROXY } = env()
  return {
    // /healthz fails when the database pool or SQLite's writer queue has been stuck this long.
    livenessLimitMs: LIVENESS_WEDGE_MS,
    host: HOST,
    port: PORT,
    shutdownTimeoutMs: SHUTDOWN_TIMEOUT_MS,
    // Number of proxy hops to trust for X-Forwarded-* (TLS detection for HSTS).
    trustProxy: TRUST_PROXY,
  }
}

export const databaseSettings = () => {
  const settings = env()
  return {
    url: settings.DATABASE_URL ?? '',
    poolMax: settings.DATABASE_POOL_MAX,
    // How long a request waits for a free PostgreSQL connection before it is answered 503 (Retry-After).
    poolTimeoutMs: settings.DATABASE_POOL_TIMEOUT_MS,
    // A transaction left open this long with nothing running is ended by PostgreSQL itself.
    idleInTransactionMs: settings.DATABASE_IDLE_IN_TRANSACTION_MS,
    sqliteBusyTimeoutMs: settings.SQLITE_BUSY_TIMEOUT_MS,
  }
}

/** In-process job runner unless JOBS_AUTORUN=false (web instances behind a separate worker). */
export const jobsAutoRun = (): boolean => env().JOBS_AUTORUN

/**
 * PAYLOAD_SECRET signs sessions. When unset (single-machine use) one is generated once and kept in
 * the data directory, so restarts keep people logged in and no fixed secret ships with the code.
 */
export const payloadSecret = (): string => {
  const given = env().PAYLOAD_SECRET
  if (given) return given
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

export const serverURL = (): string => env().PUBLIC_URL ?? ''

/**
 * Payload's logger: JSON lines in production or when LOG_LEVEL is set (matching the request log),
 * Payload's readable default in development.
 */
export const payloadLogger = () => {
  const { LOG_LEVEL, NODE_ENV } = env()
  return NODE_ENV === 'production' || LOG_LEVEL ? { options: { level: LOG_LEVEL ?? 'info' } } : undefined
}

/** The level of the server's own logs (requests, start-up). */
export const logLevel = (): string => env().LOG_LEVEL ?? 'info'
