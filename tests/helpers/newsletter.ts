import type { Payload } from 'payload'

import { randomBytes } from 'node:crypto'

import type { Topic } from '../../src/lib/newsletter/topics'

import { insertRows } from '../../src/lib/db/bulk'
import { inTransaction } from '../../src/lib/db/transaction'
import { SYSTEM_CONTEXT } from '../../src/lib/newsletter/system-context'

type Status = 'confirmed' | 'unconfirmed' | 'unsubscribed'

/**
 * Subscribers written straight to the database (no hooks, no emails) in multi-row inserts, thousands per
 * statement and all in one transaction, for tests and benchmarks that need many (50,000 in a few seconds).
 * Addresses are `<prefix><n>@example.org`.
 */
export const seedSubscribers = async ({
  count,
  payload,
  prefix,
  status = 'confirmed',
  suppressed = false,
  topics,
}: {
  count: number
  payload: Payload
  prefix: string
  status?: Status
  suppressed?: boolean
  topics: Topic[]
}): Promise<string[]> => {
  const emails = Array.from({ length: count }, (_, index) => `${prefix}${index}@example.org`)
  const now = new Date().toISOString()
  await inTransaction({
    payload,
    work: async (req) => {
      const inserted = await insertRows({
        payload,
        req,
        returning: ['id'],
        rows: emails.map((email) => ({
          confirmedAt: status === 'confirmed' ? now : null,
          createdAt: now,
          email,
          source: '/newsletter',
          status,
          suppressedAt: suppressed ? now : null,
          tokenNonce: randomBytes(16).toString('base64url'),
          updatedAt: now,
        })),
        table: 'subscribers',
      })
      const rows = inserted.flatMap(({ id }) => topics.map((value, order) => ({ order: order + 1, parent: id, value })))
      await insertRows({ payload, req, rows, table: 'subscribers_topics' })
    },
  })
  return emails
}

/** A published network update to feature, with a summary that tests escaping. */
export const publishedUpdate = async ({ payload, title }: { payload: Payload; title: string }) =>
  payload.create({
    collection: 'updates',
    data: {
      _status: 'published',
      date: '2026-11-01',
      slug: `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomBytes(3).toString('hex')}`,
      summary: `What changed in ${title} <b>& why</b>`,
      title,
    },
  })

/** A draft issue for one topic featuring the given updates. */
export const draftIssue = async ({
  items,
  payload,
  subject,
  topic,
}: {
  items: (number | string)[]
  payload: Payload
  subject: string
  topic: Topic
}) =>
  payload.create({
    collection: 'newsletters',
    data: {
      items: items.map((value) => ({ relationTo: 'updates' as const, value: value as number })),
      preheader: 'This month from the network',
      status: 'draft',
      slug: `${subject.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomBytes(3).toString('hex')}`,
      subject,
      topic,
    },
  })

/** Starts sending an issue as the "send now" action does, without the HTTP round trip. */
export const startIssue = async ({ id, payload }: { id: number | string; payload: Payload }) =>
  payload.update({
    collection: 'newsletters',
    context: SYSTEM_CONTEXT,
    data: { recipients: { complete: false, cursor: null }, sendStartedAt: new Date().toISOString(), status: 'sending' },
    id,
    overrideAccess: true,
  })

/** Every copy of an issue, in the order they were queued. */
export const deliveriesOf = async ({ issueId, payload }: { issueId: number | string; payload: Payload }) =>
  (
    await payload.find({
      collection: 'newsletter-deliveries',
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      sort: 'id',
      where: { newsletter: { equals: issueId } },
    })
  ).docs

/** An issue's status as stored now. */
export const issueStatus = async ({ id, payload }: { id: number | string; payload: Payload }) =>
  (await payload.findByID({ collection: 'newsletters', id, overrideAccess: true })).status
