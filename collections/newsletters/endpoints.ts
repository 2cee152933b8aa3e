import type { Endpoint, PayloadRequest } from 'payload'

import type { Transition } from '../../src/lib/newsletter/issues'
import type { Newsletter } from '../../src/payload-types'

import { canManageNewsletter, EDITORS, hasRole } from '../../src/lib/access'
import { beginSending, issueStats, scheduleIssue, unscheduleIssue } from '../../src/lib/newsletter/issues'
import { NEWSLETTER_QUEUE, SEND_NEWSLETTERS_TASK } from '../../src/lib/jobs/names'
import { previewIssue, sendTestCopy } from '../../src/lib/newsletter/test-send'

const PRIVATE = { 'cache-control': 'private, no-store' }
const json = (body: unknown, status = 200) => Response.json(body, { headers: PRIVATE, status })
const refuse = (message: string, status: number) => json({ errors: [{ message }] }, status)

type Guard = 'editor' | 'manager'

/**
 * Runs an action on the issue named in the path, for the signed-in user Payload found (a session cookie,
 * which is SameSite=Lax so another site cannot post with it, or an API token). Editors read and test;
 * only administrators and editors with the newsletter permission send.
 */
const onIssue =
  ({ guard, run }: { guard: Guard; run: (args: { issue: Newsletter; req: PayloadRequest }) => Promise<Response> }) =>
  async (req: PayloadRequest): Promise<Response> => {
    if (!hasRole({ roles: EDITORS, user: req.user })) return refuse('Only editors can work on newsletter issues.', 403)
    if (guard === 'manager' && !canManageNewsletter(req.user))
      return refuse('Only administrators and editors with the newsletter permission can send an issue.', 403)
    const id = String(req.routeParams?.id ?? '')
    const issue = await req.payload
      .findByID({ collection: 'newsletters', depth: 0, disableErrors: true, id, overrideAccess: false, user: req.user })
      .catch(() => null)
    if (!issue) return refuse('No such newsletter issue.', 404)
    return run({ issue, req })
  }

const readJson = async (req: PayloadRequest): Promise<Record<string, unknown>> => {
  const body = await req.json?.().catch(() => null)
  return body && typeof body === 'object' ? (body as Record<string, unknown>) : {}
}

/** GET /api/newsletters/:id/preview?format=html|text: the email as a subscriber would get it, with sample links. */
const preview: Endpoint = {
  handler: onIssue({
    guard: 'editor',
    run: async ({ issue, req }) => {
      const rendered = await previewIssue({ issue, payload: req.payload })
      if (req.searchParams.get('format') === 'json') {
        return json({ html: rendered.html, missing: rendered.content.missing, subject: rendered.subject, text: rendered.text })
      }
      const asText = req.searchParams.get('format') === 'text'
      return new Response(asText ? rendered.text : rendered.html, {
        headers: { ...PRIVATE, 'content-type': `${asText ? 'text/plain' : 'text/html'}; charset=utf-8` },
      })
    },
  }),
  method: 'get',
  path: '/:id/preview',
}

/** POST /api/newsletters/:id/test: one copy to the signed-in editor's own address, now. */
const testSend: Endpoint = {
  handler: onIssue({
    guard: 'editor',
    run: async ({ issue, req }) => {
      const to = String(req.user?.email ?? '')
      const result = await sendTestCopy({ issue, payload: req.payload, to, userKey: String(req.user?.id) })
      if (result.kind === 'limited')
        return refuse(`You have sent several tests; try again in ${Math.ceil(result.retryAfterSeconds / 60)} minutes.`, 429)
      if (result.kind === 'failed') return refuse(`The test could not be sent: ${result.reason}`, 502)
      return json({ sentTo: result.to })
    },
  }),
  method: 'post',
  path: '/:id/test',
}

/**
 * The handler of an endpoint that moves the issue to another state (send, schedule, unschedule): only for those
 * who may send, answered with the new status or the problems that stopped it.
 */
const transitionHandler = (transition: (args: { issue: Newsletter; req: PayloadRequest }) => Promise<Transition>) =>
  onIssue({
    guard: 'manager',
    run: async (args) => {
      const result = await transition(args)
      return result.ok
        ? json({ scheduledFor: result.issue.scheduledFor ?? null, status: result.issue.status })
        : json({ errors: result.errors }, result.status)
    },
  })

/** POST /api/newsletters/:id/send: start sending now. */
const sendNow: Endpoint = {
  handler: transitionHandler(async ({ issue, req }) => {
    const result = await beginSending({ issue, payload: req.payload })
    // A run straight away rather than at the next scheduled one.
    if (result.ok) await req.payload.jobs.queue({ input: {}, queue: NEWSLETTER_QUEUE, task: SEND_NEWSLETTERS_TASK })
    req.payload.logger.info({ issue: issue.id, msg: 'Newsletter send requested', ok: result.ok, user: req.user?.id })
    return result
  }),
  method: 'post',
  path: '/:id/send',
}

/** POST /api/newsletters/:id/schedule { "at": ISO date-time }. */
const schedule: Endpoint = {
  handler: transitionHandler(async ({ issue, req }) => scheduleIssue({ at: (await readJson(req)).at, issue, payload: req.payload })),
  method: 'post',
  path: '/:id/schedule',
}

/** POST /api/newsletters/:id/unschedule: back to draft. */
const unschedule: Endpoint = {
  handler: transitionHandler(({ issue, req }) => unscheduleIssue({ issue, payload: req.payload })),
  method: 'post',
  path: '/:id/unschedule',
}

/** GET /api/newsletters/:id/stats: recipients, sent, failed, bounced, still queued, and unsubscribes since. */
const stats: Endpoint = {
  handler: onIssue({
    guard: 'editor',
    run: async ({ issue, req }) =>
      json({ ...(await issueStats({ issueId: issue.id, payload: req.payload })), sentAt: issue.sentAt ?? null, status: issue.status }),
  }),
  method: 'get',
  path: '/:id/stats',
}

export const issueEndpoints: Endpoint[] = [preview, testSend, sendNow, schedule, unschedule, stats]
