import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'
import type { TestSmtpServer } from '../helpers/smtp'

import { CLIENT_IP_HEADER } from '../../src/lib/http/client-ip'
import { CONSENT_WORDING } from '../../src/lib/newsletter/consent'
import { resetSignupRateLimit, signupsPerAddress } from '../../src/lib/newsletter/rate-limit'
import { eraseUnconfirmedSubscribers } from '../../src/lib/newsletter/retention'
import { createToken } from '../../src/lib/newsletter/tokens'
import { resetQuestionRateLimit } from '../../src/lib/questions/rate-limit'
import { apiClient } from '../helpers/api'
import { createUser, startTestHub } from '../helpers/hub'
import { startSmtpServer } from '../helpers/smtp'

let hub: TestHub
let smtp: TestSmtpServer
let api: ReturnType<typeof apiClient>
let adminToken: string | undefined

beforeAll(async () => {
  smtp = await startSmtpServer()
  hub = await startTestHub({
    env: { PUBLIC_URL: 'https://hub.example.nhs.uk', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false' },
  })
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  adminToken = (await api.login(await createUser({ payload: hub.payload, roles: ['admin'] }))).token
})

afterAll(async () => {
  await hub?.cleanup()
  await smtp?.stop()
})

beforeEach(() => resetSignupRateLimit())

const runJobs = async () => {
  for (let round = 0; round < 3; round++) await hub.payload.jobs.run({ queue: 'default', silent: true })
}

const signup = (body: unknown, ip = '192.0.2.20') =>
  api.rest({ body, headers: { [CLIENT_IP_HEADER]: ip }, method: 'POST', path: 'subscribers/signup' })

const mailTo = (address: string) => smtp.received().filter((mail) => mail.envelope.to.includes(address))

/** The token in the last link to `path` emailed to `address`. */
const tokenFromMail = (address: string, path: string): string => {
  const text = mailTo(address).at(-1)?.text ?? ''
  const match = new RegExp(`https://hub\\.example\\.nhs\\.uk${path.replace(/\//g, '\\/')}\\?token=([A-Za-z0-9_.-]+)`).exec(text)
  if (!match) throw new Error(`no ${path} link in the mail to ${address}:\n${text}`)
  return match[1]!
}

const subscriberByEmail = async (email: string) =>
  (await hub.payload.find({ collection: 'subscribers', overrideAccess: true, where: { email: { equals: email } } })).docs[0]!

/** Signs up and confirms an address through the API, as a person would. */
const subscribe = async (email: string, topics = ['network-updates']) => {
  expect((await signup({ email, topics })).status).toBe(202)
  await runJobs()
  const confirmed = await api.rest({
    body: { token: tokenFromMail(email, '/newsletter/confirm') },
    method: 'POST',
    path: 'subscribers/confirm',
  })
  expect(confirmed.status).toBe(200)
  return subscriberByEmail(email)
}

const subscriberToken = (
  subscriber: { id: number | string; tokenNonce?: null | string },
  purpose: 'confirm' | 'manage' | 'unsubscribe',
  now?: Date,
) => createToken({ id: subscriber.id, nonce: subscriber.tokenNonce ?? '', now, purpose, secret: hub.payload.secret })

describe('double opt-in', () => {
  it('signs up unconfirmed, emails a confirmation link, and confirms with a consent record for each step', async () => {
    const { json, status } = await signup({
      email: ' Round.Trip@Example.org ',
      sourcePath: '/newsletter',
      topics: ['consultations', 'network-updates'],
    })
    expect(status).toBe(202)
    expect(json.message).toMatch(/Check your email/)
    const pending = await subscriberByEmail('round.trip@example.org')
    expect(pending).toMatchObject({ source: '/newsletter', status: 'unconfirmed', topics: ['network-updates', 'consultations'] })
    // Through the job queue: nothing is sent until the jobs run.
    expect(mailTo('round.trip@example.org')).toHaveLength(0)
    await runJobs()
    const [mail] = mailTo('round.trip@example.org')
    expect(mail!.subject).toMatch(/Confirm your subscription/)
    expect(mail!.text).toContain('Topics: Network updates, Consultations')

    const token = tokenFromMail('round.trip@example.org', '/newsletter/confirm')
    const confirmed = await api.rest({ body: { token }, method: 'POST', path: 'subscribers/confirm' })
    expect(confirmed).toMatchObject({ json: { status: 'confirmed' }, status: 200 })
    const subscriber = await subscriberByEmail('round.trip@example.org')
    expect(subscriber.status).toBe('confirmed')
    expect(subscriber.confirmedAt).toBeTruthy()
    expect(subscriber.consents?.map(({ action, source, wording }) => ({ action, source, wording }))).toEqual([
      { action: 'requested', source: '/newsletter', wording: 'signup-1' },
      { action: 'confirmed', source: '/newsletter/confirm', wording: 'signup-1' },
    ])
    expect(CONSENT_WORDING['signup-1']).toMatch(/unsubscribe at any time/)
    // The same link again changes nothing.
    expect((await api.rest({ body: { token }, method: 'POST', path: 'subscribers/confirm' })).status).toBe(200)
    expect((await subscriberByEmail('round.trip@example.org')).consents).toHaveLength(2)
  })

  it('names each wrong field with a 400, and never a 500', async () => {
    const errorsOf = (json: { errors: { field: string; message: string }[] }) =>
      Object.fromEntries(json.errors.map((error) => [error.field, error.message]))
    expect(errorsOf((await signup({ email: '', topics: ['guidance'] })).json)).toEqual({ email: 'Enter your email address' })
    expect(errorsOf((await signup({ email: 'nope', topics: [] })).json)).toEqual({
      email: 'Enter an email address in the correct format, like name@example.com',
      topics: 'Select at least one topic',
    })
    expect(errorsOf((await signup({ email: 'a@example.org', topics: ['everything'] })).json)).toEqual({
      topics: 'Select topics from the list',
    })
    for (const [index, body] of [null, 'text', [1, 2], { email: 7, topics: 'guidance' }].entries()) {
      const response = await signup(body, `192.0.2.${100 + index}`)
      expect(response.status).toBe(400)
    }
    const honeypot = await signup({ email: 'bot@example.org', topics: ['guidance'], website: 'https://spam.example' })
    expect(honeypot).toMatchObject({ json: { errors: [{ field: 'website' }] }, status: 400 })
    expect(
      (await hub.payload.count({ collection: 'subscribers', overrideAccess: true, where: { email: { equals: 'bot@example.org' } } }))
        .totalDocs,
    ).toBe(0)
  })

  it('limits sign-ups per client address with a 429', async () => {
    for (let sent = 0; sent < signupsPerAddress.points(); sent++)
      expect((await signup({ email: `flood${sent}@example.org`, topics: ['guidance'] }, '198.51.100.9')).status).toBe(202)
    const limited = await signup({ email: 'flood-last@example.org', topics: ['guidance'] }, '198.51.100.9')
    expect(limited.status).toBe(429)
    expect((await signup({ email: 'other-address@example.org', topics: ['guidance'] }, '198.51.100.10')).status).toBe(202)
  })

  it('answers the same for an address already subscribed, and only tells its owner (no change to topics)', async () => {
    await subscribe('already@example.org', ['guidance'])
    const before = mailTo('already@example.org').length
    // Confirmation was sent moments ago: a repeat within ten minutes sends nothing at all.
    expect((await signup({ email: 'already@example.org', topics: ['consultations'] })).status).toBe(202)
    await runJobs()
    expect(mailTo('already@example.org')).toHaveLength(before)
    await hub.payload.update({
      collection: 'subscribers',
      data: { confirmationSentAt: '2020-01-01T00:00:00Z' },
      id: (await subscriberByEmail('already@example.org')).id,
      overrideAccess: true,
    })
    const again = await signup({ email: 'already@example.org', topics: ['consultations'] })
    expect(again.status).toBe(202)
    expect(again.json).toEqual((await signup({ email: 'brand.new@example.org', topics: ['guidance'] })).json)
    await runJobs()
    expect(mailTo('already@example.org').at(-1)!.subject).toMatch(/already subscribed/)
    expect(tokenFromMail('already@example.org', '/newsletter/preferences')).toBeTruthy()
    expect(await subscriberByEmail('already@example.org')).toMatchObject({ status: 'confirmed', topics: ['guidance'] })
  })

  it('rejects tampered, foreign, wrong-purpose and expired links', async () => {
    const alice = await subscribe('alice@example.org')
    const bob = await subscribe('bob@example.org')
    const aliceUnsubscribe = subscriberToken(alice, 'unsubscribe')
    const [claims, signature] = aliceUnsubscribe.split('.') as [string, string]
    const pointedAtBob = `${Buffer.from(`${bob.id}.unsubscribe.${Math.floor(Date.now() / 1000) + 3600}`).toString('base64url')}.${signature}`
    const attempts = [
      `${claims}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
      pointedAtBob,
      subscriberToken(alice, 'confirm'),
      subscriberToken(alice, 'manage'),
      'sample',
      '',
    ]
    for (const token of attempts) {
      const response = await api.rest({ method: 'POST', path: `subscribers/unsubscribe?token=${encodeURIComponent(token)}` })
      expect(response.status, token).toBe(400)
      expect(response.json.errors[0]).toMatchObject({ field: 'token', message: expect.stringMatching(/not valid/) })
    }
    expect((await subscriberByEmail('alice@example.org')).status).toBe('confirmed')
    expect((await subscriberByEmail('bob@example.org')).status).toBe('confirmed')

    const old = subscriberToken(bob, 'confirm', new Date(Date.now() - 8 * 24 * 60 * 60 * 1000))
    const expired = await api.rest({ body: { token: old }, method: 'POST', path: 'subscribers/confirm' })
    expect(expired).toMatchObject({ json: { errors: [{ field: 'token', message: expect.stringMatching(/expired/) }] }, status: 400 })
  })

  it('a confirmation link sent before an unsubscribe cannot subscribe the person again', async () => {
    await signup({ email: 'reuse@example.org', topics: ['guidance'] })
    await runJobs()
    const token = tokenFromMail('reuse@example.org', '/newsletter/confirm')
    expect((await api.rest({ body: { token }, method: 'POST', path: 'subscribers/confirm' })).status).toBe(200)
    const subscriber = await subscriberByEmail('reuse@example.org')
    expect(
      (await api.rest({ method: 'POST', path: `subscribers/unsubscribe?token=${subscriberToken(subscriber, 'unsubscribe')}` })).status,
    ).toBe(200)
    expect((await api.rest({ body: { token }, method: 'POST', path: 'subscribers/confirm' })).status).toBe(400)
    expect((await subscriberByEmail('reuse@example.org')).status).toBe('unsubscribed')
    // Signing up again starts afresh with a new nonce: the old links are dead, the new one works.
    await hub.payload.update({
      collection: 'subscribers',
      data: { confirmationSentAt: '2020-01-01T00:00:00Z' },
      id: subscriber.id,
      overrideAccess: true,
    })
    await signup({ email: 'reuse@example.org', topics: ['guidance'] })
    await runJobs()
    expect(
      (await api.rest({ method: 'POST', path: `subscribers/unsubscribe?token=${subscriberToken(subscriber, 'unsubscribe')}` })).status,
    ).toBe(400)
    expect(
      (
        await api.rest({
          body: { token: tokenFromMail('reuse@example.org', '/newsletter/confirm') },
          method: 'POST',
          path: 'subscribers/confirm',
        })
      ).status,
    ).toBe(200)
  })
})

describe('unsubscribing and preferences', () => {
  it('unsubscribes by RFC 8058 one-click POST, with no cookie or session', async () => {
    const subscriber = await subscribe('one.click@example.org')
    const token = subscriberToken(subscriber, 'unsubscribe')
    // A link checker following the address must not unsubscribe anyone: GET shows the page.
    const get = await api.rest({ path: `subscribers/unsubscribe?token=${token}` })
    expect(get.status).toBe(303)
    expect((await subscriberByEmail('one.click@example.org')).status).toBe('confirmed')
    const { REST_POST } = await import('@payloadcms/next/routes')
    const config = (await import('../../payload.config')).default
    // Exactly what a mail program sends: a form body, no cookie, no session, no CSRF token.
    const oneClick = () =>
      REST_POST(config)(
        new Request(`http://localhost/api/subscribers/unsubscribe?token=${token}`, {
          body: 'List-Unsubscribe=One-Click',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          method: 'POST',
        }),
        { params: Promise.resolve({ slug: ['subscribers', 'unsubscribe'] }) },
      )
    expect((await oneClick()).status).toBe(200)
    const after = await subscriberByEmail('one.click@example.org')
    expect(after.status).toBe('unsubscribed')
    expect(after.unsubscribedAt).toBeTruthy()
    expect(after.consents?.at(-1)).toMatchObject({ action: 'unsubscribed', source: 'email:list-unsubscribe-post' })
    // Twice is harmless, and records nothing new.
    expect((await oneClick()).status).toBe(200)
    expect((await subscriberByEmail('one.click@example.org')).consents).toHaveLength(after.consents!.length)
  })

  it('reads and changes topics with a manage link, refusing an empty choice', async () => {
    const subscriber = await subscribe('prefs@example.org', ['guidance'])
    const token = subscriberToken(subscriber, 'manage')
    expect((await api.rest({ path: `subscribers/preferences?token=${token}` })).json).toEqual({
      email: 'prefs@example.org',
      status: 'confirmed',
      topics: ['guidance'],
    })
    const empty = await api.rest({ body: { token, topics: [] }, method: 'POST', path: 'subscribers/preferences' })
    expect(empty).toMatchObject({ json: { errors: [{ field: 'topics', message: 'Select at least one topic' }] }, status: 400 })
    const saved = await api.rest({
      body: { token, topics: ['meeting-digests', 'consultations'] },
      method: 'POST',
      path: 'subscribers/preferences',
    })
    expect(saved).toMatchObject({ json: { topics: ['consultations', 'meeting-digests'] }, status: 200 })
    expect((await subscriberByEmail('prefs@example.org')).consents?.at(-1)).toMatchObject({
      action: 'topics-changed',
      topics: 'consultations, meeting-digests',
      wording: 'preferences-1',
    })
    // An unsubscribe link is not a manage link.
    expect((await api.rest({ path: `subscribers/preferences?token=${subscriberToken(subscriber, 'unsubscribe')}` })).status).toBe(400)
  })
})

