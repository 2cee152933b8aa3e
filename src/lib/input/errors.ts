import type { DestinationStream, Logger, LoggerOptions } from 'pino'
import type { AfterErrorHook } from 'payload'

import { defaultLoggerOptions } from 'payload'

export type InputFault = { message: string; status: 400 }

// Busboy's own words for a multipart body that ends early or is not multipart at all.
const MULTIPART =
  /^(Unexpected end of (form|file)|Malformed part header|Malformed urlencoded form|Multipart: Boundary not found|Malformed content type)$/
// The SQLite driver refuses NaN, Infinity and oversized integers before the query runs, and a where value
// Payload could not convert (a date that is not one) reaches it as undefined.
const SQLITE_NUMBER = /^(Only finite numbers \(not Infinity or NaN\) can be passed|bigint is too large)/
const SQLITE_UNDEFINED = /^undefined cannot be passed as argument to the database$/

type ErrorLike = {
  cause?: unknown
  code?: unknown
  message?: unknown
  name?: unknown
  originalError?: unknown
  params?: unknown
  query?: unknown
  stack?: unknown
}

const databaseValueFault = (cause: ErrorLike): InputFault | null => {
  const code = typeof cause.code === 'string' ? cause.code : ''
  // SQLSTATE class 22 is "data exception": the value given, not the server, is at fault.
  if (code === '22021' || code === '22P05') return { message: 'Text must not include a NUL character.', status: 400 }
  if (code === '22003') return { message: 'A number in the request is out of range.', status: 400 }
  if (code === '22007' || code === '22008') return { message: 'A date in the request is not valid.', status: 400 }
  if (code === '22P02')
    return { message: 'A value in the request is not valid for its field (for example, text where a number belongs).', status: 400 }
  if (code.startsWith('22')) return { message: 'A value in the request cannot be stored in its field.', status: 400 }
  if (cause instanceof RangeError && SQLITE_NUMBER.test(String(cause.message)))
    return { message: 'A number in the request is out of range.', status: 400 }
  if (cause instanceof TypeError && SQLITE_UNDEFINED.test(String(cause.message)))
    return { message: 'A value in the request is not valid for its field.', status: 400 }
  // A relationship to a document that does not exist (Payload checks the id's form, not that it exists).
  if (code === '23503' || /^FOREIGN KEY constraint failed$/.test(String(cause.message)))
    return { message: 'A related document in the request does not exist.', status: 400 }
  return null
}

/**
 * Errors that are the request's fault, not the server's, although Payload meets them as plain errors and
 * would answer 500: a query parameter that is not JSON, an operator the field type cannot take, a multipart
 * body cut short, a value the database refuses for its column type. Null for anything else.
 */
export const inputFault = (error: unknown): InputFault | null => {
  if (!error || typeof error !== 'object') return null
  const { cause, message, originalError, params, query } = error as ErrorLike
  // GraphQL wraps what a resolver threw.
  if (originalError && originalError !== error) return inputFault(originalError)
  const text = typeof message === 'string' ? message : ''
  if (error instanceof SyntaxError && /JSON/.test(text))
    return { message: 'A part of the request that must be JSON (where, data or _payload) is not valid JSON.', status: 400 }
  if (error instanceof TypeError && /^adapter\.operators\[.*\] is not a function$/.test(text)) {
    return { message: 'That where operator cannot be used on this field.', status: 400 }
  }
  if ((error as ErrorLike).name === 'Error' && MULTIPART.test(text))
    return { message: 'The upload is incomplete or is not valid multipart/form-data.', status: 400 }
  // Drizzle's query error carries the query and the driver's error as its cause.
  if (typeof query === 'string' && params !== undefined && cause && typeof cause === 'object') return databaseValueFault(cause as ErrorLike)
  return databaseValueFault(error as ErrorLike)
}

/**
 * Payload's API: the faults above are answered 400 with what was wrong, never the query or a stack; in
 * GraphQL the error's status says 400 too. Everything else is left as Payload answers it.
 */
export const answerInputFault: AfterErrorHook = ({ error, graphqlResult }) => {
  const fault = inputFault(error)
  if (!fault) return
  if (graphqlResult) {
    return {
      graphqlResult: {
        ...graphqlResult,
        extensions: { ...graphqlResult.extensions, name: 'InputFault', statusCode: fault.status },
        message: fault.message,
      },
    }
  }
  return { response: { errors: [{ message: fault.message }] }, status: fault.status }
}

/** The status of a refusal Payload raised itself (ValidationError, Forbidden, 429…), read through GraphQL's wrapper. */
const refusalStatus = (error: unknown): null | number => {
  const { originalError, status } = (error ?? {}) as { originalError?: unknown; status?: unknown }
  if (typeof status === 'number') return status >= 400 && status < 500 ? status : null
  return originalError && originalError !== error ? refusalStatus(originalError) : null
}

/**
 * Payload logs a request's error before any hook can answer it, at error level with its stack unless
 * `loggingLevels` names its class, and the classes above have no name of their own. A refused request is
 * expected traffic: it is logged as one line with its status and message (no stack, no query, no values),
 * at info, or at the lower level `loggingLevels` gives its class. (A function, not an arrow: pino passes the
 * logger as `this`.)
 */
function logRefusalsBriefly(this: Logger, args: unknown[], method: (...args: unknown[]) => void, level: number) {
  const first = args[0] as { err?: unknown } | undefined
  const error = first instanceof Error ? first : first && typeof first === 'object' ? first.err : undefined
  if (error) {
    const fault = inputFault(error)
    if (fault) return this.info({ msg: `Refused (${fault.status}): ${fault.message}`, status: fault.status })
    const status = refusalStatus(error)
    // GraphQL reports every error under its own class name, so Payload logs its refusals at error level too.
    if (status) return (level >= 50 ? this.info : method).call(this, { msg: `Refused (${status}): ${(error as Error).message}`, status })
  }
  return method.apply(this, args)
}

type LoggerSetting = { destination?: DestinationStream; options: LoggerOptions }

/** Payload's logger setting (JSON options, or undefined for Payload's readable default) with the rule above. */
export const withBriefRefusals = (setting: LoggerSetting | undefined): LoggerSetting => ({
  destination: setting ? setting.destination : (defaultLoggerOptions as unknown as DestinationStream),
  options: { ...setting?.options, hooks: { ...setting?.options.hooks, logMethod: logRefusalsBriefly as never } },
})

/** Refusals are expected traffic, not faults: Payload logs them below error, keeping the error log for faults. */
export const LOGGING_LEVELS = {
  APIError: 'warn',
  AuthenticationError: 'info',
  Forbidden: 'info',
  LockedAuth: 'info',
  NotFound: 'info',
  QueryError: 'info',
  ValidationError: 'info',
} as const
