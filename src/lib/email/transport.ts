import type { SendMailOptions } from 'nodemailer'

import fs from 'node:fs/promises'
import path from 'node:path'
import nodemailer from 'nodemailer'

import type { SmtpSettings } from './settings'

import { escapeHtml } from '../html/escape'
import { emailSettings } from './settings'

export type OutgoingMessage = {
  /** The Message-ID header, angle brackets included; fixed at queue time so every retry sends the same message. */
  messageId: string
  replyTo?: null | string
  subject: string
  /** Plain text as written; never interpreted as HTML. */
  text: string
  to: string
}

export type SendResult = {
  /** When the SMTP server accepted the message (or the outbox file was written). */
  acceptedAt: string
  /** The .eml file written, when there is no SMTP server. */
  file?: string
  messageId: string
  /** Recipients the SMTP server refused while accepting others. */
  rejected: string[]
  transport: 'outbox' | 'smtp'
}

// An outage should fail the attempt within seconds and leave the wait to the job's backoff.
export const TIMEOUTS = { connectionTimeout: 10_000, dnsTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }

/** The HTML alternative is the escaped text, paragraph for paragraph: nothing a sender writes becomes markup. */
export const textToHtml = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .filter((paragraph) => paragraph.trim())
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n')

const mailOptions = ({ from, message }: { from: string; message: OutgoingMessage }): SendMailOptions => ({
  from,
  html: textToHtml(message.text),
  messageId: message.messageId,
  replyTo: message.replyTo || undefined,
  subject: message.subject,
  text: message.text,
  to: message.to,
})

// Nothing in a message may name a file or URL for nodemailer to fetch.
export const noFetching = { disableFileAccess: true, disableUrlAccess: true }

const sendSmtp = async ({ mail, smtp }: { mail: SendMailOptions; smtp: SmtpSettings }) => {
  const transporter = nodemailer.createTransport({
    ...noFetching,
    ...TIMEOUTS,
    auth: smtp.user ? { pass: smtp.password, user: smtp.user } : undefined,
    host: smtp.host,
    // One connection per message: a pooled socket left over from before an outage would only fail later.
    pool: false,
    port: smtp.port,
    secure: smtp.secure,
    tls: { rejectUnauthorized: smtp.rejectUnauthorized },
  })
  try {
    const info = await transporter.sendMail(mail)
    return { rejected: info.rejected }
  } finally {
    transporter.close()
  }
}

/** The outbox file is named after the Message-ID, so writing the same message again replaces it. */
export const outboxFileName = (messageId: string): string => `${messageId.replace(/^<|>$/g, '').replace(/[^\w.@-]/g, '_')}.eml`

export const writeOutbox = async ({ dir, mail, messageId }: { dir: string; mail: SendMailOptions; messageId: string }) => {
  const transporter = nodemailer.createTransport({ ...noFetching, buffer: true, newline: 'windows', streamTransport: true })
  const { message } = await transporter.sendMail(mail)
  if (!Buffer.isBuffer(message)) throw new Error('The stream transport returned no message buffer')
  await fs.mkdir(dir, { mode: 0o700, recursive: true })
  const file = path.join(dir, outboxFileName(messageId))
  // Write then rename: a reader never sees half a message.
  const partial = `${file}.${process.pid}.partial`
  await fs.writeFile(partial, message, { mode: 0o600 })
  await fs.rename(partial, file)
  return file
}

/**
 * Sends one message by SMTP, or writes it to the outbox when no SMTP_HOST is set. Throws when the
 * message was not handed over, so the job that called it is retried. `onAccepted` is called the moment
 * the server accepts, before anything else happens, for a caller that must note it synchronously.
 */
export const sendMail = async ({
  message,
  onAccepted,
}: {
  message: OutgoingMessage
  onAccepted?: (result: SendResult) => void
}): Promise<SendResult> => {
  const { from, outboxDir, smtp } = emailSettings()
  const mail = mailOptions({ from, message })
  if (!smtp) {
    const file = await writeOutbox({ dir: outboxDir, mail, messageId: message.messageId })
    const result: SendResult = {
      acceptedAt: new Date().toISOString(),
      file,
      messageId: message.messageId,
      rejected: [],
      transport: 'outbox',
    }
    onAccepted?.(result)
    return result
  }
  const { rejected } = await sendSmtp({ mail, smtp })
  const result: SendResult = { acceptedAt: new Date().toISOString(), messageId: message.messageId, rejected, transport: 'smtp' }
  onAccepted?.(result)
  return result
}
