import type { Payload, PayloadRequest } from 'payload'

import type { NewsletterDelivery } from '../../payload-types'
import type { NewsletterSettings } from './settings'

import { inTransaction } from '../db/transaction'
import { relationId } from '../site/format'
import { suppressSubscriber } from './subscriptions'

/** What happened to one copy: the SMTP answer, or skipped because the person left before their turn. */
export type Outcome = { kind: 'bounced'; reason: string } | { kind: 'retry'; reason: string } | { kind: 'sent' } | { kind: 'skipped'; reason: string }

export type SettledCopy = { at: string; delivery: Pick<NewsletterDelivery, 'attempts' | 'id' | 'subscriber'>; outcome: Outcome }

export type Result = 'bounced' | 'failed' | 'retried' | 'sent' | 'skipped'

/** The delivery's new state: sent, bounced, skipped, failed after its last attempt, or queued again after a wait. */
const stateAfter = ({ copy, settings }: { copy: SettledCopy; settings: NewsletterSettings }): { data: Record<string, unknown>; result: Result } => {
  const { at, delivery, outcome } = copy
  const attempts = (delivery.attempts ?? 0) + (outcome.kind === 'skipped' ? 0 : 1)
  const released = { attempts, claimedAt: null, claimId: null, updatedAt: new Date().toISOString() }
  if (outcome.kind === 'sent') return { data: { ...released, lastError: null, sentAt: at, status: 'sent' }, result: 'sent' }
  if (outcome.kind !== 'retry') return { data: { ...released, lastError: outcome.reason, status: outcome.kind }, result: outcome.kind }
  if (attempts >= settings.maxAttempts) return { data: { ...released, lastError: outcome.reason, status: 'failed' }, result: 'failed' }
  const wait = settings.retryBaseSeconds * 1000 * 2 ** (attempts - 1)
  return { data: { ...released, lastError: outcome.reason, nextAttemptAt: new Date(new Date(at).getTime() + wait).toISOString(), status: 'queued' }, result: 'retried' }
}

/**
 * Writes a group of settled copies in one transaction (on SQLite a transaction costs a new connection, so
 * writing them one by one would cap sending at about a hundred a second). Pass `req` to join a transaction
 * already open. Bounced addresses are suppressed afterwards, by `suppressBounced`, outside that transaction.
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
  await inTransaction({
    payload,
    req,
    work: async (txReq) => {
      for (const [index, copy] of copies.entries()) {
        await payload.db.updateOne({ collection: 'newsletter-deliveries', data: states[index]!.data, id: copy.delivery.id, req: txReq, returning: false })
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
