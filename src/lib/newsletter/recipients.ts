import type { Subscriber } from '../../payload-types'
import type { IssueStep } from './issues'

import { insertRows } from '../db/bulk'
import { mailDomain } from '../email/identity'
import { withSenderLock } from './claims'

/** Subscribers listed per transaction while an issue's recipients are queued. */
export const RECIPIENT_PAGE = 1000

/**
 * Fixed per issue and subscriber, so every attempt at one copy carries the same Message-ID: mail systems
 * that see a repeat (after a sender died at the wrong moment) can recognise it.
 */
export const deliveryMessageId = ({ issueId, subscriberId }: { issueId: number | string; subscriberId: number | string }): string =>
  `<newsletter-${issueId}-${subscriberId}@${mailDomain()}>`

const cursorValue = (cursor: null | string | undefined): null | number | string =>
  cursor === null || cursor === undefined || cursor === '' ? null : /^\d+$/.test(cursor) ? Number(cursor) : cursor

/**
 * Writes one delivery per confirmed, unsuppressed subscriber to the issue's topic, a page at a time, each
 * page in one transaction with the cursor that says how far the list has got. A sender that dies part way
 * leaves a consistent prefix; the next one carries on from the cursor. The unique index on (newsletter,
 * subscriber) backs this up. Returns the number of recipients once the list is complete.
 */
export const queueRecipients = async ({ issueId, now = new Date(), payload }: IssueStep): Promise<number> => {
  for (;;) {
    const done = await withSenderLock({
      payload,
      work: async (req) => {
        const issue = await payload.findByID({ collection: 'newsletters', depth: 0, id: issueId, overrideAccess: true, req })
        if (issue.recipients?.complete) return true
        const cursor = cursorValue(issue.recipients?.cursor)
        // From the adapter: no read hooks to run per field and subscriber for an id and an address.
        const { docs } = await payload.db.find<Subscriber>({
          collection: 'subscribers',
          limit: RECIPIENT_PAGE,
          pagination: false,
          req,
          select: { email: true },
          sort: 'id',
          where: {
            and: [
              { status: { equals: 'confirmed' } },
              { suppressedAt: { exists: false } },
              { topics: { in: [issue.topic] } },
              ...(cursor === null ? [] : [{ id: { greater_than: cursor } }]),
            ],
          },
        })
        const stamp = now.toISOString()
        // One multi-row insert per page: a write per recipient made listing 10,000 take about fifteen seconds.
        await insertRows({
          payload,
          req,
          rows: docs.map((subscriber) => ({
            attempts: 0,
            createdAt: stamp,
            email: subscriber.email,
            messageId: deliveryMessageId({ issueId, subscriberId: subscriber.id }),
            newsletter: issueId,
            status: 'queued',
            subscriber: subscriber.id,
            updatedAt: stamp,
          })),
          table: 'newsletter_deliveries',
        })
        const complete = docs.length < RECIPIENT_PAGE
        const recipientCount = complete
          ? (await payload.db.count({ collection: 'newsletter-deliveries', req, where: { newsletter: { equals: issueId } } })).totalDocs
          : undefined
        await payload.db.updateOne({
          collection: 'newsletters',
          data: { recipientCount, recipients: { complete, cursor: String(docs.at(-1)?.id ?? issue.recipients?.cursor ?? '') } },
          id: issueId,
          req,
          returning: false,
        })
        return complete
      },
    })
    if (done) break
  }
  const { totalDocs } = await payload.count({
    collection: 'newsletter-deliveries',
    overrideAccess: true,
    where: { newsletter: { equals: issueId } },
  })
  return totalDocs
}
