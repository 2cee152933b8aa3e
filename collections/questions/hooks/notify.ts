import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { newMessageId, queueEmail } from '../../../src/lib/email/queue'
import { DEFAULT_QUEUE, QUESTION_OPT_IN_TASK } from '../../../src/lib/jobs/names'
import { answerEmail, confirmationEmail } from '../../../src/lib/questions/messages'
import { deskReplyAddress } from '../../../src/lib/questions/reply-to'
import { readSiteSettings } from '../../../src/lib/site/settings'

/** Fixes the answer email's Message-ID when a question becomes answered, so the question records which email it was. */
export const prepareAnswerEmail: CollectionBeforeChangeHook = ({ data, operation, originalDoc }) => {
  if (operation !== 'update' || data.status !== 'answered' || originalDoc?.status === 'answered') return data
  return { ...data, answerEmail: { messageId: newMessageId(), queuedAt: new Date().toISOString() } }
}

/**
 * Email goes out only through queued jobs, in the same transaction as the question: a question is stored
 * before any email is attempted, and an email is never queued for a question that was not stored.
 */
export const notifyAsker: CollectionAfterChangeHook = async ({ doc: visible, operation, previousDoc, req }) => {
  if (operation !== 'create' && !(visible.status === 'answered' && previousDoc?.status !== 'answered')) return visible
  // `visible` is filtered by the requester's field access (a member of the public cannot read the email
  // address they just gave); the trusted read inside the same transaction can.
  const doc = await req.payload.findByID({ collection: 'questions', depth: 0, id: visible.id, overrideAccess: true, req })
  const settings = await readSiteSettings({ payload: req.payload, req })
  // Askers reply to the desk, never to the no-reply sender.
  const replyTo = (await deskReplyAddress({ payload: req.payload, req })) ?? undefined
  if (operation === 'create') {
    await queueEmail({
      payload: req.payload,
      replyTo,
      req,
      to: doc.email,
      ...confirmationEmail({
        disclaimer: settings.disclaimer,
        dueDay: doc.dueDay,
        question: doc.question,
        reference: String(doc.reference),
        targetDays: settings.questionResponseTargetDays,
      }),
    })
    // The newsletter opt-in is its own job: a problem with the subscription never touches the question.
    // A hub without the newsletter (its plugin left out) has no such task, and keeps the question all the same.
    const newsletterRuns = req.payload.config.jobs.tasks?.some((task) => task.slug === QUESTION_OPT_IN_TASK)
    if (doc.newsletterOptIn && newsletterRuns)
      await req.payload.jobs.queue({ input: { question: String(doc.id) }, queue: DEFAULT_QUEUE, req, task: QUESTION_OPT_IN_TASK })
  }
  if (operation === 'update' && doc.status === 'answered' && previousDoc?.status !== 'answered' && doc.answerEmail?.messageId) {
    await queueEmail({
      messageId: doc.answerEmail.messageId,
      payload: req.payload,
      replyTo,
      req,
      to: doc.email,
      ...answerEmail({
        answer: doc.answer ?? '',
        disclaimer: settings.disclaimer,
        question: doc.question,
        reference: String(doc.reference),
      }),
    })
  }
  return visible
}
