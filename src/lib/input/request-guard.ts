import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { IncomingHttpHeaders } from 'node:http'
import type { Logger } from 'pino'

import { ADMIN, API, FEEDBACK, GRAPHQL_API, ONE_CLICK_UNSUBSCRIBE, PARLIAMENT_IMPORT_API, REDIRECTS_IMPORT_API } from '../routes'
import { IMPORT_MAX_BYTES, JSON_BODY_MAX_BYTES } from './json-body'
import { mediaType } from './media-type'

/** Busboy's ceiling is 25 MB per file (payload.config.ts); a little more for the rest of the form. */
export const UPLOAD_BODY_MAX_BYTES = 26 * 1024 * 1024
/** Site forms (questions, sign-up, feedback, sign-in) are small; Next's own limit for a form post is 1 MB. */
export const FORM_BODY_MAX_BYTES = 1024 * 1024

export type Refusal = { field?: string; message: string; status: 400 | 411 | 413 | 415 }

type Shape = { headers: IncomingHttpHeaders; method: string; url: string }

const CONTROL = /[\u0000-\u001F\u007F]/
const FORM = 'application/x-www-form-urlencoded'

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

const addressProblem = ({ url }: { url: string }): null | Refusal => {
  const [path = '', query = ''] = url.split(/\?(.*)/s)
  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  } catch {
    return { message: 'The address is not valid: it has a broken percent-encoding.', status: 400 }
  }
  if (CONTROL.test(decoded)) return { message: 'The address must not contain control characters.', status: 400 }
  if (/%00/i.test(query)) return { message: 'The query string must not contain a NUL character.', status: 400 }
  if (!path.startsWith(`${API}/`)) return null
  // Payload parses these two as JSON and would answer a 500 for anything else.
  const params = new URLSearchParams(query)
  for (const field of ['where', 'data']) {
    const values = params.getAll(field)
    if (values.length !== 1 || !values[0]) continue
    try {
      const parsed = JSON.parse(values[0]) as unknown
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        return { field, message: `${field} must be a JSON object.`, status: 400 }
    } catch {
      return { field, message: `${field} is not valid JSON.`, status: 400 }
    }
  }
  return null
}

export const CSV_BODY_MAX_BYTES = 1024 * 1024

/** Which bodies each part of the site reads, and how large; null where the guard leaves bodies to Next. */
const bodyRule = ({ headers, path }: { headers: IncomingHttpHeaders; path: string }): null | { max: Record<string, number> } => {
  if (path === GRAPHQL_API) return { max: { 'application/json': JSON_BODY_MAX_BYTES } }
  if (path.startsWith(`${API}/`)) {
    const json = path === PARLIAMENT_IMPORT_API ? IMPORT_MAX_BYTES : JSON_BODY_MAX_BYTES
    // Forms only where Payload reads them: a GET sent as POST (the admin's relationship lists) and RFC 8058 one-click unsubscribe.
    const forms =
      path === ONE_CLICK_UNSUBSCRIBE ||
      /^get$/i.test(header(headers, 'x-payload-http-method-override') ?? header(headers, 'x-http-method-override') ?? '')
    // A list of redirects is sent as the CSV file it is.
    const csv: Record<string, number> = path === REDIRECTS_IMPORT_API ? { 'text/csv': CSV_BODY_MAX_BYTES } : {}
    return {
      max: {
        'application/json': json,
        'multipart/form-data': UPLOAD_BODY_MAX_BYTES,
        ...(forms ? { [FORM]: FORM_BODY_MAX_BYTES } : {}),
        ...csv,
      },
    }
  }
  if (path === FEEDBACK)
    return { max: { 'application/json': FORM_BODY_MAX_BYTES, 'multipart/form-data': FORM_BODY_MAX_BYTES, [FORM]: FORM_BODY_MAX_BYTES } }
  return null
}

