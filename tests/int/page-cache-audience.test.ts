import type { Server } from 'node:http'
import type { Payload } from 'payload'

import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { requestAudience, sessionForgetsPending } from '../../src/lib/cache/audience'
import { invalidatePageCache, pageCache } from '../../src/lib/cache/page-cache'
import { CLIENT_IP_HEADER } from '../../src/lib/http/client-ip'
import { apiClient } from '../helpers/api'
import { createUser, startTestHub, testDatabase } from '../helpers/hub'
import { waitFor } from '../helpers/wait'

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
    const [first, second, member] = await Promise.all([
      signIn({ roles: ['professional'] }),
      signIn({ roles: ['professional'] }),
      signIn({ roles: [] }),
    ])
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

  it("a content change empties every audience's copy", async () => {
    invalidatePageCache()
    const token = await signIn({ roles: ['professional'] })
    await get({ token })
    await get()
    expect((await get({ token })).cache).toBe('HIT')
    invalidatePageCache()
    expect((await get({ token })).cache).toBe('MISS')
    expect((await get()).cache).toBe('MISS')
  })

  it("a professional's later pages need no read of the account: the session is remembered", async () => {
    invalidatePageCache()
    const token = await signIn({ roles: ['professional'] })
    // An earlier test's sign-out is forgotten a second time after its commit: not while reads are counted here.
    expect(await waitFor({ check: () => !sessionForgetsPending(), timeoutMs: 10_000 })).toBe(true)
    await get({ token })
    await get({ token })
    const reads = { count: 0 }
    const { find, findByID } = payload
    payload.findByID = ((args: Parameters<Payload['findByID']>[0]) => (reads.count++, findByID.call(payload, args))) as Payload['findByID']
    payload.find = ((args: Parameters<Payload['find']>[0]) => (reads.count++, find.call(payload, args))) as Payload['find']
    try {
      for (let page = 0; page < 20; page++) expect((await get({ token })).cache).toBe('HIT')
    } finally {
      Object.assign(payload, { find, findByID })
    }
    expect(reads.count).toBe(0)
  })

  it('roles taken away, a password reset or a deleted account reach the very next page', async () => {
    invalidatePageCache()
    const professional = await get({ token: await signIn({ roles: ['professional'] }) })
    expect(professional.body).toContain('for professional')

    const demoted = await signIn({ roles: ['professional'] })
    expect((await get({ token: demoted })).body).toBe(professional.body)
    const { id } = (
      await payload.find({ collection: 'users', limit: 1, sort: '-createdAt', where: { roles: { contains: 'professional' } } })
    ).docs[0]!
    await payload.update({ id, collection: 'users', data: { roles: [] }, overrideAccess: true })
    expect((await get({ token: demoted })).body).toContain('for no role')

    const reset = await signIn({ roles: ['professional'] })
    expect((await get({ token: reset })).body).toBe(professional.body)
    const account = (await payload.find({ collection: 'users', limit: 1, sort: '-createdAt' })).docs[0] as {
      email: string
      id: number | string
    }
    const resetToken = await payload.forgotPassword({ collection: 'users', data: { email: account.email }, disableEmail: true })
    await payload.resetPassword({
      collection: 'users',
      data: { password: 'a brand new pass phrase 42', token: resetToken },
      overrideAccess: true,
    })
    expect((await get({ token: reset })).body).toContain('for nobody')

    const deleted = await signIn({ roles: ['professional'] })
    expect((await get({ token: deleted })).body).toBe(professional.body)
    const last = (await payload.find({ collection: 'users', limit: 1, sort: '-createdAt' })).docs[0] as { id: number | string }
    await payload.delete({ id: last.id, collection: 'users', overrideAccess: true })
    expect((await get({ token: deleted })).body).toContain('for nobody')
  })
})
