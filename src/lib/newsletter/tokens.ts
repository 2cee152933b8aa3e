import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Signed links for people without an account. A token names a subscriber, a purpose and an expiry, and is
 * signed with HMAC-SHA256 under a key derived from the Payload secret. The signature also covers the
 * subscriber's nonce, which is stored only on the server: rotating it revokes every link issued before.
 *
 *   claims = base64url("<id>.<purpose>.<expires, unix seconds>")
 *   token  = claims + "." + base64url(HMAC-SHA256(key, claims + "\n" + nonce))
 */
export const TOKEN_PURPOSES = ['confirm', 'manage', 'unsubscribe'] as const
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number]

const DAY = 24 * 60 * 60

/** Confirmation links are short-lived; links in newsletters must keep working for people who read them late. */
export const TOKEN_LIFETIME_SECONDS: Record<TokenPurpose, number> = { confirm: 7 * DAY, manage: 400 * DAY, unsubscribe: 400 * DAY }

// A key of its own, so a newsletter token can never be mistaken for anything else the secret signs.
const keys = new Map<string, Buffer>()
const tokenKey = (secret: string): Buffer => {
  let key = keys.get(secret)
  if (!key) {
    key = createHmac('sha256', secret).update('diabetes-hub/newsletter-token/v1').digest()
    keys.set(secret, key)
  }
  return key
}

const mac = ({ claims, nonce, secret }: { claims: string; nonce: string; secret: string }): Buffer =>
  createHmac('sha256', tokenKey(secret)).update(`${claims}\n${nonce}`).digest()

export const createToken = ({
  id,
  nonce,
  now = new Date(),
  purpose,
  secret,
}: {
  id: number | string
  nonce: string
  now?: Date
  purpose: TokenPurpose
  secret: string
}): string => {
  if (!nonce) throw new Error('createToken: the subscriber has no nonce')
  const expires = Math.floor(now.getTime() / 1000) + TOKEN_LIFETIME_SECONDS[purpose]
  // The encoded form is what is signed, so the token has exactly one spelling.
  const claims = Buffer.from(`${id}.${purpose}.${expires}`).toString('base64url')
  return `${claims}.${mac({ claims, nonce, secret }).toString('base64url')}`
}

export type TokenClaims = { expires: number; id: string; purpose: TokenPurpose }

/** The unverified claims of a well-formed token (to find the subscriber whose nonce checks it), else null. */
export const readTokenClaims = (token: unknown): null | (TokenClaims & { claims: string; signature: Buffer }) => {
  if (typeof token !== 'string' || token.length > 512) return null
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token)
  if (!match) return null
  const claims = match[1]!
  const parts = /^([A-Za-z0-9-]{1,64})\.([a-z]+)\.(\d{1,12})$/.exec(Buffer.from(claims, 'base64url').toString('utf8'))
  if (!parts || !(TOKEN_PURPOSES as readonly string[]).includes(parts[2]!)) return null
  const signature = Buffer.from(match[2]!, 'base64url')
  // The last of 43 characters carries two unused bits: only the one spelling the signer wrote is accepted,
  // so no altered token ever checks out.
  if (signature.toString('base64url') !== match[2]) return null
  return { claims, expires: Number(parts[3]), id: parts[1]!, purpose: parts[2] as TokenPurpose, signature }
}

export type TokenCheck = { ok: true } | { ok: false; reason: 'expired' | 'invalid' }

/**
 * Checks a token for one purpose against the subscriber it names. A confirmation token is no unsubscribe
 * token, and a token for one subscriber fails for every other (their nonces differ, and the id is signed).
 * Expiry is reported only for a genuine signature, so a forger learns nothing.
 */
export const checkToken = ({
  nonce,
  now = new Date(),
  purpose,
  secret,
  token,
}: {
  nonce: null | string | undefined
  now?: Date
  purpose: TokenPurpose
  secret: string
  token: unknown
}): TokenCheck => {
  const read = readTokenClaims(token)
  if (!read || !nonce || read.purpose !== purpose) return { ok: false, reason: 'invalid' }
  const expected = mac({ claims: read.claims, nonce, secret })
  if (read.signature.length !== expected.length || !timingSafeEqual(read.signature, expected)) return { ok: false, reason: 'invalid' }
  if (read.expires * 1000 <= now.getTime()) return { ok: false, reason: 'expired' }
  return { ok: true }
}
