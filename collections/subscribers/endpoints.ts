import type { Endpoint, PayloadRequest } from 'payload'

import { ADMINS, canManageNewsletter, hasRole } from '../../src/lib/access'
import { CLIENT_IP_HEADER } from '../../src/lib/http/client-ip'
import { acceptSubmission, beginSubmission, TOO_MANY_REFUSED, waitText } from '../../src/lib/http/submission-limits'
import { readJsonObject } from '../../src/lib/input/json-body'
import { CONSENT_SOURCES, CURRENT_WORDING } from '../../src/lib/newsletter/consent'
import { SIGNUP_LIMITED, signupsPerAddress } from '../../src/lib/newsletter/rate-limit'
import { eraseSubscriber, exportSubscriber } from '../../src/lib/newsletter/subscriber-rights'
import { subscriberForToken } from '../../src/lib/newsletter/subscriber-token'
import { validateSignup } from '../../src/lib/newsletter/subscription-input'
import { confirmSubscription, requestSubscription, unsubscribe, updatePreferences } from '../../src/lib/newsletter/subscription-lifecycle'
import { orderedTopics } from '../../src/lib/newsletter/topics'
import { validateEmail } from '../../src/lib/questions/validate'
import {
  NEWSLETTER,
  NEWSLETTER_CONFIRM,
  NEWSLETTER_UNSUBSCRIBE,
  ONE_CLICK_UNSUBSCRIBE,
  signedLinkPath,
  SUBSCRIBER_PREFERENCES_API,
} from '../../src/lib/routes'
import { safeReturnPath } from '../../src/lib/site/urls'

// Nothing about a subscription is kept by a browser or a shared cache.
const PRIVATE = { 'cache-control': 'private, no-store' }

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { headers: { ...PRIVATE, ...headers }, status })

const fieldErrors = (errors: { field: string; message: string }[], status = 400) => json({ errors }, status)

const TOKEN_MESSAGES = {
  expired: 'This link has expired. Sign up again to get a new one.',
  invalid: 'This link is not valid. Check you copied all of it, or use the link in your most recent email.',
} as const

const tokenError = (reason: keyof typeof TOKEN_MESSAGES) => fieldErrors([{ field: 'token', message: TOKEN_MESSAGES[reason] }])

const tooMany = ({ message, retryAfterSeconds }: { message: string; retryAfterSeconds: number }) =>
  json({ errors: [{ message: `${message} Please wait ${waitText({ retryAfterSeconds })} and try again.` }] }, 429, {
    'retry-after': String(retryAfterSeconds),
  })

/** The JSON object a request sends, or the answer refusing it (415, 413 or 400 naming the body). */
const readJson = async (req: PayloadRequest): Promise<{ body: Record<string, unknown> } | { refusal: Response }> => {
  const read = await readJsonObject({ request: req as Request })
  return read.ok ? { body: read.body } : { refusal: fieldErrors([read.error], read.status) }
}

/**
 * POST /api/subscribers/signup { email, topics: [...], sourcePath?, website? }: asks for a confirmation
 * email. 202 whatever the address's state (the answer never reveals who is subscribed), 400 naming the
 * field, 429 when one address sends too many sign-ups, or too many that fail. Only accepted sign-ups count
 * against the address's limit.
 */
const signup: Endpoint = {
  handler: async (req) => {
    const ip = req.headers.get(CLIENT_IP_HEADER) ?? 'unknown'
    const attempt = await beginSubmission({ ip })
    if (!attempt.allowed) return tooMany({ message: TOO_MANY_REFUSED, retryAfterSeconds: attempt.retryAfterSeconds })
    const read = await readJson(req)
    if ('refusal' in read) return read.refusal
    const { body } = read
    if (typeof body.website === 'string' && body.website.trim())
      return fieldErrors([{ field: 'website', message: 'Your sign-up could not be accepted.' }])
    const errors = validateSignup({ email: body.email, topics: body.topics })
    if (errors.length) return fieldErrors(errors)
    const slot = await acceptSubmission({ ip, slots: [{ key: ip, limiter: signupsPerAddress }] })
    if (!slot.allowed) return tooMany({ message: SIGNUP_LIMITED, retryAfterSeconds: slot.retryAfterSeconds })
    await requestSubscription({
      email: String(body.email),
      payload: req.payload,
      source: safeReturnPath(body.sourcePath, NEWSLETTER),
      topics: orderedTopics(body.topics),
      wording: CURRENT_WORDING.signup,
    })
    return json({ message: 'Check your email: we have sent a link to confirm your subscription.' }, 202)
  },
  method: 'post',
  path: '/signup',
}