describe('the question form opt-in', () => {
  it('stores the question first, then makes an unconfirmed subscriber and sends the confirmation through jobs', async () => {
    await resetQuestionRateLimit()
    const asked = await api.rest({
      body: {
        email: 'asker.optin@example.org',
        name: 'Opt In',
        newsletterOptIn: true,
        question: 'Is there a local structured education course?',
      },
      headers: { [CLIENT_IP_HEADER]: '192.0.2.77' },
      method: 'POST',
      path: 'questions',
    })
    expect(asked.status).toBe(201)
    expect(
      (
        await hub.payload.count({
          collection: 'subscribers',
          overrideAccess: true,
          where: { email: { equals: 'asker.optin@example.org' } },
        })
      ).totalDocs,
    ).toBe(0)
    await runJobs()
    const subscriber = await subscriberByEmail('asker.optin@example.org')
    expect(subscriber).toMatchObject({ source: '/ask', status: 'unconfirmed' })
    expect(subscriber.consents?.[0]).toMatchObject({ action: 'requested', source: '/ask', wording: 'ask-1' })
    expect(
      mailTo('asker.optin@example.org')
        .map((mail) => mail.subject)
        .sort(),
    ).toEqual([
      'Confirm your subscription to the Diabetes Network Hub newsletter',
      expect.stringMatching(/^We have received your question/),
    ])
  })

  it('does nothing for a question without the box ticked', async () => {
    await resetQuestionRateLimit()
    await api.rest({
      body: { email: 'asker.no@example.org', name: 'No Thanks', question: 'Is there a local structured education course?' },
      headers: { [CLIENT_IP_HEADER]: '192.0.2.78' },
      method: 'POST',
      path: 'questions',
    })
    await runJobs()
    expect(
      (await hub.payload.count({ collection: 'subscribers', overrideAccess: true, where: { email: { equals: 'asker.no@example.org' } } }))
        .totalDocs,
    ).toBe(0)
  })
})

