import type { Payload, Where } from 'payload'

import type { JournalEntry } from './journal'
import type { SettledCopy } from './outcomes'
import type { NewsletterSettings } from './settings'

import { withSenderLock } from './claims'
import { readJournal, removeJournal, staleJournals } from './journal'
import { suppressBounced, writeOutcomes } from './outcomes'

const outcomeOf = (entry: JournalEntry): SettledCopy['outcome'] =>
  entry.kind === 'sent' ? { kind: 'sent' } : { kind: entry.kind, reason: entry.reason ?? '' }

export type Recovery = { fromJournal: number; requeued: number }

/**
 * Copies still `sending` long after they were claimed belong to a sender that died (a kill, a crash, a lost
 * machine). What its journal says the server answered is recorded as if the sender had lived; the rest go
 * back to the queue and are sent with their original Message-ID. A copy can arrive twice only if the server
 * accepted it in the instant between its reply reaching the dead process and the journal write, or if the
 * claim is recovered on another machine than the one that kept the journal.
 */
export const recoverAbandonedClaims = async ({
  now,
  payload,
  settings,
}: {
  now: Date
  payload: Payload
  settings: NewsletterSettings
}): Promise<Recovery> => {
  const cutoff = new Date(now.getTime() - settings.leaseSeconds * 1000)
  const expired: Where = { and: [{ status: { equals: 'sending' } }, { claimedAt: { less_than: cutoff.toISOString() } }] }
  const { docs } = await payload.find({
    collection: 'newsletter-deliveries',
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    select: { claimId: true },
    where: expired,
  })
  const claims = [...new Set(docs.map((doc) => doc.claimId).filter((claimId): claimId is string => Boolean(claimId)))]
  const recovery: Recovery = { fromJournal: 0, requeued: 0 }
  for (const claimId of claims) {
    const bounced: SettledCopy[] = []
    await withSenderLock({
      payload,
      work: async (req) => {
        // Read again under the lock: another process may have recovered this claim meanwhile.
        const { docs: copies } = await payload.find({
          collection: 'newsletter-deliveries',
          depth: 0,
          limit: 0,
          overrideAccess: true,
          pagination: false,
          req,
          select: { attempts: true, subscriber: true },
          where: { and: [expired, { claimId: { equals: claimId } }] },
        })
        const answered = new Map(readJournal({ claimId }).map((entry) => [String(entry.id), entry]))
        const settled: SettledCopy[] = copies.flatMap((copy) => {
          const entry = answered.get(String(copy.id))
          return entry ? [{ at: entry.at, delivery: copy, outcome: outcomeOf(entry) }] : []
        })
        await writeOutcomes({ copies: settled, payload, req, settings })
        const unanswered = copies.filter((copy) => !answered.has(String(copy.id))).map((copy) => copy.id)
        if (unanswered.length) {
          await payload.db.updateMany({
            collection: 'newsletter-deliveries',
            data: { claimedAt: null, claimId: null, status: 'queued' },
            req,
            returning: false,
            where: { id: { in: unanswered } },
          })
        }
        bounced.push(...settled.filter((copy) => copy.outcome.kind === 'bounced'))
        recovery.fromJournal += settled.length
        recovery.requeued += unanswered.length
      },
    })
    await suppressBounced({ copies: bounced, payload })
    removeJournal({ claimId })
  }
  // Journals of claims whose outcomes all reached the database before their sender died.
  for (const claimId of staleJournals({ before: cutoff })) {
    const { totalDocs } = await payload.count({
      collection: 'newsletter-deliveries',
      overrideAccess: true,
      where: { and: [{ claimId: { equals: claimId } }, { status: { equals: 'sending' } }] },
    })
    if (!totalDocs) removeJournal({ claimId })
  }
  return recovery
}
