import type { Payload } from 'payload'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { SIGN_IN_LIMITS, resetSignInLimits } from '../../src/lib/auth/sign-in'
import { CLIENT_IP_HEADER } from '../../src/lib/http/client-ip'
import { resolveGuidancePage } from '../../src/lib/site/content'
import { apiClient } from '../helpers/api'
import { cookieOf, median, postForm, timed } from '../helpers/auth'
import { createUser, startTestHub, testDatabase } from '../helpers/hub'

let hub: TestHub
let payload: Payload
let api: ReturnType<typeof apiClient>
let clients = 0
// The site's routes import the Payload config: loaded once the hub's environment is set.
let siteSignIn: typeof import('../../src/app/(site)/login/session/route').POST
let siteSignOut: typeof import('../../src/app/(site)/logout/route').POST

beforeAll(async () => {
  hub = await startTestHub()
  payload = hub.payload
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  siteSignIn = (await import('../../src/app/(site)/login/session/route')).POST
  siteSignOut = (await import('../../src/app/(site)/logout/route')).POST
})

afterAll(async () => {
  await hub?.cleanup()
})

beforeEach(() => resetSignInLimits())

const newClient = () => `198.51.100.${++clients}`

const login = ({ email, ip, password }: { email: string; ip: string; password: string }) =>
  api.rest({ body: { email, password }, headers: { [CLIENT_IP_HEADER]: ip }, method: 'POST', path: 'users/login' })

const graphqlLogin = async ({ email, ip, password }: { email: string; ip: string; password: string }) =>
  (
    await api.graphql({
      headers: { [CLIENT_IP_HEADER]: ip },
      query: `mutation { loginUser(email: ${JSON.stringify(email)}, password: ${JSON.stringify(password)}) { token } }`,
    })
  ).json

const siteLogin = async ({ email, ip, password }: { email: string; ip: string; password: string }) =>
  postForm({ fields: { email, next: '/', password }, handler: siteSignIn, ip, path: '/login/session' })

const WRONG = 'not the right password at all'