describe("a person's data on request", () => {
  it('exports one subscriber with consents, then erases them', async () => {
    await subscribe('export.me@example.org', ['guidance'])
    const exported = await api.rest({
      body: { email: 'export.me@example.org' },
      method: 'POST',
      path: 'subscribers/export',
      token: adminToken,
    })
    expect(exported.status).toBe(200)
    expect(exported.json.subscriber).toMatchObject({ email: 'export.me@example.org', status: 'confirmed', topics: ['guidance'] })
    expect(exported.json.subscriber.tokenNonce).toBeUndefined()
    expect(exported.json.subscriber.consents).toHaveLength(2)
    expect(exported.json.deliveries).toEqual([])

    expect((await api.rest({ body: { email: 'export.me@example.org' }, method: 'POST', path: 'subscribers/erase' })).status).toBe(403)
    const erased = await api.rest({
      body: { email: 'export.me@example.org' },
      method: 'POST',
      path: 'subscribers/erase',
      token: adminToken,
    })
    expect(erased).toMatchObject({ json: { erased: true }, status: 200 })
    expect(
      (await hub.payload.count({ collection: 'subscribers', overrideAccess: true, where: { email: { equals: 'export.me@example.org' } } }))
        .totalDocs,
    ).toBe(0)
    expect(
      (await api.rest({ body: { email: 'export.me@example.org' }, method: 'POST', path: 'subscribers/export', token: adminToken })).status,
    ).toBe(404)
    expect(
      (await api.rest({ body: { email: 'not-an-email' }, method: 'POST', path: 'subscribers/erase', token: adminToken })).json.errors[0]
        .field,
    ).toBe('email')
  })
})

