import type { Payload, PayloadRequest, Where } from 'payload'

import type { Newsletter } from '../../payload-types'
import type { FieldError } from './subscription-input'

import { loadNewsletterItems } from './items'
import { SYSTEM_CONTEXT } from './system-context'

/** Written by the hub, not an editor: the lifecycle hooks let these through. */
const saveIssue = ({
  data,
  id,
  payload,
  req,
}: {
  data: Partial<Newsletter>
  id: number | string
  payload: Payload
  req?: PayloadRequest
}) => payload.update({ collection: 'newsletters', context: SYSTEM_CONTEXT, data, depth: 0, id, overrideAccess: true, req })

/** What must be true before an issue can go out; each problem names its field. */
export const issueProblems = async ({ issue, payload }: { issue: Newsletter; payload: Payload }): Promise<FieldError[]> => {
  const problems: FieldError[] = []
  const { items, missing } = await loadNewsletterItems({ payload, references: issue.items as never })
  const intro = JSON.stringify(issue.intro ?? '')
  if (!items.length && !/"text":"[^"]*\S/.test(intro))
    problems.push({ field: 'items', message: 'Add at least one item or an introduction' })
  if (missing.length) {
    problems.push({
      field: 'items',
      message: `Remove ${missing.length === 1 ? 'an item' : `${missing.length} items`} the public cannot read (drafts, withdrawn or professional-only)`,
    })
  }
  return problems
}

export type Transition = { errors: FieldError[]; ok: false; status: number } | { issue: Newsletter; ok: true }

const refuse = (message: string, field = 'status', status = 409): Transition => ({ errors: [{ field, message }], ok: false, status })

/** Send now: the issue starts going out at the next sender run (the caller queues one at once). */
export const beginSending = async ({
  issue,
  now = new Date(),
  payload,
}: {
  issue: Newsletter
  now?: Date
  payload: Payload
}): Promise<Transition> => {
  if (issue.status !== 'draft' && issue.status !== 'scheduled') return refuse(`This issue is already ${issue.status}.`)
  const errors = await issueProblems({ issue, payload })
  if (errors.length) return { errors, ok: false, status: 400 }
  const saved = await saveIssue({
    data: { recipients: { complete: false, cursor: null }, sendStartedAt: now.toISOString(), status: 'sending' },
    id: issue.id,
    payload,
  })
  return { issue: saved, ok: true }
}

/** Schedules (or reschedules) an issue for a time in the next year. */
export const scheduleIssue = async ({
  at,
  issue,
  now = new Date(),
  payload,
}: {
  at: unknown
  issue: Newsletter
  now?: Date
  payload: Payload
}): Promise<Transition> => {
  if (issue.status !== 'draft' && issue.status !== 'scheduled') return refuse(`This issue is already ${issue.status}.`)
  const when = typeof at === 'string' ? new Date(at) : null
  if (!when || Number.isNaN(when.getTime())) return refuse('Enter the date and time to send the issue', 'scheduledFor', 400)
  if (when.getTime() <= now.getTime()) return refuse('The time to send must be in the future', 'scheduledFor', 400)
  if (when.getTime() > now.getTime() + 366 * 24 * 60 * 60 * 1000)
    return refuse('The time to send must be within a year', 'scheduledFor', 400)
  const errors = await issueProblems({ issue, payload })
  if (errors.length) return { errors, ok: false, status: 400 }
  return { issue: await saveIssue({ data: { scheduledFor: when.toISOString(), status: 'scheduled' }, id: issue.id, payload }), ok: true }
}

export const unscheduleIssue = async ({ issue, payload }: { issue: Newsletter; payload: Payload }): Promise<Transition> => {
  if (issue.status !== 'scheduled') return refuse('Only a scheduled issue can be returned to draft.')
  return { issue: await saveIssue({ data: { scheduledFor: null, status: 'draft' }, id: issue.id, payload }), ok: true }
}

/** Scheduled issues whose time has come start sending; one that is no longer ready goes back to draft. */
export const startDueIssues = async ({ now = new Date(), payload }: { now?: Date; payload: Payload }): Promise<number> => {
  const { docs } = await payload.find({
    collection: 'newsletters',
    depth: 0,
    limit: 20,
    overrideAccess: true,
    pagination: false,
    where: { and: [{ status: { equals: 'scheduled' } }, { scheduledFor: { less_than_equal: now.toISOString() } }] },
  })
  let started = 0
  for (const issue of docs) {
    const result = await beginSending({ issue, now, payload })
    if (result.ok) started++
    else {
      payload.logger.warn({
        errors: result.errors,
        issue: issue.id,
        msg: 'A scheduled newsletter was not ready to send; returned to draft',
      })
      await saveIssue({ data: { status: 'draft' }, id: issue.id, payload })
    }
  }
  return started
}

/** What a step of sending one issue (queueing its recipients, finishing it) works on; `now` defaults to the clock. */
export type IssueStep = { issueId: number | string; now?: Date; payload: Payload }

/** An issue is sent once every copy has reached a final state. */
export const finishIfDone = async ({ issueId, now = new Date(), payload }: IssueStep): Promise<boolean> => {
  const issue = await payload.findByID({ collection: 'newsletters', depth: 0, id: issueId, overrideAccess: true })
  if (issue.status !== 'sending' || !issue.recipients?.complete) return false
  const { totalDocs: open } = await payload.count({
    collection: 'newsletter-deliveries',
    overrideAccess: true,
    where: { and: [{ newsletter: { equals: issueId } }, { status: { in: ['queued', 'sending'] } }] },
  })
  if (open) return false
  await saveIssue({ data: { sentAt: now.toISOString(), status: 'sent' }, id: issueId, payload })
  return true
}

export type IssueStats = {
  bounced: number
  failed: number
  queued: number
  recipients: number
  sent: number
  skipped: number
  unsubscribesSince: number
}

/** Per issue: recipients, and how many copies were sent, failed, bounced, are still to go, and unsubscribes since. */
export const issueStats = async ({ issueId, payload }: { issueId: number | string; payload: Payload }): Promise<IssueStats> => {
  const count = async (extra?: Where) =>
    (
      await payload.count({
        collection: 'newsletter-deliveries',
        overrideAccess: true,
        where: { and: [{ newsletter: { equals: issueId } }, ...(extra ? [extra] : [])] },
      })
    ).totalDocs
  const [recipients, sent, failed, bounced, skipped, queued, unsubscribesSince] = await Promise.all([
    count(),
    count({ status: { equals: 'sent' } }),
    count({ status: { equals: 'failed' } }),
    count({ status: { equals: 'bounced' } }),
    count({ status: { equals: 'skipped' } }),
    count({ status: { in: ['queued', 'sending'] } }),
    count({ unsubscribedAt: { exists: true } }),
  ])
  return { bounced, failed, queued, recipients, sent, skipped, unsubscribesSince }
}
