import type { Payload } from 'payload'

import { randomUUID } from 'node:crypto'

import type { Newsletter, Subscriber } from '../../payload-types'
import type { ClaimedDelivery } from './claims'
import type { IssueTemplate } from './render'
import type { NewsletterSettings } from './settings'
import type { Outcome, SettledCopy } from './outcomes'
import type { BulkTransport } from './transport'

import { mailDomain } from '../email/identity'
import { boundHeapGrowth } from '../runtime/heap-growth'
import { relationId } from '../site/format'
import { claimBatch, releaseClaims } from './claims'
import { finishIfDone, startDueIssues } from './issues'
import { manageUrl, unsubscribeUrls } from './links'
import { openJournal } from './journal'
import { suppressBounced, writeOutcomes } from './outcomes'
import { queueRecipients } from './recipients'
import { recoverAbandonedClaims } from './recovery'
import { loadIssueContent, personalise, renderIssueTemplate } from './render'
import { newsletterSettings } from './settings'
import { openBulkTransport } from './transport'

export type SenderTotals = { bounced: number; failed: number; recovered: number; retried: number; sent: number; skipped: number }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Spaces messages at `ratePerSecond` across all of a sender's connections. A late start is not made up
 * in a burst beyond one second's worth.
 */
export const createPacer = ({ ratePerSecond }: { ratePerSecond: number }) => {
  const gap = 1000 / ratePerSecond
  let next = performance.now()
  return async () => {
    const now = performance.now()
    next = Math.max(next, now - 1000)
    const at = next
    next += gap
    if (at > now) await sleep(at - now)
  }
}

/** The job runner is being drained for a shutdown: finish the messages in flight and stop. */
const draining = (payload: Payload): boolean => payload.crons.length > 0 && payload.crons.every((cron) => !cron.isRunning())

type Recipient = Pick<Subscriber, 'id' | 'status' | 'suppressedAt' | 'tokenNonce'>

const recipientsOf = async ({ batch, payload }: { batch: ClaimedDelivery[]; payload: Payload }): Promise<Map<string, Recipient>> => {
  const ids = batch.map((delivery) => relationId(delivery.subscriber)).filter((id) => id !== null)
  // No ids would mean no limit below.
  if (!ids.length) return new Map()
  // From the adapter, as the claim itself: no read hooks per field and copy (the nonce is read by the server only).
  const { docs } = await payload.db.find<Subscriber>({
    collection: 'subscribers',
    limit: ids.length,
    pagination: false,
    select: { status: true, suppressedAt: true, tokenNonce: true },
    where: { id: { in: ids } },
  })
  return new Map(docs.map((doc) => [String(doc.id), doc as Recipient]))
}

