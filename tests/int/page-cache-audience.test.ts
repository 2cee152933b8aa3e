import type { Server } from 'node:http'
import type { Payload } from 'payload'

import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { requestAudience } from '../../src/lib/cache/audience'
import { invalidatePageCache, pageCache } from '../../src/lib/cache/page-cache'
import { CLIENT_IP_HEADER } from '../../src/lib/http/client-ip'
import { apiClient } from '../helpers/api'
import { createUser, startTestHub, testDatabase } from '../helpers/hub'

let hub: TestHub
let payload: Payload
let api: ReturnType<typeof apiClient>
let server: Server
let base: string
let renders = 0

beforeAll(async () => {
  hub = await startTestHub()
  payload = hub.payload
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  const app = express()
  app.use(pageCache({ audienceOf: requestAudience({ payload }) }))
  // Stands in for Next: renders for whoever Payload says the visitor is, and counts renders.
  app.get('/page', async (req, res) => {
    renders++
    const { user } = await payload.auth({ headers: new Headers({ cookie: req.headers.cookie ?? '' }) })
    res.type('html').send(`<p>render ${renders} for ${user ? (user as { roles?: string[] }).roles?.join(',') || 'no role' : 'nobody'}</p>`)
  })
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  await hub?.cleanup()
})

let client = 0
const signIn = async ({ roles }: { roles: string[] }): Promise<string> => {
  const user = await createUser({ payload, roles })
  const { json, status } = await api.rest({
    body: { email: user.email, password: user.password },
    headers: { [CLIENT_IP_HEADER]: `198.51.100.${++client}` },
    method: 'POST',
    path: 'users/login',
  })
  expect(status).toBe(200)
  return json.token as string
}

const get = async ({ token }: { token?: string } = {}) => {
  const response = await fetch(`${base}/page`, { headers: token ? { cookie: `payload-token=${token}` } : {} })
  return { body: await response.text(), cache: response.headers.get('x-cache') }
}

describe(`pages cached per audience (${testDatabase()})`, () => {
  it('two professionals share one cached copy; the public and a signed-in account without a role each have their own', async () => {
    invalidatePageCache()
    const [first, second, member] = await Promise.all([signIn({ roles: ['professional'] }), signIn({ roles: ['professional'] }), signIn({ roles: [] })])
    const professional = await get({ token: first })
    expect(professional).toMatchObject({ cache: 'MISS' })
    expect(professional.body).toContain('for professional')
    expect(await get({ token: second })).toEqual({ body: professional.body, cache: 'HIT' })
    const anonymous = await get()
    expect(anonymous.cache).toBe('MISS')
    expect(anonymous.body).toContain('for nobody')
    const signedIn = await get({ token: member })
    expect(signedIn.cache).toBe('MISS')
    expect(signedIn.body).toContain('for no role')
    expect((await get({ token: member })).body).toBe(signedIn.body)
    expect((await get()).body).toBe(anonymous.body)
  })

  it('staff always get a fresh render, and nothing of theirs is stored', async () => {
    invalidatePageCache()
    for (const roles of [['editor'], ['clinical-reviewer'], ['responder'], ['secretary'], ['admin'], ['professional', 'editor']]) {
      const token = await signIn({ roles })
      const first = await get({ token })
      const second = await get({ token })
      expect(first.cache, roles.join()).toBeNull()
      expect(second.body, roles.join()).not.toBe(first.body)
    }
    expect((await get()).cache).toBe('MISS')
  })

  it('a session ended by signing out, a forged token and a stale one get the public copy, never the professional one', async () => {
    invalidatePageCache()
    const token = await signIn({ roles: ['professional'] })
    const professional = await get({ token })
    expect((await get({ token })).cache).toBe('HIT')
    expect((await api.rest({ method: 'POST', path: 'users/logout', token })).status).toBe(200)
    const afterSignOut = await get({ token })
    expect(afterSignOut.body).not.toBe(professional.body)
    expect(afterSignOut.body).toContain('for nobody')
    const [header, , signature] = token.split('.')
    const forged = `${header}.${Buffer.from(JSON.stringify({ collection: 'users', id: 1, roles: ['professional'] })).toString('base64url')}.${signature}`
    expect((await get({ token: forged })).body).toContain('for nobody')
    expect((await get({ token: 'not-a-token' })).body).toContain('for nobody')
  })

  it('a content change empties every audience\'s copy', async () => {
    invalidatePageCache()
    const token = await signIn({ roles: ['professional'] })
    await get({ token })
    await get()
    expect((await get({ token })).cache).toBe('HIT')
    invalidatePageCache()
    expect((await get({ token })).cache).toBe('MISS')
    expect((await get()).cache).toBe('MISS')
  })
})
