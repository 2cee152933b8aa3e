import config from '@payload-config'
import { headers } from 'next/headers'
import { getPayload } from 'payload'

import type { User } from '@/payload-types'

import { submitFeedback } from '@/lib/feedback/submit'
import { safeReturnPath } from '@/lib/site/urls'

/**
 * "Was this page useful?" posts. A form post (no JavaScript) is answered with a redirect back to the page;
 * a JSON post gets JSON with the field named on errors.
 */
export const POST = async (request: Request) => {
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: await headers() })
  const isJson = (request.headers.get('content-type') ?? '').includes('application/json')
  const input = isJson
    ? ((await request.json().catch(() => ({}))) as Record<string, unknown>)
    : Object.fromEntries((await request.formData().catch(() => new FormData())).entries())
  const result = await submitFeedback({ input, payload, user: (user as null | User) ?? null })
  if (isJson) {
    return result.ok
      ? Response.json({ stored: result.stored }, { status: 201 })
      : Response.json({ errors: [{ field: result.field, message: result.message }] }, { status: result.status })
  }
  const returnTo = safeReturnPath(input.returnTo)
  const status = result.ok ? 'thanks' : 'error'
  return new Response(null, { headers: { location: `${returnTo}?feedback=${status}#feedback` }, status: 303 })
}
