import type { Payload, PayloadRequest } from 'payload'

import type { NewsletterDelivery } from '../../payload-types'

import { withDatabaseLock } from '../db/lock'

// Any constant works; it only has to be the same in every instance of the hub.
const SENDER_LOCK_KEY = 726_118_205

/**
 * Runs `work` in a transaction that no other sender's claim or recipient listing can interleave with.
 * Keep `work` short: it blocks every other sender.
 */
export const withSenderLock = <T>({ payload, work }: { payload: Payload; work: (req: PayloadRequest) => Promise<T> }): Promise<T> =>
  withDatabaseLock({ key: SENDER_LOCK_KEY, payload, work })

export type ClaimedDelivery = Pick<NewsletterDelivery, 'attempts' | 'email' | 'id' | 'messageId' | 'subscriber'>

/**
 * Takes up to `size` queued copies of an issue that are due, marking them `sending` under a claim id of the
 * caller's. No two senders can take the same copy: the find and the update happen under the sender lock.
 */
export const claimBatch = async ({
  claimId,
  issueId,
  now,
  payload,
  size,
}: {
  claimId: string
  issueId: number | string
  now: Date
  payload: Payload
  size: number
}): Promise<ClaimedDelivery[]> =>
  withSenderLock({
    payload,
    work: async (req) => {
      // Straight from the adapter: Payload's read hooks, run per field of each copy, cost more than the query
      // and left garbage that outlived the batch (none of these fields has a hook or an access rule to apply).
      const { docs } = await payload.db.find<NewsletterDelivery>({
        collection: 'newsletter-deliveries',
        limit: size,
        pagination: false,
        req,
        select: { attempts: true, email: true, messageId: true, subscriber: true },
        sort: 'id',
        where: {
          and: [
            { newsletter: { equals: issueId } },
            { status: { equals: 'queued' } },
            { or: [{ nextAttemptAt: { exists: false } }, { nextAttemptAt: { less_than_equal: now.toISOString() } }] },
          ],
        },
      })
      if (!docs.length) return []
      await payload.db.updateMany({
        collection: 'newsletter-deliveries',
        data: { claimedAt: now.toISOString(), claimId, status: 'sending', updatedAt: now.toISOString() },
        req,
        returning: false,
        where: { id: { in: docs.map((doc) => doc.id) } },
      })
      return docs as ClaimedDelivery[]
    },
  })

/** Puts copies a sender claimed but did not try back in the queue, as they were (a clean stop or a lost connection). */
export const releaseClaims = async ({ claimId, ids, payload }: { claimId: string; ids: (number | string)[]; payload: Payload }) => {
  if (!ids.length) return
  await withSenderLock({
    payload,
    work: (req) =>
      payload.db.updateMany({
        collection: 'newsletter-deliveries',
        data: { claimedAt: null, claimId: null, status: 'queued' },
        req,
        returning: false,
        where: { and: [{ id: { in: ids } }, { claimId: { equals: claimId } }, { status: { equals: 'sending' } }] },
      }),
  })
}