export const listHeaders = ({
  oneClick,
  siteName,
  topic,
  unsubscribeMailbox,
}: {
  oneClick: string
  siteName: string
  topic: string
  unsubscribeMailbox: string
}) => ({
  'List-Id': `${siteName.replace(/[^\w .-]/g, '')} newsletter <${topic}.newsletter.${mailDomain()}>`,
  'List-Unsubscribe': `<${oneClick}>, <mailto:${unsubscribeMailbox}?subject=unsubscribe>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
})

type IssueRun = {
  deadline: number
  issue: Newsletter
  pace: () => Promise<void>
  payload: Payload
  settings: NewsletterSettings
  shouldStop: () => boolean
  siteName: string
  template: IssueTemplate
  totals: SenderTotals
  transport: BulkTransport
}

/**
 * Outcomes reach the database in groups (each copy is in the journal at once): of this many, or whatever has
 * waited this long when the next answer arrives. Fewer, larger transactions matter on SQLite, where each one
 * opens a connection that only garbage collection closes. Groups are written while sending goes on; a
 * connection waits only when this many groups are still being written.
 */
const WRITE_GROUP = 200
const WRITE_AFTER_MS = 2000
const GROUPS_IN_WRITING = 2

/** A claimed batch with what sending it needs: who its recipients are now. */
type Claim = { batch: ClaimedDelivery[]; claimedAt: Date; claimId: string; recipients: Map<string, Recipient> }

const claimNext = async ({ issueId, payload, size }: { issueId: number | string; payload: Payload; size: number }): Promise<Claim> => {
  const claimId = randomUUID()
  const claimedAt = new Date()
  const batch = await claimBatch({ claimId, issueId, now: claimedAt, payload, size })
  return { batch, claimedAt, claimId, recipients: await recipientsOf({ batch, payload }) }
}

/**
 * Sends one claimed batch over the transport's connections. Each SMTP answer goes to the claim's journal
 * the moment it arrives, then to the database in groups, written while sending goes on. Copies not tried
 * (stop requested, time up, server unreachable) are returned to be released; `recorded` settles once every
 * answer is in the database and the journal is gone. `onDrained` is called once every copy is under way, so
 * the next batch can be claimed while the last answers arrive.
 */
const sendBatch = async ({
  claim,
  claimDeadline,
  onDrained,
  run,
}: {
  claim: Claim
  claimDeadline: number
  onDrained: () => void
  run: IssueRun
}) => {
  const { issue, pace, payload, settings, shouldStop, siteName, template, totals, transport } = run
  const { batch, claimId, recipients } = claim
  const journal = openJournal({ claimId })
  const pending: SettledCopy[] = []
  let writing: Promise<void> = Promise.resolve()
  let groupsInWriting = 0
  // One group at a time, in order; a failed write fails the run (the journal still has every answer).
  const flush = (): Promise<void> => {
    const copies = pending.splice(0)
    if (copies.length) {
      groupsInWriting++
      writing = writing
        .then(async () => {
          for (const result of await writeOutcomes({ copies, payload, settings })) totals[result]++
          await suppressBounced({ copies, payload })
        })
        .finally(() => groupsInWriting--)
      // Awaited at the end of the batch; until then a failure must not count as unhandled.
      writing.catch(() => undefined)
    }
    return writing
  }
  const settle = async (delivery: ClaimedDelivery, outcome: Outcome) => {
    const at = new Date().toISOString()
    journal.append({ at, id: delivery.id, kind: outcome.kind, reason: 'reason' in outcome ? outcome.reason : undefined })
    pending.push({ at, delivery, outcome })
    if (pending.length >= WRITE_GROUP || Date.now() - new Date(pending[0]!.at).getTime() >= WRITE_AFTER_MS) {
      const written = flush()
      if (groupsInWriting >= GROUPS_IN_WRITING) await written
    }
  }
  const waiting = [...batch]
  const untried: (number | string)[] = []
  let unreachable = false
  let drained = false
  const stopNow = () => unreachable || shouldStop() || Date.now() >= claimDeadline
  const worker = async () => {
    for (let delivery = waiting.shift(); delivery; delivery = waiting.shift()) {
      if (!waiting.length && !drained) {
        drained = true
        if (!stopNow()) onDrained()
      }
      const recipient = recipients.get(String(relationId(delivery.subscriber)))
      if (!recipient || recipient.status !== 'confirmed' || recipient.suppressedAt) {
        const reason = !recipient
          ? 'Subscriber erased before this copy was sent'
          : recipient.suppressedAt
            ? 'Address suppressed after a hard bounce'
            : 'Unsubscribed before this copy was sent'
        await settle(delivery, { kind: 'skipped', reason })
        continue
      }
      if (!stopNow()) await pace()
      if (stopNow()) {
        untried.push(delivery.id)
        continue
      }
      const secret = payload.secret
      const unsubscribe = unsubscribeUrls({ secret, subscriber: recipient })
      const body = personalise({ links: { manage: manageUrl({ secret, subscriber: recipient }), unsubscribe: unsubscribe.page }, template })
      const outcome = await transport.send({
        ...body,
        headers: listHeaders({
          oneClick: unsubscribe.oneClick,
          siteName,
          topic: issue.topic,
          unsubscribeMailbox: settings.unsubscribeMailbox,
        }),
        messageId: delivery.messageId,
        subject: template.subject,
        to: delivery.email,
      })
      await settle(delivery, outcome.kind === 'retry' ? { kind: 'retry', reason: outcome.reason } : outcome)
      if (outcome.kind === 'retry' && outcome.unreachable) unreachable = true
    }
  }
  await Promise.all(Array.from({ length: Math.min(settings.connections, batch.length) }, worker))
  const recorded = flush().then(() => journal.remove())
  recorded.catch(() => undefined)
  return { recorded, unreachable, untried }
}

/** Claim size: about ten seconds of sending, and no more than a quarter of the lease. */
const batchSize = (settings: NewsletterSettings): number =>
  Math.max(1, Math.min(200, Math.floor(settings.ratePerSecond * Math.min(10, settings.leaseSeconds / 4))))

/**
 * Sends an issue batch after batch until it is done, a stop is asked for or the time is up. The next batch
 * is claimed while the last copies of one are in flight, and a batch's outcomes are written while the next
 * is sent, so the connections do not wait for the database between batches. A claim taken but not sent
 * (stop, time up, server unreachable) is put back.
 */
const sendIssue = async (run: IssueRun): Promise<void> => {
  const { deadline, issue, payload, settings, shouldStop } = run
  const size = batchSize(settings)
  const claim = () => claimNext({ issueId: issue.id, payload, size })
  let next: Promise<Claim> | undefined = shouldStop() || Date.now() >= deadline ? undefined : claim()
  let recording: Promise<void> = Promise.resolve()
  try {
    while (next) {
      const current: Claim = await next
      next = undefined
      if (!current.batch.length) break
      if (shouldStop() || Date.now() >= deadline) {
        await releaseClaims({ claimId: current.claimId, ids: current.batch.map((delivery) => delivery.id), payload })
        break
      }
      // No new message once half the lease has gone: the claim must never look abandoned while in use.
      const claimDeadline = Math.min(deadline, current.claimedAt.getTime() + (settings.leaseSeconds * 1000) / 2)
      const { recorded, unreachable, untried } = await sendBatch({
        claim: current,
        claimDeadline,
        onDrained: () => {
          if (!shouldStop() && Date.now() < deadline) {
            next = claim()
            next.catch(() => undefined)
          }
        },
        run,
      })
      // One batch's outcomes in writing at a time, besides the groups of the batch being sent.
      await recording
      recording = recorded
      await releaseClaims({ claimId: current.claimId, ids: untried, payload })
      if (unreachable) {
        payload.logger.warn({ issue: issue.id, msg: 'The SMTP server did not answer; the newsletter carries on at the next run' })
        if (next) {
          const unused: Claim = await next
          next = undefined
          await releaseClaims({ claimId: unused.claimId, ids: unused.batch.map((delivery) => delivery.id), payload })
        }
        break
      }
    }
  } finally {
    await recording
  }
  await finishIfDone({ issueId: issue.id, payload })
}

/**
 * One sending run (the `sendNewsletters` job, or a benchmark): recover copies left by a dead sender, start
 * scheduled issues that are due, then send issues in the order they started until the time budget is used.
 * Safe to run in several processes at once: copies are claimed under a lock.
 */
export const runNewsletterSender = async ({
  budgetMs,
  payload,
  shouldStop = () => draining(payload),
}: {
  budgetMs?: number
  payload: Payload
  shouldStop?: () => boolean
}): Promise<SenderTotals> => {
  const settings = newsletterSettings()
  const deadline = Date.now() + (budgetMs ?? Math.min(20_000, (settings.leaseSeconds * 1000) / 4))
  const totals: SenderTotals = { bounced: 0, failed: 0, recovered: 0, retried: 0, sent: 0, skipped: 0 }
  const recovery = await recoverAbandonedClaims({ now: new Date(), payload, settings })
  totals.recovered = recovery.fromJournal + recovery.requeued
  if (totals.recovered)
    payload.logger.warn({
      ...recovery,
      msg: 'Recovered newsletter copies left by a stopped sender: answers from its journal recorded, the rest queued again',
    })
  await startDueIssues({ payload })
  const { docs: issues } = await payload.find({
    collection: 'newsletters',
    depth: 0,
    limit: 20,
    overrideAccess: true,
    pagination: false,
    sort: 'sendStartedAt',
    where: { status: { equals: 'sending' } },
  })
  if (!issues.length) return totals
  const transport = openBulkTransport({ connections: settings.connections })
  const pace = createPacer({ ratePerSecond: settings.ratePerSecond })
  // Every copy leaves garbage that outlives a young-generation collection (MIME streams, outcome groups).
  const releaseHeap = boundHeapGrowth()
  try {
    for (const issue of issues) {
      if (shouldStop() || Date.now() >= deadline) break
      await queueRecipients({ issueId: issue.id, payload })
      const content = await loadIssueContent({ issue, payload })
      const template = renderIssueTemplate({ content })
      await sendIssue({ deadline, issue, pace, payload, settings, shouldStop, siteName: content.siteName, template, totals, transport })
    }
  } finally {
    transport.close()
    releaseHeap()
  }
  return totals
}
