import type { PayloadEmailAdapter, SendEmailOptions } from 'payload'

import { convert } from 'html-to-text'
import addressparser from 'nodemailer/lib/addressparser'

import { queueEmail } from './queue'
import { emailSettings } from './settings'

/** Nodemailer's recipient forms (a string, { name, address }, lists of either) as plain addresses. */
const addressesOf = ({ value }: { value: unknown }): string[] => {
  if (Array.isArray(value)) return value.flatMap((entry) => addressesOf({ value: entry }))
  if (typeof value === 'string') return value.trim() ? [value] : []
  if (value && typeof value === 'object' && 'address' in value) return addressesOf({ value: (value as { address: unknown }).address })
  return []
}

/** The message as plain text: the hub sends text (with an escaped HTML copy), never a sender's markup. */
const textOf = ({ html, text }: SendEmailOptions): string => {
  if (typeof text === 'string' && text.trim()) return text
  if (typeof html === 'string') return convert(html, { selectors: [{ format: 'skip', selector: 'img' }], wordwrap: false })
  throw new Error('Payload email adapter: a message needs text or HTML')
}

/**
 * Payload's own mail (password reset) goes the way of all hub mail: queued as a sendEmail job, stored before
 * anything is sent, retried through outages and sent once. Payload's `from` is ignored: SMTP_FROM applies.
 */
export const queuedEmailAdapter: PayloadEmailAdapter = ({ payload }) => {
  const [sender] = addressparser(emailSettings().from, { flatten: true })
  return {
    defaultFromAddress: sender?.address ?? 'no-reply@diabetes-hub.local',
    defaultFromName: sender?.name || 'Diabetes Network Hub',
    name: 'hub-queue',
    sendEmail: async (message) => {
      const to = addressesOf({ value: message.to }).join(', ')
      if (!to) throw new Error('Payload email adapter: a message needs a recipient')
      const replyTo = addressesOf({ value: message.replyTo }).join(', ') || undefined
      return queueEmail({ payload, replyTo, subject: String(message.subject ?? ''), text: textOf(message), to })
    },
  }
}
