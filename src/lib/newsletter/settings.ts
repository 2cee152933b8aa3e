import addressparser from 'nodemailer/lib/addressparser'

import { emailSettings } from '../email/settings'

export type NewsletterSettings = {
  /** Parallel SMTP connections of one sender. */
  connections: number
  /** A claimed batch not finished within this time is taken to be abandoned (its sender died) and sent again. */
  leaseSeconds: number
  /** Attempts per recipient before a temporary failure becomes final. */
  maxAttempts: number
  /** Messages per second, over all of one sender's connections. */
  ratePerSecond: number
  /** The first wait after a temporary failure; it doubles with each attempt. */
  retryBaseSeconds: number
  /** Where `mailto:` unsubscribe requests go (List-Unsubscribe); read by people, not by the hub. */
  unsubscribeMailbox: string
}

const positive = ({ fallback, integer = true, name }: { fallback: number; integer?: boolean; name: string }): number => {
  const raw = process.env[name]?.trim()
  if (!raw) return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`${name} must be a positive ${integer ? 'whole ' : ''}number, got "${raw}"`)
  }
  return value
}

const fromAddress = (): string => addressparser(emailSettings().from, { flatten: true })[0]?.address || 'no-reply@diabetes-hub.local'

/** Read at each sending run, so a changed environment takes effect without a restart. */
export const newsletterSettings = (): NewsletterSettings => ({
  connections: positive({ fallback: 2, name: 'NEWSLETTER_SMTP_CONNECTIONS' }),
  leaseSeconds: positive({ fallback: 300, name: 'NEWSLETTER_CLAIM_LEASE_SECONDS' }),
  maxAttempts: positive({ fallback: 6, name: 'NEWSLETTER_MAX_ATTEMPTS' }),
  ratePerSecond: positive({ fallback: 10, integer: false, name: 'NEWSLETTER_RATE_PER_SECOND' }),
  retryBaseSeconds: positive({ fallback: 60, integer: false, name: 'NEWSLETTER_RETRY_BASE_SECONDS' }),
  unsubscribeMailbox: process.env.NEWSLETTER_UNSUBSCRIBE_EMAIL?.trim() || fromAddress(),
})
