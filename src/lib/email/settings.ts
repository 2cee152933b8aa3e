import path from 'node:path'

import { dataDir, env } from '../env'
import { ENV_SCHEMA } from '../env/schema'

export const DEFAULT_FROM = ENV_SCHEMA.SMTP_FROM.default

export type SmtpSettings = {
  host: string
  password?: string
  port: number
  rejectUnauthorized: boolean
  secure: boolean
  user?: string
}

/** `smtp` is null when no SMTP_HOST is set: mail then goes to `outboxDir` as .eml files. */
export type EmailSettings = { from: string; outboxDir: string; smtp: null | SmtpSettings }

const smtpSettings = ({ host }: { host: string }): SmtpSettings => {
  const { SMTP_PASSWORD, SMTP_PORT, SMTP_REJECT_UNAUTHORIZED, SMTP_SECURE, SMTP_USER } = env()
  return {
    host,
    password: SMTP_PASSWORD || undefined,
    port: SMTP_PORT,
    rejectUnauthorized: SMTP_REJECT_UNAUTHORIZED,
    // Port 465 is implicit TLS by convention: waiting there for a plain-text greeting would only time out.
    secure: SMTP_SECURE ?? SMTP_PORT === 465,
    user: SMTP_USER || undefined,
  }
}

/** Read on every send, not at import, so a changed environment (and each test) takes effect without a restart. */
export const emailSettings = (): EmailSettings => {
  const { SMTP_FROM, SMTP_HOST } = env()
  const host = SMTP_HOST?.trim()
  return {
    from: SMTP_FROM.trim() || DEFAULT_FROM,
    outboxDir: path.join(dataDir(), 'outbox'),
    smtp: host ? smtpSettings({ host }) : null,
  }
}