describe(`sign-in does not tell whether an account exists (${testDatabase()})`, () => {
  it('a wrong password, an unknown address and a locked sign-in get the same status and words, by REST, GraphQL and the site', async () => {
    const user = await createUser({ payload, roles: ['professional'] })
    const ip = newClient()
    const wrong = await login({ email: user.email, ip, password: WRONG })
    for (let n = 1; n < SIGN_IN_LIMITS.perAccountAndAddress.points; n++) await login({ email: user.email, ip, password: WRONG })
    // Locked for this address now, so even the right password is refused, in the same words.
    const locked = await login({ email: user.email, ip, password: user.password })
    const unknown = await login({ email: 'nobody.at.all@example.org', ip: newClient(), password: WRONG })
    expect(wrong.status).toBe(401)
    expect(locked).toEqual(wrong)
    expect(unknown).toEqual(wrong)

    const graphqlWrong = await graphqlLogin({ email: user.email, ip: newClient(), password: WRONG })
    const graphqlLocked = await graphqlLogin({ email: user.email, ip, password: user.password })
    const graphqlUnknown = await graphqlLogin({ email: 'nobody.at.all@example.org', ip: newClient(), password: WRONG })
    expect(graphqlWrong.errors[0].message).toBe(wrong.json.errors[0].message)
    expect(graphqlLocked.errors[0].message).toBe(wrong.json.errors[0].message)
    expect(graphqlUnknown.errors[0].message).toBe(wrong.json.errors[0].message)

    const siteWrong = await siteLogin({ email: user.email, ip: newClient(), password: WRONG })
    const siteLocked = await siteLogin({ email: user.email, ip, password: user.password })
    const siteUnknown = await siteLogin({ email: 'nobody.at.all@example.org', ip: newClient(), password: WRONG })
    expect(siteWrong.location).toBe('/login?error=wrong&next=%2F')
    expect(siteLocked.location).toBe(siteWrong.location)
    expect(siteUnknown.location).toBe(siteWrong.location)
    expect(siteLocked.setCookie).toBeNull()
  })

  it('takes as long for an unknown address as for a known one with a wrong password (median of 20 each, within 2x)', async () => {
    const user = await createUser({ payload, roles: ['editor'] })
    const known: number[] = []
    const unknown: number[] = []
    for (let n = 0; n < 20; n++) {
      // A client address per try: this measures the password check, not the lockout.
      known.push((await timed({ task: () => login({ email: user.email, ip: newClient(), password: WRONG }) })).ms)
      unknown.push((await timed({ task: () => login({ email: `unknown-${n}@example.org`, ip: newClient(), password: WRONG }) })).ms)
    }
    const [knownMs, unknownMs] = [median({ values: known }), median({ values: unknown })]
    console.info(`sign-in median: known address ${knownMs.toFixed(0)} ms, unknown ${unknownMs.toFixed(0)} ms`)
    expect(Math.max(knownMs, unknownMs) / Math.min(knownMs, unknownMs)).toBeLessThan(2)
  })

  it('self-registration answers the same for a free and a taken address, in about the same time', async () => {
    const existing = await createUser({ payload, roles: ['editor'] })
    const signUp = (email: string) =>
      timed({ task: () => api.rest({ body: { email, password: 'three random words here' }, method: 'POST', path: 'users' }) })
    const free: Awaited<ReturnType<typeof signUp>>[] = []
    const taken: Awaited<ReturnType<typeof signUp>>[] = []
    for (let n = 0; n < 6; n++) {
      free.push(await signUp(`new-member-${n}@example.org`))
      taken.push(await signUp(existing.email))
    }
    expect(taken[0]!.result).toEqual(free[0]!.result)
    expect(free[0]!.result.status).toBe(201)
    expect(JSON.stringify(taken[0]!.result.json)).not.toContain('already registered')
    const [freeMs, takenMs] = [median({ values: free.map(({ ms }) => ms) }), median({ values: taken.map(({ ms }) => ms) })]
    console.info(`sign-up median: free address ${freeMs.toFixed(0)} ms, taken ${takenMs.toFixed(0)} ms`)
    expect(Math.max(freeMs, takenMs) / Math.min(freeMs, takenMs)).toBeLessThan(2)
    // The new account exists and holds no role; the taken one is unchanged.
    const created = await payload.find({ collection: 'users', where: { email: { equals: 'new-member-0@example.org' } } })
    expect(created.docs[0]?.roles ?? []).toEqual([])
    expect((await login({ email: existing.email, ip: newClient(), password: existing.password })).status).toBe(200)
  })

  it('an anonymous GraphQL create is refused (it would say "already registered"); an administrator still gets the document', async () => {
    const graphql = await api.graphql({
      query: 'mutation { createUser(data: { email: "graphql-signup@example.org", password: "three random words here" }) { id } }',
    })
    expect(graphql.json.errors[0].message).toMatch(/POST \/api\/users/)
    expect((await payload.count({ collection: 'users', where: { email: { equals: 'graphql-signup@example.org' } } })).totalDocs).toBe(0)
    const admin = await createUser({ payload, roles: ['admin'] })
    const { token } = await login({ email: admin.email, ip: newClient(), password: admin.password }).then(({ json }) => json)
    // The same account twice: the second is refused.
    const create = () =>
      api.rest({ body: { email: 'made-by-admin@example.org', password: 'three random words here' }, method: 'POST', path: 'users', token })
    const created = await create()
    expect(created.status).toBe(201)
    expect(created.json.doc.email).toBe('made-by-admin@example.org')
    const duplicate = await create()
    expect(duplicate.status).toBe(400)
  })
})

describe(`lockout per account and client address (${testDatabase()})`, () => {
  it('five failures from one address lock that address out of the account; the owner signs in from another', async () => {
    const owner = await createUser({ payload, roles: ['admin'] })
    const attacker = newClient()
    for (let n = 0; n < SIGN_IN_LIMITS.perAccountAndAddress.points; n++) {
      expect((await login({ email: owner.email, ip: attacker, password: `guess number ${n} here` })).status).toBe(401)
    }
    expect((await login({ email: owner.email, ip: attacker, password: owner.password })).status).toBe(401)
    expect((await siteLogin({ email: owner.email, ip: attacker, password: owner.password })).location).toMatch(/error=wrong/)
    // The owner, elsewhere, is not locked out: by REST, GraphQL and the site.
    const fromHome = await login({ email: owner.email, ip: newClient(), password: owner.password })
    expect(fromHome.status).toBe(200)
    expect(fromHome.json.token).toBeTruthy()
    expect((await graphqlLogin({ email: owner.email, ip: newClient(), password: owner.password })).data.loginUser.token).toBeTruthy()
    expect((await siteLogin({ email: owner.email, ip: newClient(), password: owner.password })).setCookie).toMatch(/payload-token=/)
  })

  it('successful sign-ins do not count: twelve in a row from one address are all accepted', async () => {
    const user = await createUser({ payload, roles: ['editor'] })
    const ip = newClient()
    for (let n = 0; n < 12; n++) expect((await login({ email: user.email, ip, password: user.password })).status).toBe(200)
  })

  it('parallel guesses cannot slip past the limit (one GraphQL request with ten aliased attempts)', async () => {
    const user = await createUser({ payload, roles: ['editor'] })
    const ip = newClient()
    const attempts = Array.from(
      { length: 10 },
      (_, n) => `a${n}: loginUser(email: ${JSON.stringify(user.email)}, password: "guess ${n} wrong") { token }`,
    )
    const burst = (await api.graphql({ headers: { [CLIENT_IP_HEADER]: ip }, query: `mutation { ${attempts.join(' ')} }` })).json
    expect(burst.errors).toHaveLength(10)
    expect((await login({ email: user.email, ip, password: user.password })).status).toBe(401)
  })

  it('the per-address limit stops a guessing flood across accounts with 429 and Retry-After; other addresses carry on', async () => {
    const user = await createUser({ payload, roles: ['editor'] })
    const flood = newClient()
    for (let n = 0; n < SIGN_IN_LIMITS.perAddress.points; n++) {
      expect((await login({ email: `target-${n}@example.org`, ip: flood, password: WRONG })).status).toBe(401)
    }
    const stopped = await api.raw({
      body: { email: user.email, password: user.password },
      headers: { [CLIENT_IP_HEADER]: flood },
      method: 'POST',
      path: 'users/login',
    })
    expect(stopped.status).toBe(429)
    expect(Number(stopped.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await stopped.json()).errors[0].message).toMatch(/too many failed sign-ins/i)
    expect((await siteLogin({ email: user.email, ip: flood, password: user.password })).location).toMatch(/^\/login\?error=busy&retry=\d+/)
    expect((await login({ email: user.email, ip: newClient(), password: user.password })).status).toBe(200)
  })
})

