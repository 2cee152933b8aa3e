import type { Payload, PayloadRequest } from 'payload'

import { randomUUID } from 'node:crypto'
import addressparser from 'nodemailer/lib/addressparser'

import { DEFAULT_QUEUE, SEND_EMAIL_TASK } from '../jobs/names'
import { mailDomain } from './identity'

/** A Message-ID of our own: fixed when the mail is queued, it names the message across every retry. */
export const newMessageId = (): string => `<${randomUUID()}@${mailDomain()}>`

const MESSAGE_ID = /^<[^\s<>@]+@[^\s<>@]+>$/

export type QueueEmailArgs = {
  /** Give one (e.g. derived from a record) to make queueing itself idempotent: a Message-ID is sent at most once. */
  messageId?: string
  payload: Payload
  replyTo?: string
  /** The caller's request: the job joins its transaction, so mail is queued only if the caller's write commits. */
  req?: PayloadRequest
  subject: string
  /** Plain text; any HTML in it is shown as text. */
  text: string
  to: string
}

// Refuse now what could never be sent, rather than after a day of retries.
const checkAddresses = ({ field, value }: { field: string; value: string }): void => {
  const parsed = addressparser(value, { flatten: true })
  if (!parsed.length || parsed.some(({ address }) => !address || !/^[^\s@]+@[^\s@]+$/.test(address))) {
    throw new Error(`queueEmail: ${field} is not a valid email address list: "${value}"`)
  }
}

/** Queues one email on the default queue; the sendEmail job delivers it, retrying through outages. */
export const queueEmail = async ({
  messageId = newMessageId(),
  payload,
  replyTo,
  req,
  subject,
  text,
  to,
}: QueueEmailArgs): Promise<{ jobId: number | string; messageId: string }> => {
  checkAddresses({ field: 'to', value: to })
  if (replyTo) checkAddresses({ field: 'replyTo', value: replyTo })
  if (!MESSAGE_ID.test(messageId)) throw new Error(`queueEmail: messageId must look like <id@domain>, got "${messageId}"`)
  // A header is one line; a line break here is a mistake or an injection attempt.
  const oneLineSubject = subject.replace(/\s+/g, ' ').trim()
  if (!oneLineSubject) throw new Error('queueEmail: subject is empty')
  const job = await payload.jobs.queue({
    input: { messageId, subject: oneLineSubject, text, to, ...(replyTo ? { replyTo } : {}) },
    queue: DEFAULT_QUEUE,
    req,
    task: SEND_EMAIL_TASK,
  })
  return { jobId: job.id, messageId }
}
