import type { TaskConfig } from 'payload'

import { deliveryOf, findDelivery, forgetJournalled, journalAcceptance, journalledDelivery, recordDelivery } from './deliveries'
import { sendMail } from './transport'
import { SEND_EMAIL_TASK } from '../jobs/names'

// Payload does not export its RetryConfig type.
type RetryConfig = Exclude<NonNullable<TaskConfig['retries']>, number>

/**
 * 1 try + 10 retries, 30 s doubling each time: about 8½ hours of outage before the job gives up. A job that
 * gives up keeps its input in payload-jobs (hasError), so the message can still be queued again.
 */
export const SEND_EMAIL_RETRIES = { attempts: 10, backoff: { delay: 30_000, type: 'exponential' } } satisfies RetryConfig

/**
 * Sends one queued message. Check, send, record: a message whose Message-ID is already recorded as sent,
 * in the database or in this machine's acceptance journal, is not sent again, whatever the job's own state
 * says. A failed send throws, so Payload retries the job.
 */
export const sendEmailTask: TaskConfig<'sendEmail'> = {
  slug: SEND_EMAIL_TASK,
  label: 'Send email',
  handler: async ({ input, req: { payload } }) => {
    const { messageId } = input
    const earlier = await findDelivery({ messageId, payload })
    if (earlier) {
      payload.logger.info({ messageId, msg: 'Email already sent; not sending it again' })
      return { output: { ...earlier, alreadySent: true } }
    }
    const journalled = journalledDelivery({ messageId })
    if (journalled) {
      // The server accepted it just before the process sending it died: record it, do not send it again.
      if (await recordDelivery({ delivery: journalled, payload })) forgetJournalled({ messageId })
      payload.logger.info({ messageId, msg: 'Email accepted by the server before its sender stopped; not sending it again' })
      return { output: { ...journalled, alreadySent: true } }
    }
    const result = await sendMail({
      message: input,
      onAccepted: (accepted) => journalAcceptance({ delivery: deliveryOf(accepted), payload }),
    })
    const delivery = deliveryOf(result)
    if (await recordDelivery({ delivery, payload })) forgetJournalled({ messageId })
    if (result.rejected.length) {
      // Retrying would repeat the message to those who did receive it.
      payload.logger.warn({ messageId, msg: 'SMTP server refused some recipients', rejected: result.rejected })
    }
    return { output: { ...delivery, alreadySent: false } }
  },
  inputSchema: [
    { name: 'to', type: 'text', required: true },
    { name: 'subject', type: 'text', required: true },
    { name: 'text', type: 'textarea', required: true },
    { name: 'messageId', type: 'text', required: true },
    { name: 'replyTo', type: 'text' },
  ],
  outputSchema: [
    { name: 'messageId', type: 'text', required: true },
    { name: 'sentAt', type: 'date', required: true },
    {
      name: 'transport',
      type: 'select',
      options: ['smtp', 'outbox'],
      required: true,
    },
    { name: 'alreadySent', type: 'checkbox', required: true },
  ],
  retries: SEND_EMAIL_RETRIES,
}
