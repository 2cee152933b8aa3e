import type { Payload, Where } from 'payload'

export const ERASED = '[erased]'
export const DEFAULT_RETENTION_MONTHS = 12

/**
 * Removes what could identify an asker (who they are, and what they wrote, which often says so) while
 * keeping the dates, status and care area the service-level statistics are made of. Written straight to the
 * database: an erased question must not fail validation, trigger emails or keep a version with the data.
 */
export const eraseQuestion = async ({ id, now = new Date(), payload }: { id: number | string; now?: Date; payload: Payload }) =>
  payload.db.updateOne({
    collection: 'questions',
    data: {
      answer: null,
      email: 'erased@erased.invalid',
      erasedAt: now.toISOString(),
      internalNotes: null,
      jobTitle: null,
      name: ERASED,
      organisation: null,
      question: ERASED,
      telephone: null,
    },
    id,
    returning: false,
  })

/** Erases up to 1,000 questions matching `where`, one at a time; returns how many. */
const eraseQuestionsWhere = async ({ now, payload, where }: { now?: Date; payload: Payload; where: Where }): Promise<number> => {
  const { docs } = await payload.find({
    collection: 'questions',
    depth: 0,
    limit: 1000,
    pagination: false,
    select: { reference: true },
    where,
  })
  for (const question of docs) await eraseQuestion({ id: question.id, now, payload })
  return docs.length
}

/** Questions closed more than `months` ago whose personal data is still held. */
export const eraseExpiredQuestions = async ({ now = new Date(), payload }: { now?: Date; payload: Payload }): Promise<number> => {
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
  const months = settings.questionRetentionMonths ?? DEFAULT_RETENTION_MONTHS
  const cutoff = new Date(now)
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months)
  return eraseQuestionsWhere({
    now,
    payload,
    where: { and: [{ status: { equals: 'closed' } }, { closedAt: { less_than: cutoff.toISOString() } }, { erasedAt: { exists: false } }] },
  })
}

/** A person's request to erase their data: every question asked from that email address, open or not. */
export const eraseAsker = ({ email, payload }: { email: string; payload: Payload }): Promise<number> =>
  eraseQuestionsWhere({ payload, where: { email: { equals: email.trim() } } })
