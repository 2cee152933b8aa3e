import { textToHtml } from '../email/transport'
import { createRateLimiter } from '../http/rate-limit'
import { resetPasswordPath } from '../routes'
import { absoluteUrl } from '../site/urls'
import { normaliseEmail } from './client'
import { settleAfter } from './timing'

/** How long a reset link works. */
export const RESET_LINK_MINUTES = 60

/**
 * Requests for a reset link, per email address and per client address. Both are counted whether or not the
 * address has an account, so a refusal says nothing about it either.
 */
export const RESET_REQUEST_LIMITS = {
  perClientAddress: { durationSeconds: 10 * 60, points: 10 },
  perEmail: { durationSeconds: 60 * 60, points: 3 },
}

/**
 * Every answer to a reset request takes at least this long: an address with an account costs a token, an
 * update and a queued email (60–300 ms measured), one without a single query (5–50 ms), and the difference
 * must not show.
 */
export const RESET_REQUEST_ANSWER_MS = 500

/** The one answer to a reset request, whatever the address. */
export const RESET_REQUESTED_MESSAGE = 'If an account uses this email address, a link to reset its password has been sent to it.'

const byEmail = createRateLimiter({ ...RESET_REQUEST_LIMITS.perEmail, name: 'password-reset-email' })
const byClient = createRateLimiter({ ...RESET_REQUEST_LIMITS.perClientAddress, name: 'password-reset-client' })

export const resetPasswordResetLimits = async (): Promise<void> => {
  await Promise.all([byEmail.reset(), byClient.reset()])
}

// Enough to refuse what is plainly not an address; Payload and the mail queue check it properly.
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/

export type ResetRequestOutcome =
  { kind: 'invalid'; message: string } | { kind: 'limited'; retryAfterSeconds: number } | { kind: 'requested' }

/**
 * One reset request from any door (REST, GraphQL, the site form): check the address looks like one, count
 * it against both limits, let Payload make the token and the email (`send`), and answer no sooner than
 * RESET_REQUEST_ANSWER_MS after it arrived.
 */
export const requestPasswordReset = async ({
  email,
  ip,
  send,
}: {
  email: unknown
  ip: string
  send: (email: string) => Promise<unknown>
}): Promise<ResetRequestOutcome> => {
  const started = Date.now()
  const address = normaliseEmail({ email })
  if (!EMAIL.test(address) || address.length > 254) {
    return { kind: 'invalid', message: 'Enter an email address in the correct format, like name@example.com' }
  }
  for (const { key, limiter } of [
    { key: ip, limiter: byClient },
    { key: address, limiter: byEmail },
  ]) {
    const slot = await limiter.take({ key })
    if (!slot.allowed) return { kind: 'limited', retryAfterSeconds: slot.retryAfterSeconds }
  }
  await send(address)
  await settleAfter({ ms: RESET_REQUEST_ANSWER_MS, since: started })
  return { kind: 'requested' }
}

/** The site page the reset email links to (never the request's Host header, which a requester controls). */
export const resetLink = ({ token }: { token: string }): string => absoluteUrl(resetPasswordPath({ token }))

export const RESET_EMAIL_SUBJECT = 'Reset your Diabetes Network Hub password'

/** The reset email: plain words and the link, nothing about the account beyond its address. */
export const resetEmailText = ({ token }: { token: string }): string =>
  [
    'Someone asked to reset the password of the Diabetes Network Hub account that uses this email address.',
    `To choose a new password, open this link within ${RESET_LINK_MINUTES} minutes:\n${resetLink({ token })}`,
    'The link works once. If you did not ask for this, you can ignore this email: your password stays as it is.',
  ].join('\n\n')

/** Payload asks for HTML; the mail adapter turns it back into the plain text every hub email is. */
export const resetEmailHtml = ({ token }: { token?: string } = {}): string => textToHtml(resetEmailText({ token: token ?? '' }))
