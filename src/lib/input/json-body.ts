import { mediaType } from './media-type'

/** The largest JSON body the API reads (a parliamentary questions file is allowed more: see request-guard). */
export const JSON_BODY_MAX_BYTES = 2 * 1024 * 1024

export type FieldError = { field: string; message: string }

export type JsonBody<T> = { body: T; ok: true } | { error: FieldError; ok: false; status: 400 | 413 | 415 }

type BodySource = { headers: Headers; text?: () => Promise<string> }

const refuse = (status: 400 | 413 | 415, message: string) => ({ error: { field: 'body', message }, ok: false as const, status })

/**
 * A request body that must be JSON: 415 when it is sent as anything but application/json (text/plain and
 * forms included, even when they hold JSON), 413 when larger than `maxBytes`, 400 when it does not parse.
 * The error names the `body`.
 */
export const readJsonBody = async ({
  maxBytes = JSON_BODY_MAX_BYTES,
  request,
}: {
  maxBytes?: number
  request: BodySource
}): Promise<JsonBody<unknown>> => {
  if (mediaType(request.headers.get('content-type')) !== 'application/json')
    return refuse(415, 'Send JSON (Content-Type: application/json).')
  const tooLarge = refuse(413, `The body is larger than ${Math.round(maxBytes / 1024)} KB.`)
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return tooLarge
  const text = (await request.text?.()) ?? ''
  if (Buffer.byteLength(text) > maxBytes) return tooLarge
  try {
    return { body: JSON.parse(text) as unknown, ok: true }
  } catch {
    return refuse(400, 'The body is not valid JSON.')
  }
}

/** As readJsonBody, and the JSON must be one object (400 for an array or a single value). */
export const readJsonObject = async (args: { maxBytes?: number; request: BodySource }): Promise<JsonBody<Record<string, unknown>>> => {
  const read = await readJsonBody(args)
  if (!read.ok) return read
  if (!read.body || typeof read.body !== 'object' || Array.isArray(read.body))
    return refuse(400, 'Send one JSON object, not an array or a single value.')
  return { body: read.body as Record<string, unknown>, ok: true }
}

/** The refusal above as an API answer. */
export const jsonBodyRefusal = ({ error, status }: { error: FieldError; status: number }): Response =>
  Response.json({ errors: [error] }, { status })

/** A saved Parliament written-questions file may be larger than other JSON bodies. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024
