import addressparser from 'nodemailer/lib/addressparser'

import { emailSettings } from '../email/settings'
import { env } from '../env'

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

const fromAddress = (): string => addressparser(emailSettings().from, { flatten: true })[0]?.address || 'no-reply@diabetes-hub.local'

/** Read at each sending run, so a changed environment takes effect without a restart. */
export const newsletterSettings = (): NewsletterSettings => {
  const settings = env()
  return {
    connections: settings.NEWSLETTER_SMTP_CONNECTIONS,
    leaseSeconds: settings.NEWSLETTER_CLAIM_LEASE_SECONDS,
    maxAttempts: settings.NEWSLETTER_MAX_ATTEMPTS,
    ratePerSecond: settings.NEWSLETTER_RATE_PER_SECOND,
    retryBaseSeconds: settings.NEWSLETTER_RETRY_BASE_SECONDS,
    unsubscribeMailbox: settings.NEWSLETTER_UNSUBSCRIBE_EMAIL?.trim() || fromAddress(),
  }
}