const bodyProblem = ({ headers, method, url }: Shape): null | Refusal => {
  const length = header(headers, 'content-length')
  const chunked = header(headers, 'transfer-encoding') !== undefined
  if (!chunked && (length === undefined || Number(length) === 0)) return null
  if (!['PATCH', 'POST', 'PUT'].includes(method)) return null
  const path = url.split('?')[0]!
  if (path.startsWith(ADMIN)) return null
  const rule = bodyRule({ headers, path })
  const type = mediaType(header(headers, 'content-type'))
  const max = rule ? rule.max[type] : FORM_BODY_MAX_BYTES
  if (max === undefined) {
    const accepted = Object.keys(rule!.max).join(' or ')
    return { field: 'body', message: `This address takes ${accepted} bodies, not ${type || 'a body without a Content-Type'}.`, status: 415 }
  }
  if (type === 'multipart/form-data' && !/;\s*boundary=/i.test(header(headers, 'content-type') ?? '')) {
    return { field: 'body', message: 'A multipart/form-data body needs a boundary parameter.', status: 400 }
  }
  if (length !== undefined && Number(length) > max)
    return { field: 'body', message: `The body is larger than ${Math.round(max / 1024)} KB.`, status: 413 }
  // Without a length the size is known only once read; uploads are counted by Payload as they stream.
  if (length === undefined && rule && type !== 'multipart/form-data')
    return { field: 'body', message: 'Send the body with a Content-Length.', status: 411 }
  return null
}

/** What is wrong with a request before anything reads it, or null. */
export const requestProblem = (shape: Shape): null | Refusal => addressProblem(shape) ?? bodyProblem(shape)

const answer = ({ problem, res, url }: { problem: Refusal; res: Parameters<RequestHandler>[1]; url: string }) => {
  res.status(problem.status).setHeader('Cache-Control', 'no-store')
  if (url.startsWith(`${API}/`) || url === FEEDBACK) {
    res.json({ errors: [{ ...(problem.field ? { field: problem.field } : {}), message: problem.message }] })
  } else {
    res.type('text/plain; charset=utf-8').send(`${problem.message}\n`)
  }
}

/**
 * Refuses, before Payload or Next sees them, requests whose shape alone is wrong: an address with broken
 * percent-encoding or control characters (`/%E0%A4%A`, `/care-areas/%ff%fe`, a NUL), a `where` that is not
 * JSON, a body of a type the address does not read (415), too large (413) or without a length where one is
 * needed (411). Bodies are not read here: only headers and the address. The media type is passed on in lower
 * case, because Payload recognises `application/json` only when spelt so.
 */
export const refuseMalformedRequests = (): RequestHandler => (req, res, next) => {
  const problem = requestProblem({ headers: req.headers, method: req.method, url: req.originalUrl })
  if (problem) {
    answer({ problem, res, url: req.originalUrl })
    return
  }
  const contentType = req.headers['content-type']
  if (contentType) req.headers['content-type'] = contentType.replace(/^[^;]+/, (type) => type.trim().toLowerCase())
  next()
}

/**
 * The last Express handler: an error passed on by a middleware (e.g. a static file path that cannot be
 * decoded) is answered with its own 4xx and logged as one line; anything else is a 500, logged with its stack.
 */
export const answerErrors =
  ({ logger }: { logger: Logger }): ErrorRequestHandler =>
  (error, req, res, next) => {
    if (res.headersSent) return next(error)
    const status = (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode
    if (typeof status === 'number' && status >= 400 && status < 500) {
      logger.info({ msg: `Refused (${status}): ${(error as Error).message}`, path: req.path, status })
      res
        .status(status)
        .type('text/plain; charset=utf-8')
        .send(status === 404 ? 'Not found\n' : 'Bad request\n')
      return
    }
    logger.error({ err: error, msg: 'Request failed', path: req.path })
    res.status(500).type('text/plain; charset=utf-8').send('Sorry, there is a problem with the service.\n')
  }
