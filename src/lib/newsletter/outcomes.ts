import type { Payload, PayloadRequest } from 'payload'

import type { NewsletterDelivery } from '../../payload-types'
import type { NewsletterSettings } from './settings'

import { updateRows } from '../db/bulk'
import { inTransaction } from '../db/transaction'
import { relationId } from '../site/format'
import { suppressSubscriber } from './subscription-lifecycle'

/** What happened to one copy: the SMTP answer, or skipped because the person left before their turn. */
export type Outcome =
  { kind: 'bounced'; reason: string } | { kind: 'retry'; reason: string } | { kind: 'sent' } | { kind: 'skipped'; reason: string }

export type SettledCopy = { at: string; delivery: Pick<NewsletterDelivery, 'attempts' | 'id' | 'subscriber'>; outcome: Outcome }

export type Result = 'bounced' | 'failed' | 'retried' | 'sent' | 'skipped'

/** The delivery's new state: sent, bounced, skipped, failed after its last attempt, or queued again after a wait. */
const stateAfter = ({
  copy,
  settings,
}: {
  copy: SettledCopy
  settings: NewsletterSettings
}): { data: Record<string, unknown>; result: Result } => {
  const { at, delivery, outcome } = copy
  const attempts = (delivery.attempts ?? 0) + (outcome.kind === 'skipped' ? 0 : 1)
  const released = { attempts, claimedAt: null, claimId: null, updatedAt: new Date().toISOString() }
  if (outcome.kind === 'sent') return { data: { ...released, lastError: null, sentAt: at, status: 'sent' }, result: 'sent' }
  if (outcome.kind !== 'retry') return { data: { ...released, lastError: outcome.reason, status: outcome.kind }, result: outcome.kind }
  if (attempts >= settings.maxAttempts) return { data: { ...released, lastError: outcome.reason, status: 'failed' }, result: 'failed' }
  const wait = settings.retryBaseSeconds * 1000 * 2 ** (attempts - 1)
  return {
    data: {
      ...released,
      lastError: outcome.reason,
      nextAttemptAt: new Date(new Date(at).getTime() + wait).toISOString(),
      status: 'queued',
    },
    result: 'retried',
  }
}

/** Copies whose new state is the same but for when each was sent go in one statement. */
const groupKey = (data: Record<string, unknown>): string => JSON.stringify({ ...data, sentAt: undefined, updatedAt: undefined })

/**
 * Writes a group of settled copies in one transaction, one UPDATE per distinct new state (all the copies
 * sent at their first attempt are one statement, each with its own `sentAt`): a statement per copy cost as
 * much as the sending itself and left a prepared statement per copy for the garbage collector. Pass `req` to
 * join a transaction already open. Bounced addresses are suppressed afterwards, by `suppressBounced`,
 * outside that transaction.
 */
export const writeOutcomes = async ({
  copies,
  payload,
  req,
  settings,
}: {
  copies: SettledCopy[]
  payload: Payload
  req?: PayloadRequest
  settings: NewsletterSettings
}): Promise<Result[]> => {
  if (!copies.length) return []
  const states = copies.map((copy) => stateAfter({ copy, settings }))
  const groups = new Map<string, { data: Record<string, unknown>; ids: (number | string)[]; sentAt: (null | string)[] }>()
  for (const [index, copy] of copies.entries()) {
    const { data } = states[index]!
    const key = groupKey(data)
    const group = groups.get(key) ?? { data, ids: [], sentAt: [] }
    group.ids.push(copy.delivery.id)
    group.sentAt.push((data.sentAt as string | undefined) ?? null)
    groups.set(key, group)
  }
  await inTransaction({
    payload,
    req,
    work: async (txReq) => {
      for (const { data, ids, sentAt } of groups.values()) {
        await updateRows({
          data,
          ids,
          payload,
          perRow: data.sentAt === undefined ? undefined : { column: 'sentAt', values: sentAt },
          req: txReq,
          table: 'newsletter_deliveries',
        })
      }
    },
  })
  return states.map((state) => state.result)
}

/** A hard bounce suppresses the address, with a consent record saying so. */
export const suppressBounced = async ({ copies, payload }: { copies: SettledCopy[]; payload: Payload }): Promise<void> => {
  for (const copy of copies) {
    const subscriberId = relationId(copy.delivery.subscriber)
    if (copy.outcome.kind === 'bounced' && subscriberId !== null) {
      await suppressSubscriber({ id: subscriberId, now: new Date(copy.at), payload, reason: copy.outcome.reason })
    }
  }
}
