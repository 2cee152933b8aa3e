import path from 'node:path'

import { dataDir } from '../env'

export const DEFAULT_FROM = '"Diabetes Network Hub" <no-reply@diabetes-hub.local>'

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

const envFlag = ({ fallback, name }: { fallback: boolean; name: string }): boolean => {
  const raw = process.env[name]?.trim().toLowerCase()
  if (!raw) return fallback
  if (raw === 'true') return true
  if (raw === 'false') return false
  // A typo must not silently turn TLS or certificate checks off.
  throw new Error(`${name} must be "true" or "false", got "${process.env[name]}"`)
}

const envPort = ({ fallback, name }: { fallback: number; name: string }): number => {
  const raw = process.env[name]?.trim()
  if (!raw) return fallback
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`${name} must be a port number, got "${raw}"`)
  return port
}

const smtpSettings = ({ host }: { host: string }): SmtpSettings => {
  const port = envPort({ fallback: 587, name: 'SMTP_PORT' })
  return {
    host,
    password: process.env.SMTP_PASSWORD || undefined,
    port,
    rejectUnauthorized: envFlag({ fallback: true, name: 'SMTP_REJECT_UNAUTHORIZED' }),
    // Port 465 is implicit TLS by convention: waiting there for a plain-text greeting would only time out.
    secure: envFlag({ fallback: port === 465, name: 'SMTP_SECURE' }),
    user: process.env.SMTP_USER || undefined,
  }
}

/** Read on every send, not at import, so a changed environment (and each test) takes effect without a restart. */
export const emailSettings = (): EmailSettings => {
  const host = process.env.SMTP_HOST?.trim()
  return {
    from: process.env.SMTP_FROM?.trim() || DEFAULT_FROM,
    outboxDir: path.join(dataDir(), 'outbox'),
    smtp: host ? smtpSettings({ host }) : null,
  }
}
