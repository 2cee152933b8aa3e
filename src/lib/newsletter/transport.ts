import type { SendMailOptions, Transporter } from 'nodemailer'

import nodemailer from 'nodemailer'

import { emailSettings } from '../email/settings'
import { noFetching, TIMEOUTS, writeOutbox } from '../email/transport'

export type BulkMessage = {
  headers: Record<string, string>
  html: string
  messageId: string
  subject: string
  text: string
  to: string
}

/**
 * What became of one message. `bounced`: the server refused the recipient permanently (5xx to RCPT TO).
 * `retry`: worth trying again later (4xx, a dropped connection, a timeout, or a 5xx that is about the
 * message or the account rather than the address). `unreachable` marks a retry where no server answered.
 */
export type SendOutcome = { kind: 'bounced'; reason: string } | { kind: 'retry'; reason: string; unreachable: boolean } | { kind: 'sent' }

type SmtpError = Error & { code?: string; command?: string; response?: string; responseCode?: number }

/**
 * Only a permanent refusal of the recipient is a hard bounce. A 5xx to MAIL FROM, AUTH or DATA says
 * something about the sender or the message (a misconfigured account would otherwise suppress everyone).
 */
export const classifySendError = (error: unknown): Exclude<SendOutcome, { kind: 'sent' }> => {
  const failure = error as SmtpError
  const reason = (failure.response || failure.message || String(error)).slice(0, 1000)
  const code = failure.responseCode
  if (typeof code === 'number' && code >= 500 && code < 600 && (failure.command === 'RCPT TO' || failure.code === 'EENVELOPE')) {
    return { kind: 'bounced', reason }
  }
  return { kind: 'retry', reason, unreachable: typeof code !== 'number' }
}

export type BulkTransport = { close: () => void; kind: 'outbox' | 'smtp'; send: (message: BulkMessage) => Promise<SendOutcome> }

const mailOptions = ({ from, message }: { from: string; message: BulkMessage }): SendMailOptions => ({
  from,
  headers: message.headers,
  html: message.html,
  messageId: message.messageId,
  subject: message.subject,
  text: message.text,
  to: message.to,
})

/**
 * One sender's connection to the mail server for a run: pooled SMTP connections (reused across messages,
 * unlike the one-off transactional email), or the outbox directory when no SMTP_HOST is set.
 */
export const openBulkTransport = ({ connections }: { connections: number }): BulkTransport => {
  const { from, outboxDir, smtp } = emailSettings()
  if (!smtp) {
    return {
      close: () => undefined,
      kind: 'outbox',
      send: async (message) => {
        await writeOutbox({ dir: outboxDir, mail: mailOptions({ from, message }), messageId: message.messageId })
        return { kind: 'sent' }
      },
    }
  }
  const transporter: Transporter = nodemailer.createTransport({
    ...noFetching,
    ...TIMEOUTS,
    auth: smtp.user ? { pass: smtp.password, user: smtp.user } : undefined,
    host: smtp.host,
    maxConnections: connections,
    maxMessages: 1000,
    pool: true,
    port: smtp.port,
    secure: smtp.secure,
    tls: { rejectUnauthorized: smtp.rejectUnauthorized },
  })
  return {
    close: () => transporter.close(),
    kind: 'smtp',
    send: async (message) => {
      try {
        const info = await transporter.sendMail(mailOptions({ from, message }))
        // One recipient per message: if it was refused, nodemailer reports it here rather than throwing.
        if (info.rejected?.length)
          return classifySendError(
            Object.assign(
              new Error(`Recipient refused: ${info.response ?? ''}`),
              (info as { rejectedErrors?: SmtpError[] }).rejectedErrors?.[0] ?? {},
            ),
          )
        return { kind: 'sent' }
      } catch (error) {
        return classifySendError(error)
      }
    },
  }
}
