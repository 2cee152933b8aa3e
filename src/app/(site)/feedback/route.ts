import config from '@payload-config'
import { getPayload } from 'payload'

import type { KeptField } from '@/lib/http/unavailable-page'
import type { User } from '@/payload-types'

import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '@/lib/db/availability'
import { COMMENT_LABEL, FEEDBACK_QUESTION, USEFUL_ERROR, USEFUL_FIRST_ID, USEFUL_OPTIONS } from '@/lib/feedback/form'
import { submitFeedback } from '@/lib/feedback/submit'
import { CLIENT_IP_HEADER } from '@/lib/http/client-ip'
import { keptFormPage, unavailableFormPage } from '@/lib/http/unavailable-page'
import { invalidFormPage } from '@/lib/input/form-page'
import { jsonBodyRefusal, readJsonObject } from '@/lib/input/json-body'
import { mediaType } from '@/lib/input/media-type'
import { FEEDBACK } from '@/lib/routes'
import { safeReturnPath } from '@/lib/site/urls'

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '')

const keptFields = ({ input }: { input: Record<string, unknown> }): KeptField[] => [
  { hidden: true, name: 'page', value: text(input.page) },
  { hidden: true, name: 'answer', value: text(input.answer) },
  { hidden: true, name: 'sitePage', value: text(input.sitePage) },
  { hidden: true, name: 'returnTo', value: safeReturnPath(input.returnTo) },
  { hidden: true, name: 'useful', value: input.useful === 'yes' || input.useful === 'no' ? input.useful : '' },
  { label: 'Your comment (optional)', multiline: true, name: 'comment', value: text(input.comment) },
]

/** The form again to correct: the question itself, with the answer and comment as sent. */
const correctableFields = ({ input }: { input: Record<string, unknown> }): KeptField[] =>
  keptFields({ input }).map((kept) =>
    kept.name === 'useful'
      ? { legend: FEEDBACK_QUESTION, name: 'useful', options: USEFUL_OPTIONS, pageHeading: true, value: kept.value }
      : kept.name === 'comment'
        ? { ...kept, label: COMMENT_LABEL }
        : kept,
  )

/** Over a limit: 429 with Retry-After, and (without JavaScript) the same answer ready to send later. */
const tooMany = ({
  input,
  isJson,
  message,
  retryAfterSeconds,
}: {
  input: Record<string, unknown>
  isJson: boolean
  message: string
  retryAfterSeconds: number
}) =>
  isJson
    ? Response.json({ errors: [{ message }] }, { headers: { 'retry-after': String(retryAfterSeconds) }, status: 429 })
    : keptFormPage({
        action: FEEDBACK,
        explanation: `Your feedback has not been sent. ${message}`,
        fields: keptFields({ input }),
        heading: 'Your feedback has not been sent',
        retryAfterSeconds,
        status: 429,
      })

/** The feedback could not be stored: 503, and the same answer ready to send again. */
const unavailable = ({ input, isJson }: { input: Record<string, unknown>; isJson: boolean }) =>
  isJson
    ? Response.json(
        { errors: [{ message: 'The service is busy or briefly unavailable. Nothing was saved. Please try again in a minute.' }] },
        { headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) }, status: 503 },
      )
    : unavailableFormPage({ action: FEEDBACK, fields: keptFields({ input }), what: 'feedback' })

const FORMS = new Set(['application/x-www-form-urlencoded', 'multipart/form-data'])

/**
 * "Was this page useful?" posts. A form post (no JavaScript) is answered with a redirect back to the page,
 * or, when neither yes nor no was chosen or the comment cannot be accepted, the form again with the inline
 * error and the comment as typed; a JSON post gets JSON
 * with the field named on errors. Any other body is a 415.
 */
export const POST = async (request: Request) => {
  const type = mediaType(request.headers.get('content-type'))
  const isJson = type === 'application/json'
  if (!isJson && !FORMS.has(type)) {
    return Response.json(
      { errors: [{ field: 'body', message: 'Send the form, or JSON (Content-Type: application/json).' }] },
      { status: 415 },
    )
  }
  let input: Record<string, unknown>
  if (isJson) {
    const read = await readJsonObject({ request })
    if (!read.ok) return jsonBodyRefusal(read)
    input = read.body
  } else {
    const form = await request.formData().catch(() => null)
    if (!form) return Response.json({ errors: [{ field: 'body', message: 'The form data is not valid.' }] }, { status: 400 })
    input = Object.fromEntries(form.entries())
  }
  const payload = await getPayload({ config })
  let result: Awaited<ReturnType<typeof submitFeedback>>
  try {
    const { user } = await payload.auth({ headers: request.headers })
    const ip = request.headers.get(CLIENT_IP_HEADER) ?? 'unknown'
    result = await submitFeedback({ input, ip, payload, user: (user as null | User) ?? null })
  } catch (error) {
    if (isDatabaseUnavailable(error)) return unavailable({ input, isJson })
    throw error
  }
  if (!result.ok && result.status === 429)
    return tooMany({ input, isJson, message: result.message, retryAfterSeconds: result.retryAfterSeconds })
  if (isJson) {
    return result.ok
      ? Response.json({ stored: result.stored }, { status: 201 })
      : Response.json({ errors: [{ field: result.field, message: result.message }] }, { status: result.status })
  }
  if (!result.ok && (result.field === 'comment' || result.field === 'useful')) {
    return invalidFormPage({
      action: FEEDBACK,
      errors: [
        result.field === 'useful' ? { field: USEFUL_FIRST_ID, message: USEFUL_ERROR } : { field: 'comment', message: result.message },
      ],
      fields: correctableFields({ input }),
      title: FEEDBACK_QUESTION,
    })
  }
  const returnTo = safeReturnPath(input.returnTo)
  const status = result.ok ? 'thanks' : 'error'
  return new Response(null, { headers: { location: `${returnTo}?feedback=${status}#feedback` }, status: 303 })
}
