import { describe, expect, it } from 'vitest'

import { checkToken, createToken, readTokenClaims, TOKEN_LIFETIME_SECONDS } from '../../src/lib/newsletter/tokens'

const secret = 'a secret of the hub'
const now = new Date('2026-11-23T12:00:00Z')
const issue = (overrides: Partial<Parameters<typeof createToken>[0]> = {}) =>
  createToken({ id: 41, nonce: 'nonce-of-41', now, purpose: 'unsubscribe', secret, ...overrides })

/** Replaces one character of a string with another valid base64url character. */
const flip = (value: string, index: number) => `${value.slice(0, index)}${value[index] === 'A' ? 'B' : 'A'}${value.slice(index + 1)}`

describe('signed subscriber links', () => {
  it('accept a genuine token for its own purpose and subscriber', () => {
    const token = issue()
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
    expect(checkToken({ nonce: 'nonce-of-41', now, purpose: 'unsubscribe', secret, token })).toEqual({ ok: true })
    expect(readTokenClaims(token)).toMatchObject({ id: '41', purpose: 'unsubscribe' })
  })

  it('reject any changed character, in the claims or the signature', () => {
    const token = issue()
    const [claims, signature] = token.split('.') as [string, string]
    for (let index = 0; index < claims.length; index++) {
      expect(
        checkToken({ nonce: 'nonce-of-41', now, purpose: 'unsubscribe', secret, token: `${flip(claims, index)}.${signature}` }).ok,
      ).toBe(false)
    }
    for (let index = 0; index < signature.length; index++) {
      expect(
        checkToken({ nonce: 'nonce-of-41', now, purpose: 'unsubscribe', secret, token: `${claims}.${flip(signature, index)}` }).ok,
      ).toBe(false)
    }
  })

  it('accept only the spelling the signer wrote, though the last character has two unused bits', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    let sameBytes = 0
    for (let id = 1; id <= 40; id++) {
      const token = issue({ id, nonce: `nonce-of-${id}` })
      const last = token.at(-1)!
      for (const other of alphabet.replace(last, '')) {
        const altered = `${token.slice(0, -1)}${other}`
        if (Buffer.from(altered.split('.')[1]!, 'base64url').equals(Buffer.from(token.split('.')[1]!, 'base64url'))) sameBytes++
        expect(checkToken({ nonce: `nonce-of-${id}`, now, purpose: 'unsubscribe', secret, token: altered }).ok, altered).toBe(false)
      }
    }
    // Three other spellings of every signature decode to the same bytes: the case this guards against.
    expect(sameBytes).toBe(40 * 3)
  })

  it('cannot be re-pointed at another subscriber, even keeping the signature', () => {
    const token = issue()
    const signature = token.split('.')[1]
    const forgedClaims = Buffer.from(`42.unsubscribe.${Math.floor(now.getTime() / 1000) + 1000}`).toString('base64url')
    const forged = `${forgedClaims}.${signature}`
    expect(checkToken({ nonce: 'nonce-of-42', now, purpose: 'unsubscribe', secret, token: forged })).toEqual({
      ok: false,
      reason: 'invalid',
    })
    // Another subscriber's nonce never checks this subscriber's token either.
    expect(checkToken({ nonce: 'nonce-of-42', now, purpose: 'unsubscribe', secret, token })).toEqual({ ok: false, reason: 'invalid' })
  })

  it('are bound to one purpose: a confirmation token does not unsubscribe, and so on', () => {
    const confirm = issue({ purpose: 'confirm' })
    expect(checkToken({ nonce: 'nonce-of-41', now, purpose: 'unsubscribe', secret, token: confirm }).ok).toBe(false)
    expect(checkToken({ nonce: 'nonce-of-41', now, purpose: 'manage', secret, token: confirm }).ok).toBe(false)
    expect(checkToken({ nonce: 'nonce-of-41', now, purpose: 'confirm', secret, token: confirm }).ok).toBe(true)
  })

  it('expire: a confirmation link after seven days, reported as expired only when genuine', () => {
    const token = issue({ purpose: 'confirm' })
    const later = new Date(now.getTime() + TOKEN_LIFETIME_SECONDS.confirm * 1000 + 1000)
    expect(TOKEN_LIFETIME_SECONDS.confirm).toBe(7 * 24 * 60 * 60)
    expect(checkToken({ nonce: 'nonce-of-41', now: later, purpose: 'confirm', secret, token })).toEqual({ ok: false, reason: 'expired' })
    expect(checkToken({ nonce: 'wrong', now: later, purpose: 'confirm', secret, token })).toEqual({ ok: false, reason: 'invalid' })
  })

  it('stop working when the nonce is rotated or the secret changes', () => {
    const token = issue()
    expect(checkToken({ nonce: 'a new nonce', now, purpose: 'unsubscribe', secret, token }).ok).toBe(false)
    expect(checkToken({ nonce: 'nonce-of-41', now, purpose: 'unsubscribe', secret: 'another secret', token }).ok).toBe(false)
    expect(checkToken({ nonce: null, now, purpose: 'unsubscribe', secret, token }).ok).toBe(false)
  })

  it.each([[''], ['sample'], ['a.b'], [`${'x'.repeat(600)}.${'y'.repeat(43)}`], [42], [null]])('reject malformed input %j', (token) => {
    expect(checkToken({ nonce: 'nonce-of-41', now, purpose: 'unsubscribe', secret, token })).toEqual({ ok: false, reason: 'invalid' })
  })
})