describe(`signing out ends the session (${testDatabase()})`, () => {
  it('after the site sign-out, the old cookie and token are anonymous on /api/users/me and on a professional-only page', async () => {
    const admin = await createUser({ payload, roles: ['admin'] })
    const area = await payload.create({
      collection: 'care-areas',
      data: { _status: 'published', slug: 'sign-out-area', step: 90, summary: 'Area', title: 'Area' },
    })
    const review = { contentOwner: admin.id, lastReviewed: '2026-01-01', nextReviewDue: '2027-01-01' }
    await payload.create({
      collection: 'pages',
      data: {
        _status: 'published',
        audience: 'professional',
        careArea: area.id,
        review,
        slug: 'for-professionals',
        summary: 's',
        title: 'For professionals',
      } as never,
    })
    const professional = await createUser({ payload, roles: ['professional'] })
    const signedIn = await siteLogin({ email: professional.email, ip: newClient(), password: professional.password })
    const cookie = cookieOf({ setCookie: signedIn.setCookie })
    const token = cookie.split('=')[1]!
    const professionalPage = async (headers: Headers) => {
      const { user } = await payload.auth({ headers })
      return resolveGuidancePage({ careAreaSlug: 'sign-out-area', payload, segments: ['for-professionals'], user: user as never })
    }
    expect((await api.rest({ path: 'users/me', token })).json.user.email).toBe(professional.email)
    expect(await professionalPage(new Headers({ cookie }))).not.toBeNull()

    const signedOut = await postForm({ cookie, fields: {}, handler: siteSignOut, path: '/logout' })
    expect(signedOut.status).toBe(303)
    expect(signedOut.setCookie).toMatch(/^payload-token=;/)
    // The browser drops the pages it kept while signed in (Back shows none of them).
    expect(signedOut.response.headers.get('clear-site-data')).toBe('"cache"')
    expect(Date.parse(/Expires=([^;]+)/.exec(signedOut.setCookie!)![1]!)).toBeLessThanOrEqual(Date.now())

    expect((await api.rest({ path: 'users/me', token })).json.user).toBeNull()
    expect((await api.rest({ headers: { cookie }, path: 'users/me' })).json.user).toBeNull()
    expect(await professionalPage(new Headers({ cookie }))).toBeNull()
    expect(await professionalPage(new Headers({ authorization: `JWT ${token}` }))).toBeNull()
    const pages = await api.rest({ path: 'pages?where[slug][equals]=for-professionals', token })
    expect(pages.json.docs).toEqual([])
  })

  it('signing out by REST or GraphQL ends that session too, and other sessions stay', async () => {
    const user = await createUser({ payload, roles: ['editor'] })
    const first = (await login({ email: user.email, ip: newClient(), password: user.password })).json.token
    const second = (await login({ email: user.email, ip: newClient(), password: user.password })).json.token
    expect((await api.rest({ method: 'POST', path: 'users/logout', token: first })).status).toBe(200)
    expect((await api.rest({ path: 'users/me', token: first })).json.user).toBeNull()
    expect((await api.rest({ path: 'users/me', token: second })).json.user.email).toBe(user.email)
    expect((await api.graphql({ query: 'mutation { logoutUser }', token: second })).json.errors).toBeUndefined()
    expect((await api.rest({ path: 'users/me', token: second })).json.user).toBeNull()
  })
})
