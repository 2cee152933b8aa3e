import type { Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'
import type { TestSmtpServer } from '../helpers/smtp'

import { RESET_REQUEST_ANSWER_MS, RESET_REQUESTED_MESSAGE, resetPasswordResetLimits } from '../../src/lib/auth/password-reset'
import { resetSignInLimits } from '../../src/lib/auth/sign-in'
import { CLIENT_IP_HEADER } from '../../src/lib/http/client-ip'
import { apiClient } from '../helpers/api'
import { median, postForm, timed } from '../helpers/auth'
import { createUser, startTestHub, testDatabase } from '../helpers/hub'
import { parseMail, startSmtpServer } from '../helpers/smtp'

const PUBLIC_URL = 'https://hub.example.nhs.uk'

let hub: TestHub
let payload: Payload
let smtp: TestSmtpServer
let api: ReturnType<typeof apiClient>
let clients = 0
// The site's pages and routes import the Payload config: loaded once the hub's environment is set.
let ForgotPage: typeof import('../../src/app/(site)/login/forgot/page').default
let ResetPage: typeof import('../../src/app/(site)/login/reset/page').default
let sendResetLink: typeof import('../../src/app/(site)/login/forgot/send/route').POST
let saveNewPassword: typeof import('../../src/app/(site)/login/reset/save/route').POST

beforeAll(async () => {
  smtp = await startSmtpServer()
  hub = await startTestHub({ env: { PUBLIC_URL, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false' } })
  payload = hub.payload
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  ForgotPage = (await import('../../src/app/(site)/login/forgot/page')).default
  ResetPage = (await import('../../src/app/(site)/login/reset/page')).default
  sendResetLink = (await import('../../src/app/(site)/login/forgot/send/route')).POST
  saveNewPassword = (await import('../../src/app/(site)/login/reset/save/route')).POST
})

afterAll(async () => {
  await hub?.cleanup()
  await smtp?.stop()
})

beforeEach(async () => {
  await resetPasswordResetLimits()
  await resetSignInLimits()
})

/** A client address of its own for each use, so the per-client limits only apply where a test means them to. */
const newClient = () => `192.0.2.${++clients}`

const forgot = ({ email, ip = newClient() }: { email: string; ip?: string }) =>
  api.raw({ body: { email }, headers: { [CLIENT_IP_HEADER]: ip }, method: 'POST', path: 'users/forgot-password' })

// Earlier tests queue mail too: run until nothing is left (the runner takes a batch at a time).
const runJobs = async () => {
  await payload.jobs.run({ limit: 500, queue: 'default', silent: true })
}

const mailTo = (email: string) => smtp.received().filter((mail) => mail.envelope.to.includes(email))

const resetTokenIn = (text: string): string => {
  const match = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}/login/reset\\?token=([0-9a-f]+)`).exec(text)
  if (!match) throw new Error(`no reset link in: ${text}`)
  return match[1]!
}

const html = async (element: Promise<React.ReactElement>) => renderToStaticMarkup(await element)

describe(`password reset (${testDatabase()})`, () => {
  it('reset requests in flight alongside a sign-in all answer promptly, with the right codes', async () => {
    const user = await createUser({ payload, roles: ['editor'] })
    const others = [await createUser({ payload, roles: [] }), await createUser({ payload, roles: [] })]
    const requests = [
      timed({ task: async () => (await forgot({ email: user.email })).status }),
      timed({ task: async () => (await forgot({ email: others[0]!.email })).status }),
      timed({ task: async () => (await forgot({ email: 'nobody-here@example.org' })).status }),
      timed({
        task: async () =>
          (
            await api.rest({
              body: { email: user.email, password: user.password },
              headers: { [CLIENT_IP_HEADER]: newClient() },
              method: 'POST',
              path: 'users/login',
            })
          ).status,
      }),
    ]
    const results = await Promise.all(requests)
    expect(results.map(({ result }) => result)).toEqual([200, 200, 200, 200])
    // Well inside the 5 s busy timeout a write waiting for itself used to run into.
    for (const { ms } of results) expect(ms).toBeLessThan(3_000)
  })

  it('answers an address with an account and one without in the same status and words', async () => {
    const user = await createUser({ payload, roles: ['professional'] })
    const known = await forgot({ email: user.email })
    const unknown = await forgot({ email: 'no-account@example.org' })
    expect(known.status).toBe(200)
    expect(unknown.status).toBe(200)
    const [knownBody, unknownBody] = [await known.text(), await unknown.text()]
    expect(knownBody).toBe(unknownBody)
    expect(JSON.parse(knownBody).message).toBe(RESET_REQUESTED_MESSAGE)

    const graphql = async (email: string) => api.graphql({ query: `mutation { forgotPasswordUser(email: ${JSON.stringify(email)}) }` })
    const other = await createUser({ payload, roles: [] })
    expect(await graphql(other.email)).toEqual(await graphql('no-account-either@example.org'))

    const site = async (email: string) =>
      (await postForm({ fields: { email }, handler: sendResetLink, ip: newClient(), path: '/login/forgot/send' })).location
    const third = await createUser({ payload, roles: [] })
    expect(await site(third.email)).toBe('/login/forgot?sent=1')
    expect(await site('nor-this-one@example.org')).toBe('/login/forgot?sent=1')
  })

  it('takes as long for an address without an account as for one with (median of 8 each)', async () => {
    const users = await Promise.all(Array.from({ length: 8 }, () => createUser({ payload, roles: [] })))
    const known: number[] = []
    const unknown: number[] = []
    for (const [index, user] of users.entries()) {
      known.push((await timed({ task: () => forgot({ email: user.email }) })).ms)
      unknown.push((await timed({ task: () => forgot({ email: `missing-${index}@example.org` }) })).ms)
    }
    const [knownMs, unknownMs] = [median({ values: known }), median({ values: unknown })]
    console.info(`forgot-password median: with an account ${knownMs.toFixed(0)} ms, without ${unknownMs.toFixed(0)} ms`)
    expect(Math.max(knownMs, unknownMs) / Math.min(knownMs, unknownMs)).toBeLessThan(1.25)
    expect(unknownMs).toBeGreaterThanOrEqual(RESET_REQUEST_ANSWER_MS - 5)
  })

  it('refuses a fourth request for one address within the hour with 429 and Retry-After, with an account or not', async () => {
    const user = await createUser({ payload, roles: [] })
    for (const email of [user.email, 'limited-unknown@example.org']) {
      for (let n = 0; n < 3; n++) expect((await forgot({ email })).status).toBe(200)
      const refused = await forgot({ email })
      expect(refused.status).toBe(429)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3_000)
      expect((await refused.json()).errors[0].message).toMatch(/too many/i)
    }
  })

  it('refuses an eleventh request from one client within ten minutes, whatever the addresses', async () => {
    const ip = newClient()
    for (let n = 0; n < 10; n++) expect((await forgot({ email: `spread-${n}@example.org`, ip })).status).toBe(200)
    const refused = await forgot({ email: 'spread-10@example.org', ip })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    // Another client is not affected.
    expect((await forgot({ email: 'spread-10@example.org' })).status).toBe(200)
    // GraphQL counts against the same limit.
    const graphql = await api.graphql({ query: 'mutation { forgotPasswordUser(email: "spread-11@example.org") }' })
    expect(graphql.json.errors).toBeUndefined()
  })

  it('refuses what is not an email address with 400 naming the field', async () => {
    const response = await forgot({ email: 'not an address' })
    expect(response.status).toBe(400)
    expect((await response.json()).errors[0].data.errors[0].path).toBe('email')
    const site = await postForm({ fields: { email: '' }, handler: sendResetLink, ip: newClient(), path: '/login/forgot/send' })
    expect(site.location).toBe('/login/forgot?error=invalid')
  })

  it('end to end by the site: request, email with the site link, new password twice, sign in', async () => {
    const user = await createUser({ payload, roles: ['professional'] })
    const sent = await postForm({
      fields: { email: user.email.toUpperCase() },
      handler: sendResetLink,
      ip: newClient(),
      path: '/login/forgot/send',
    })
    expect(sent.status).toBe(303)
    expect(sent.location).toBe('/login/forgot?sent=1')
    // Queued, not sent: the email job delivers it.
    expect(mailTo(user.email)).toEqual([])
    await runJobs()
    const [mail] = mailTo(user.email)
    expect(mail?.subject).toBe('Reset your Diabetes Network Hub password')
    expect(mail!.text).not.toMatch(/<[a-z]/i)
    const token = resetTokenIn(mail!.text)

    const page = await html(ResetPage({ searchParams: Promise.resolve({ token }) }))
    expect(page).toMatch(/<form[^>]* action="\/login\/reset\/save" method="post"/)
    expect(page).toContain(`value="${token}"`)
    expect(page).toMatch(/autocomplete="new-password"/i)

    const save = (fields: Record<string, string>) =>
      postForm({ fields: { token, ...fields }, handler: saveNewPassword, path: '/login/reset/save' })
    const mismatch = await save({ confirm: 'a different passphrase here', password: 'a brand new passphrase' })
    expect(mismatch.location).toBe(`/login/reset?token=${token}&error=confirm`)
    const summary = await html(ResetPage({ searchParams: Promise.resolve({ error: 'confirm', token }) }))
    expect(summary).toContain('nhsuk-error-summary')
    expect(summary).toContain('href="#confirm"')
    expect(summary).toContain('Enter the same new password twice.')
    const localPart = user.email.split('@')[0]!
    const emailName = await save({ confirm: `${localPart} is my password`, password: `${localPart} is my password` })
    expect(emailName.location).toBe(`/login/reset?token=${token}&error=email-name`)

    const done = await save({ confirm: 'a brand new passphrase', password: 'a brand new passphrase' })
    expect(done.location).toBe('/login?reset=done')
    expect((await api.login({ email: user.email, password: user.password })).status).toBe(401)
    expect((await api.login({ email: user.email, password: 'a brand new passphrase' })).status).toBe(200)

    // The link works once.
    const again = await save({ confirm: 'yet another passphrase', password: 'yet another passphrase' })
    expect(again.location).toBe(`/login/reset?token=${token}&error=expired`)
    expect(await html(ResetPage({ searchParams: Promise.resolve({ token }) }))).toContain('This link has expired')
  })

  it('without SMTP_HOST the email is written to DATA_DIR/outbox as an .eml file', async () => {
    const user = await createUser({ payload, roles: [] })
    const smtpHost = process.env.SMTP_HOST
    delete process.env.SMTP_HOST
    try {
      expect((await forgot({ email: user.email })).status).toBe(200)
      await runJobs()
    } finally {
      process.env.SMTP_HOST = smtpHost
    }
    const outbox = path.join(hub.dataDir, 'outbox')
    const mails = fs
      .readdirSync(outbox)
      .map((file) => parseMail({ envelope: { from: '', to: [] }, raw: fs.readFileSync(path.join(outbox, file), 'utf8') }))
      .filter((mail) => mail.to === user.email)
    expect(mails).toHaveLength(1)
    const token = resetTokenIn(mails[0]!.text)
    const done = await postForm({
      fields: { confirm: 'outbox passphrase ok', password: 'outbox passphrase ok', token },
      handler: saveNewPassword,
      path: '/login/reset/save',
    })
    expect(done.location).toBe('/login?reset=done')
  })

  it('over REST and GraphQL too: the reset link resets through the API as well', async () => {
    const user = await createUser({ payload, roles: [] })
    const graphql = await api.graphql({ query: `mutation { forgotPasswordUser(email: ${JSON.stringify(user.email)}) }` })
    expect(graphql.json.data.forgotPasswordUser).toBe(true)
    await runJobs()
    const token = resetTokenIn(mailTo(user.email)[0]!.text)
    const weak = await api.rest({ body: { password: 'short', token }, method: 'POST', path: 'users/reset-password' })
    expect(weak.status).toBe(400)
    const reset = await api.rest({ body: { password: 'graphql reset passphrase', token }, method: 'POST', path: 'users/reset-password' })
    expect(reset.status).toBe(200)
    expect((await api.login({ email: user.email, password: 'graphql reset passphrase' })).status).toBe(200)
  })

  it('the Local API asks for a reset without waiting on itself, and the email is queued with the token', async () => {
    const user = await createUser({ payload, roles: [] })
    const { ms, result: token } = await timed({
      task: () => payload.forgotPassword({ collection: 'users', data: { email: user.email } as never }),
    })
    expect(ms).toBeLessThan(3_000)
    expect(token).toMatch(/^[0-9a-f]{40}$/)
    await runJobs()
    expect(resetTokenIn(mailTo(user.email)[0]!.text)).toBe(token)
  })

  it('a password set through the link replaces a one-time password, so the account holds its roles', async () => {
    const email = 'one.time.reset@example.org'
    await payload.create({
      collection: 'users',
      data: { email, mustChangePassword: true, password: 'generated one time pass 2', roles: ['admin'] },
    })
    const token = await payload.forgotPassword({ collection: 'users', data: { email } as never, disableEmail: true })
    const done = await postForm({
      fields: { confirm: 'chosen by the owner', password: 'chosen by the owner', token: String(token) },
      handler: saveNewPassword,
      path: '/login/reset/save',
    })
    expect(done.location).toBe('/login?reset=done')
    const stored = await payload.find({ collection: 'users', where: { email: { equals: email } } })
    expect(stored.docs[0]?.mustChangePassword).toBe(false)
  })
})

describe('the site pages', () => {
  it('sign-in links to the reset page, which asks for an address with an NHS.UK error summary when it is wrong', async () => {
    const forgotPage = await html(ForgotPage({ searchParams: Promise.resolve({ error: 'invalid' }) }))
    expect(forgotPage).toMatch(/<form[^>]* action="\/login\/forgot\/send" method="post"/)
    expect(forgotPage).toContain('nhsuk-error-summary')
    expect(forgotPage).toContain('href="#email"')
    const sentPage = await html(ForgotPage({ searchParams: Promise.resolve({ sent: '1' }) }))
    expect(sentPage).toContain('If an account uses the email address you entered')
  })

  it('an unknown or malformed token shows the expired page with a way to ask again', async () => {
    for (const token of ['', 'not-hex', 'ab'.repeat(20)]) {
      const page = await html(ResetPage({ searchParams: Promise.resolve({ token }) }))
      expect(page).toContain('This link has expired')
      expect(page).toContain('href="/login/forgot"')
      expect(page).not.toContain('<form')
    }
  })
})
