import type { TaskConfig } from 'payload'

import { findDelivery, recordDelivery } from './deliveries'
import { sendMail } from './transport'

export const SEND_EMAIL_TASK = 'sendEmail'

// Payload does not export its RetryConfig type.
type RetryConfig = Exclude<NonNullable<TaskConfig['retries']>, number>

/**
 * 1 try + 10 retries, 30 s doubling each time: about 8½ hours of outage before the job gives up. A job that
 * gives up keeps its input in payload-jobs (hasError), so the message can still be queued again.
 */
export const SEND_EMAIL_RETRIES = { attempts: 10, backoff: { delay: 30_000, type: 'exponential' } } satisfies RetryConfig

/**
 * Sends one queued message. Check, send, record: a message whose Message-ID is already recorded as sent is
 * not sent again, whatever the job's own state says. A failed send throws, so Payload retries the job.
 */
export const sendEmailTask: TaskConfig<'sendEmail'> = {
  slug: SEND_EMAIL_TASK,
  label: 'Send email',
  handler: async ({ input, req: { payload } }) => {
    const earlier = await findDelivery({ messageId: input.messageId, payload })
    if (earlier) {
      payload.logger.info({ messageId: input.messageId, msg: 'Email already sent; not sending it again' })
      return { output: { ...earlier, alreadySent: true } }
    }
    const result = await sendMail({ message: input })
    const delivery = { messageId: input.messageId, sentAt: new Date().toISOString(), transport: result.transport }
    await recordDelivery({ delivery, payload })
    if (result.rejected.length) {
      // Retrying would repeat the message to those who did receive it.
      payload.logger.warn({ messageId: input.messageId, msg: 'SMTP server refused some recipients', rejected: result.rejected })
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
