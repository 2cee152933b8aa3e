import { AsyncLocalStorage } from 'node:async_hooks'

/** How long clients are asked to wait before trying again when the database is busy or unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 10

/** The status a rendered page is answered with instead of 200, e.g. a form kept with what was typed. */
export type PageStatus = { retryAfterSeconds: number; status: 429 | 503 }

export type DatabaseScope = {
  /** The request met a database failure. */
  databaseTrouble: boolean
  /** The page tells the person their form was not sent (unavailable, too many): it is not a 200. */
  pageStatus?: PageStatus
  /** The form was sent back with something to read first, not with errors ("Before you ask"). */
  formWithoutErrors?: boolean
}

// One store per process: the Express server and the Next.js bundle each load their own copy of this module.
const SCOPES_KEY = Symbol.for('diabetes-hub.database-scopes')
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<DatabaseScope> | undefined>
const scopes = (holder[SCOPES_KEY] ??= new AsyncLocalStorage<DatabaseScope>())

/**
 * Runs one HTTP request in a scope that records whether the database let it down (no connection within
 * the pool's queue timeout, or the server unreachable), so the server can answer 503 rather than 500.
 */
export const withDatabaseScope = <T>(run: (scope: DatabaseScope) => T): T => {
  const scope: DatabaseScope = { databaseTrouble: false }
  return scopes.run(scope, () => run(scope))
}

/** Called where a database failure is first seen (the pool, the SQLite write lock). */
export const noteDatabaseTrouble = (): void => {
  const scope = scopes.getStore()
  if (scope) scope.databaseTrouble = true
}

/**
 * A form page rendered to say "not sent, try again later" is answered with this status and Retry-After,
 * though it renders: a form post without JavaScript then gets a 429 or 503 that keeps what was typed.
 */
export const markPageStatus = (pageStatus: PageStatus): void => {
  const scope = scopes.getStore()
  if (scope) scope.pageStatus = pageStatus
}

/** A form post answered with the form again for a reason other than errors: its title is not an error title. */
export const markFormWithoutErrors = (): void => {
  const scope = scopes.getStore()
  if (scope) scope.formWithoutErrors = true
}

export const formWithoutErrorsInScope = (): boolean => scopes.getStore()?.formWithoutErrors ?? false

/** The form could not be saved because the database is unavailable: 503. */
export const markUnavailablePage = (): void => markPageStatus({ retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS, status: 503 })

export const databaseTroubleInScope = (): boolean => scopes.getStore()?.databaseTrouble ?? false

// Errors that say "not now" rather than "never": connection refused or lost, server restarting, pool queue
// timed out, SQLite writer queue timed out. SQLSTATE class 08 is "connection exception".
const CODES = new Set([
  '53300', // too_many_connections
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'ETIMEDOUT',
  'SQLITE_BUSY',
])
// Payload's adapter rethrows a failed BEGIN as a new Error with only the message ("cannot begin transaction:
// connect ECONNREFUSED …", or just "Failed query: begin" when the server ended the session), so the codes are
// looked for in messages too, and a transaction that cannot even begin counts as the database failing.
const MESSAGES =
  /cannot begin transaction|Failed query: (begin|commit|rollback)\b|timeout exceeded when trying to connect|Connection terminated|connection error and is not queryable|terminating connection|server closed the connection unexpectedly|the database system is (starting up|shutting down)|SQLITE_BUSY|database is locked|\b(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|EPIPE|ETIMEDOUT)\b/i
const NAMES = new Set(['MongoNetworkError', 'MongoServerSelectionError', 'MongoNotConnectedError'])

type ErrorLike = { cause?: unknown; code?: unknown; errors?: unknown; message?: unknown; name?: unknown }

/**
 * Does this error (or one it wraps, e.g. in Drizzle's query error) mean the database is busy or unreachable?
 * Within a request whose connection attempts already failed, any server error counts: its own message may
 * say no more than that a hook failed.
 */
export const isDatabaseUnavailable = (error: unknown, depth = 0): boolean => {
  if (!error || typeof error !== 'object' || depth > 6) return false
  const { status } = error as { status?: unknown }
  // A refusal of the input (4xx) stays what it is.
  if (depth === 0 && databaseTroubleInScope() && !(typeof status === 'number' && status < 500)) return true
  const { cause, code, errors, message, name } = error as ErrorLike
  if (typeof code === 'string' && (CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true
  if (typeof name === 'string' && NAMES.has(name)) return true
  if (typeof message === 'string' && MESSAGES.test(message)) return true
  // AggregateError (a connection attempt to several addresses) keeps its parts in `errors`.
  if (Array.isArray(errors) && errors.some((part) => isDatabaseUnavailable(part, depth + 1))) return true
  return isDatabaseUnavailable(cause, depth + 1)
}
