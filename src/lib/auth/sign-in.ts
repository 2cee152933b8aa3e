import type { CollectionAfterLoginHook, CollectionBeforeOperationHook } from 'payload'

import { APIError, AuthenticationError } from 'payload'

import { createRateLimiter } from '../http/rate-limit'
import { clientIpOf, normaliseEmail } from './client'
import { equaliseHashTime } from './timing'

const FIFTEEN_MINUTES = 15 * 60 * 1000

/** How long a sign-in lasts (the session and its cookie), as the cookies page and privacy notice say. */
export const SESSION_SECONDS = 8 * 60 * 60

/**
 * Failed sign-ins are counted per account and client address, not per account: a stranger failing on
 * purpose locks only themselves out, and the owner signs in from anywhere else. The count per address
 * stops one address guessing across many accounts. Each attempt is counted before the password is checked
 * (so parallel attempts cannot all slip under the limit) and given back when it succeeds.
 */
export const SIGN_IN_LIMITS = {
  perAccountAndAddress: { durationSeconds: FIFTEEN_MINUTES / 1000, points: 5 },
  perAddress: { durationSeconds: FIFTEEN_MINUTES / 1000, points: 30 },
}

const byAccount = createRateLimiter({ ...SIGN_IN_LIMITS.perAccountAndAddress, name: 'sign-in-account' })
const byAddress = createRateLimiter({ ...SIGN_IN_LIMITS.perAddress, name: 'sign-in-address' })

const accountKey = ({ email, ip }: { email: string; ip: string }) => `${email} ${ip}`

export const resetSignInLimits = async (): Promise<void> => {
  await Promise.all([byAccount.reset(), byAddress.reset()])
}

/**
 * Before Payload checks a password: refuse an address over its limit (429), refuse a locked account and
 * address pair exactly as a wrong password is refused (same status, message and time), and spend the time
 * of a password check on an address with no account, which Payload would answer at once.
 */
export const limitSignIn: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data
  const email = normaliseEmail({ email: data?.email })
  const password = typeof data?.password === 'string' ? data.password : ''
  // Payload refuses a missing field with 400 before checking anything.
  if (!email || !password.trim()) return args
  const ip = clientIpOf(req)
  const address = await byAddress.take({ key: ip })
  if (!address.allowed) {
    const headers = new Headers(req.responseHeaders)
    headers.set('Retry-After', String(address.retryAfterSeconds))
    req.responseHeaders = headers
    const minutes = Math.ceil(address.retryAfterSeconds / 60)
    throw new APIError(
      `Too many failed sign-ins from this network. Try again in ${minutes} minutes.`,
      429,
      { retryAfterSeconds: address.retryAfterSeconds },
      true,
    )
  }
  const account = await byAccount.take({ key: accountKey({ email, ip }) })
  if (!account.allowed) {
    await equaliseHashTime({ password })
    throw new AuthenticationError(req.t)
  }
  const { totalDocs } = await req.payload.db.count({ collection: 'users', req, where: { email: { equals: email } } })
  if (totalDocs === 0) await equaliseHashTime({ password })
  return args
}

/** A successful sign-in does not count against its account or address. */
export const refundSuccessfulSignIn: CollectionAfterLoginHook = async ({ req, user }) => {
  const ip = clientIpOf(req)
  await byAccount.refund({ key: accountKey({ email: normaliseEmail({ email: user.email }), ip }) })
  await byAddress.refund({ key: ip })
  return user
}