/** POST /api/subscribers/confirm { token }: the confirmation link's action. */
const confirm: Endpoint = {
  handler: async (req) => {
    const read = await readJson(req)
    if ('refusal' in read) return read.refusal
    const result = await confirmSubscription({ payload: req.payload, source: NEWSLETTER_CONFIRM, token: read.body.token })
    if (!result.ok) return tokenError(result.reason)
    return json({ status: 'confirmed', topics: result.subscriber.topics ?? [] })
  },
  method: 'post',
  path: '/confirm',
}

/**
 * The List-Unsubscribe address. POST is RFC 8058 one-click: mail programs send `List-Unsubscribe=One-Click`
 * with no cookies, so only the signed token is checked. GET (a person following the address) shows the
 * unsubscribe page instead: link checkers that fetch every address must not unsubscribe anyone.
 */
const unsubscribeOneClick: Endpoint = {
  handler: async (req) => {
    const body = (await req.text?.().catch(() => '')) ?? ''
    const form = new URLSearchParams(body)
    const token = req.searchParams.get('token') ?? form.get('token')
    const oneClick = form.get('List-Unsubscribe') === 'One-Click'
    const result = await unsubscribe({
      payload: req.payload,
      source: oneClick ? CONSENT_SOURCES.listUnsubscribe : ONE_CLICK_UNSUBSCRIBE,
      token,
    })
    if (!result.ok) return tokenError(result.reason)
    return json({ status: 'unsubscribed' })
  },
  method: 'post',
  path: '/unsubscribe',
}

const unsubscribePage: Endpoint = {
  handler: (req) =>
    new Response(null, {
      headers: { ...PRIVATE, location: signedLinkPath({ path: NEWSLETTER_UNSUBSCRIBE, token: req.searchParams.get('token') ?? '' }) },
      status: 303,
    }),
  method: 'get',
  path: '/unsubscribe',
}

/** GET /api/subscribers/preferences?token=…: the subscription a manage link is for. */
const readPreferences: Endpoint = {
  handler: async (req) => {
    const found = await subscriberForToken({ payload: req.payload, purposes: ['manage'], token: req.searchParams.get('token') })
    if (!found.ok) return tokenError(found.reason)
    const { email, status, topics } = found.subscriber
    return json({ email, status, topics: topics ?? [] })
  },
  method: 'get',
  path: '/preferences',
}

/** POST /api/subscribers/preferences { token, topics }: a confirmed subscriber's new topics. */
const savePreferences: Endpoint = {
  handler: async (req) => {
    const read = await readJson(req)
    if ('refusal' in read) return read.refusal
    const result = await updatePreferences({
      payload: req.payload,
      source: SUBSCRIBER_PREFERENCES_API,
      token: read.body.token,
      topics: read.body.topics,
      wording: CURRENT_WORDING.preferences,
    })
    if (result.ok) return json({ status: result.subscriber.status, topics: result.subscriber.topics ?? [] })
    return result.reason === 'invalid-input' ? fieldErrors(result.errors) : tokenError(result.reason)
  },
  method: 'post',
  path: '/preferences',
}

const emailFrom = async (req: PayloadRequest): Promise<{ email: string } | { error: Response }> => {
  const read = await readJson(req)
  if ('refusal' in read) return { error: read.refusal }
  const check = validateEmail(read.body.email)
  return check === true ? { email: String(read.body.email) } : { error: fieldErrors([{ field: 'email', message: check }]) }
}

/** POST /api/subscribers/export { email }: one person's data, for a subject access request. Newsletter staff only. */
const exportData: Endpoint = {
  handler: async (req) => {
    if (!canManageNewsletter(req.user))
      return json({ errors: [{ message: 'Only administrators and newsletter editors can export subscriber data.' }] }, 403)
    const given = await emailFrom(req)
    if ('error' in given) return given.error
    const data = await exportSubscriber({ email: given.email, payload: req.payload })
    if (!data) return json({ errors: [{ field: 'email', message: 'No subscriber has this email address' }] }, 404)
    req.payload.logger.info({ msg: "Exported a subscriber's data on request", user: req.user?.id })
    return json(data, 200, { 'content-disposition': 'attachment; filename="subscriber-data.json"' })
  },
  method: 'post',
  path: '/export',
}

/** POST /api/subscribers/erase { email }: erases one person's subscription on request. Administrators only. */
const erase: Endpoint = {
  handler: async (req) => {
    if (!hasRole({ roles: ADMINS, user: req.user }))
      return json({ errors: [{ message: 'Only an administrator can erase personal data.' }] }, 403)
    const given = await emailFrom(req)
    if ('error' in given) return given.error
    const erased = await eraseSubscriber({ email: given.email, payload: req.payload })
    req.payload.logger.info({ erased, msg: 'Erased a subscriber on request', user: req.user?.id })
    return json({ erased })
  },
  method: 'post',
  path: '/erase',
}

export const subscriberEndpoints: Endpoint[] = [
  signup,
  confirm,
  unsubscribeOneClick,
  unsubscribePage,
  readPreferences,
  savePreferences,
  exportData,
  erase,
]