describe('staff and retention', () => {
  it('staff may unsubscribe someone (recorded), but never confirm them', async () => {
    const editor = await createUser({ payload: hub.payload, roles: ['editor'] })
    await hub.payload.update({ collection: 'users', data: { permissions: ['newsletter'] }, id: editor.id })
    const { token } = await api.login(editor)
    await signup({ email: 'by.phone@example.org', topics: ['guidance'] })
    const pending = await subscriberByEmail('by.phone@example.org')
    const confirm = await api.rest({ body: { status: 'confirmed' }, method: 'PATCH', path: `subscribers/${pending.id}`, token })
    expect(confirm.status).toBe(400)
    expect((await subscriberByEmail('by.phone@example.org')).status).toBe('unconfirmed')
    const ended = await api.rest({ body: { status: 'unsubscribed' }, method: 'PATCH', path: `subscribers/${pending.id}`, token })
    expect(ended.status).toBe(200)
    const after = await subscriberByEmail('by.phone@example.org')
    expect(after.status).toBe('unsubscribed')
    expect(after.consents?.at(-1)).toMatchObject({ action: 'unsubscribed', source: `admin:${editor.email}` })
  })

  it('forgets sign-ups nobody confirmed after 30 days, and keeps anyone who ever confirmed', async () => {
    await signup({ email: 'never.confirmed@example.org', topics: ['guidance'] })
    await subscribe('once.confirmed@example.org')
    const later = new Date(Date.now() + 31 * 24 * 60 * 60 * 1000)
    expect(await eraseUnconfirmedSubscribers({ now: new Date(), payload: hub.payload })).toBe(0)
    expect(await eraseUnconfirmedSubscribers({ now: later, payload: hub.payload })).toBeGreaterThanOrEqual(1)
    expect(
      (
        await hub.payload.count({
          collection: 'subscribers',
          overrideAccess: true,
          where: { email: { equals: 'never.confirmed@example.org' } },
        })
      ).totalDocs,
    ).toBe(0)
    expect((await subscriberByEmail('once.confirmed@example.org')).status).toBe('confirmed')
  })
})
