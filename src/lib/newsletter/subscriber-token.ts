/** Signed links in newsletter emails, resolved to the subscriber they were made for. */
import type { Payload, PayloadRequest } from 'payload'

import type { Subscriber } from '../../payload-types'
import type { TokenPurpose } from './tokens'

import { checkToken, readTokenClaims } from './tokens'

export type TokenFailure = { ok: false; reason: 'expired' | 'invalid' }

/** The subscriber a signed link is for, if the link is genuine, current and meant for one of `purposes`. */
export const subscriberForToken = async ({
  now = new Date(),
  payload,
  purposes,
  req,
  token,
}: {
  now?: Date
  payload: Payload
  purposes: TokenPurpose[]
  req?: PayloadRequest
  token: unknown
}): Promise<TokenFailure | { ok: true; subscriber: Subscriber }> => {
  const claims = readTokenClaims(token)
  if (!claims || !purposes.includes(claims.purpose)) return { ok: false, reason: 'invalid' }
  const subscriber = await payload
    .findByID({ collection: 'subscribers', depth: 0, disableErrors: true, id: claims.id, overrideAccess: true, req })
    .catch(() => null)
  const check = checkToken({ nonce: subscriber?.tokenNonce, now, purpose: claims.purpose, secret: payload.secret, token })
  return check.ok && subscriber ? { ok: true, subscriber } : { ok: false, reason: check.ok ? 'invalid' : check.reason }
}
