import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { apiClient } from '../helpers/api'
import { startTestApp } from '../helpers/app'
import { createUser, startTestHub, testDatabase } from '../helpers/hub'

const PUBLIC_URL = 'https://hub.example.nhs.uk'
const EVIL = 'http://evil.example'

let hub: TestHub
let api: ReturnType<typeof apiClient>
let app: Awaited<ReturnType<typeof startTestApp>>
let base: string
let adminToken: string
const reached: string[] = []

beforeAll(async () => {
  hub = await startTestHub({ env: { PUBLIC_URL } })
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  adminToken = (await api.login(await createUser({ payload: hub.payload, roles: ['admin'] }))).token!
  // Behind the check, a stand-in for Next that records what got through.
  app = await startTestApp({
    nextHandler: (req, res) => {
      reached.push(`${req.method} ${req.path}`)
      res.status(200).send('reached')
    },
    payload: hub.payload,
  })
  base = app.base
})

afterAll(async () => {
  await app?.close()
  await hub?.cleanup()
})

const send = async ({ headers = {}, method = 'POST', path }: { headers?: Record<string, string>; method?: string; path: string }) => {
  reached.length = 0
  const response = await fetch(`${base}${path}`, {
    body: method === 'GET' ? undefined : 'name=x',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    method,
  })
  return { reached: reached.length > 0, status: response.status, text: await response.text() }
}

describe(`requests from another website (${testDatabase()})`, () => {
  it.each([
    ['/api/organisations', { cookie: 'payload-token=abc', origin: EVIL }],
    ['/api/organisations', { 'sec-fetch-site': 'cross-site' }],
    ['/api/organisations', { 'sec-fetch-site': 'same-site', origin: 'http://other.example.nhs.uk' }],
    ['/ask', { origin: EVIL }],
    ['/feedback', { referer: `${EVIL}/page` }],
    ['/newsletter', { origin: 'null' }],
    ['/login/session', { origin: EVIL }],
    ['/admin/collections/pages', { origin: EVIL }],
  ])('a state-changing request to %s from elsewhere is refused before it reaches the hub', async (path, headers) => {
    const { reached: got, status, text } = await send({ headers, path })
    expect(status).toBe(403)
    expect(got).toBe(false)
    expect(text).toMatch(/another website/)
  })

  // Headers made once the server's address is known.
  it.each([
    ['the same origin', () => ({ origin: base })],
    ['the public address', () => ({ origin: PUBLIC_URL })],
    ['a browser that says same-origin', () => ({ origin: base, 'sec-fetch-site': 'same-origin' })],
    ['a page on the hub, by referer', () => ({ referer: `${base}/ask` })],
    ['a client that is not a browser', () => ({})],
  ])('a request from %s goes through', async (_label, headers) => {
    const { reached: got, status } = await send({ headers: headers() as Record<string, string>, path: '/ask' })
    expect(status).toBe(200)
    expect(got).toBe(true)
  })

  it('reads are not affected, and one-click unsubscribe works from a mail program', async () => {
    expect((await send({ headers: { origin: EVIL }, method: 'GET', path: '/ask' })).reached).toBe(true)
    expect((await send({ headers: { origin: EVIL }, path: '/api/subscribers/unsubscribe' })).reached).toBe(true)
    // ...but not with a session cookie riding along.
    expect((await send({ headers: { cookie: 'payload-token=abc', origin: EVIL }, path: '/api/subscribers/unsubscribe' })).status).toBe(403)
  })

  it("Payload ignores an administrator's session cookie sent from another origin (multipart create refused, nothing stored)", async () => {
    const before = (await hub.payload.count({ collection: 'organisations' })).totalDocs
    const form = new FormData()
    form.set('_payload', JSON.stringify({ name: 'Created from elsewhere' }))
    const request = (origin: string) =>
      new Request('http://localhost/api/organisations', {
        body: form,
        headers: { cookie: `payload-token=${adminToken}`, origin },
        method: 'POST',
      })
    const { REST_POST } = await import('@payloadcms/next/routes')
    const config = (await import('../../payload.config')).default
    const handler = REST_POST(config)
    const refused = await handler(request(EVIL), { params: Promise.resolve({ slug: ['organisations'] }) })
    expect(refused.status).toBe(403)
    expect((await hub.payload.count({ collection: 'organisations' })).totalDocs).toBe(before)
    const accepted = await handler(request(PUBLIC_URL), { params: Promise.resolve({ slug: ['organisations'] }) })
    expect(accepted.status).toBe(201)
  })
})
