import config from '@payload-config'
import { headers } from 'next/headers'
import { getPayload } from 'payload'

import type { KeptField } from '@/lib/http/unavailable-page'
import type { User } from '@/payload-types'

import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '@/lib/db/availability'
import { submitFeedback } from '@/lib/feedback/submit'
import { CLIENT_IP_HEADER } from '@/lib/http/client-ip'
import { keptFormPage, unavailableFormPage } from '@/lib/http/unavailable-page'
import { safeReturnPath } from '@/lib/site/urls'

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '')

const keptFields = ({ input }: { input: Record<string, unknown> }): KeptField[] => [
  { hidden: true, name: 'page', value: text(input.page) },
  { hidden: true, name: 'returnTo', value: safeReturnPath(input.returnTo) },
  { hidden: true, name: 'useful', value: input.useful === 'yes' || input.useful === 'no' ? input.useful : '' },
  { label: 'Your comment (optional)', multiline: true, name: 'comment', value: text(input.comment) },
]

/** Over a limit: 429 with Retry-After, and (without JavaScript) the same answer ready to send later. */
const tooMany = ({ input, isJson, message, retryAfterSeconds }: { input: Record<string, unknown>; isJson: boolean; message: string; retryAfterSeconds: number }) =>
  isJson
    ? Response.json({ errors: [{ message }] }, { headers: { 'retry-after': String(retryAfterSeconds) }, status: 429 })
    : keptFormPage({
        action: '/feedback',
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
    : unavailableFormPage({ action: '/feedback', fields: keptFields({ input }), what: 'feedback' })

/**
 * "Was this page useful?" posts. A form post (no JavaScript) is answered with a redirect back to the page;
 * a JSON post gets JSON with the field named on errors.
 */
export const POST = async (request: Request) => {
  const payload = await getPayload({ config })
  const isJson = (request.headers.get('content-type') ?? '').includes('application/json')
  const input = isJson
    ? ((await request.json().catch(() => ({}))) as Record<string, unknown>)
    : Object.fromEntries((await request.formData().catch(() => new FormData())).entries())
  let result: Awaited<ReturnType<typeof submitFeedback>>
  try {
    const requestHeaders = await headers()
    const { user } = await payload.auth({ headers: requestHeaders })
    const ip = requestHeaders.get(CLIENT_IP_HEADER) ?? 'unknown'
    result = await submitFeedback({ input, ip, payload, user: (user as null | User) ?? null })
  } catch (error) {
    if (isDatabaseUnavailable(error)) return unavailable({ input, isJson })
    throw error
  }
  if (!result.ok && result.status === 429) return tooMany({ input, isJson, message: result.message, retryAfterSeconds: result.retryAfterSeconds })
  if (isJson) {
    return result.ok
      ? Response.json({ stored: result.stored }, { status: 201 })
      : Response.json({ errors: [{ field: result.field, message: result.message }] }, { status: result.status })
  }
  const returnTo = safeReturnPath(input.returnTo)
  const status = result.ok ? 'thanks' : 'error'
  return new Response(null, { headers: { location: `${returnTo}?feedback=${status}#feedback` }, status: 303 })
}
