import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { ROLES } from '../../src/lib/access'
import { CLIENT_IP_HEADER } from '../../src/lib/http/client-ip'
import { apiClient } from '../helpers/api'
import { createUser, startTestHub } from '../helpers/hub'

let hub: TestHub
let payload: Payload
let api: ReturnType<typeof apiClient>

beforeAll(async () => {
  hub = await startTestHub()
  payload = hub.payload
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
})

afterAll(async () => {
  await hub?.cleanup()
})

describe('logging in', () => {
  it.each(ROLES)('a %s can log in and read their own account', async (role) => {
    const user = await createUser({ payload, roles: [role] })
    const login = await api.login(user)
    expect(login.status).toBe(200)
    expect(login.token).toBeTruthy()
    const me = await api.rest({ path: 'users/me', token: login.token })
    expect(me.status).toBe(200)
    expect(me.json.user.email).toBe(user.email)
    expect(me.json.user.roles).toEqual([role])
  })

  it('a user may hold several roles', async () => {
    const user = await createUser({ payload, roles: ['editor', 'clinical-reviewer'] })
    const login = await api.login(user)
    expect(login.user.roles.sort()).toEqual(['clinical-reviewer', 'editor'])
  })

  it('five failed sign-ins from one address refuse that address, even the right password, and only that address', async () => {
    const user = await createUser({ payload, roles: ['editor'] })
    const from = (ip: string) => ({ [CLIENT_IP_HEADER]: ip })
    for (let attempt = 0; attempt < 5; attempt++) {
      const failed = await api.rest({ body: { email: user.email, password: 'not the right password at all' }, headers: from('203.0.113.7'), method: 'POST', path: 'users/login' })
      expect(failed.status).toBe(401)
    }
    const refused = await api.rest({ body: user, headers: from('203.0.113.7'), method: 'POST', path: 'users/login' })
    expect(refused.status).toBe(401)
    expect(refused.json.token).toBeUndefined()
    const elsewhere = await api.rest({ body: user, headers: from('203.0.113.8'), method: 'POST', path: 'users/login' })
    expect(elsewhere.status).toBe(200)
  })
})

describe('reading users', () => {
  it('an anonymous request cannot list users through REST', async () => {
    await createUser({ payload, roles: ['editor'] })
    const result = await api.rest({ path: 'users' })
    expect(result.status).toBe(403)
    expect(JSON.stringify(result.json)).not.toContain('@example.org')
  })

  it('an anonymous request cannot list users through GraphQL', async () => {
    const result = await api.graphql({ query: '{ Users { docs { email } } }' })
    expect(result.json.data?.Users ?? null).toBeNull()
    expect(result.json.errors?.[0]?.message).toMatch(/not allowed/i)
  })

  it('an anonymous Local API call with access enforced sees nobody', async () => {
    await expect(payload.find({ collection: 'users', overrideAccess: false })).rejects.toThrow(/not allowed/i)
  })

  it.each(['editor', 'clinical-reviewer', 'responder', 'professional'] as const)(
    'a %s sees only their own account',
    async (role) => {
      await createUser({ payload, roles: ['admin'] })
      const user = await createUser({ payload, roles: [role] })
      const { token } = await api.login(user)
      const rest = await api.rest({ path: 'users?limit=100', token })
      expect(rest.status).toBe(200)
      expect(rest.json.docs.map((doc: { email: string }) => doc.email)).toEqual([user.email])
      const graphql = await api.graphql({ query: '{ Users(limit: 100) { docs { email } } }', token })
      expect(graphql.json.data.Users.docs.map((doc: { email: string }) => doc.email)).toEqual([user.email])
    },
  )

  it('an admin sees every account', async () => {
    const admin = await createUser({ payload, roles: ['admin'] })
    const other = await createUser({ payload, roles: ['responder'] })
    const { token } = await api.login(admin)
    const rest = await api.rest({ path: 'users?limit=1000', token })
    const emails = rest.json.docs.map((doc: { email: string }) => doc.email)
    expect(emails).toContain(other.email)
    expect(emails).toContain(admin.email)
  })
})

describe('registration and roles', () => {
  it('anyone can register, and the new account holds no role', async () => {
    const result = await api.rest({
      body: { email: 'new.member@example.org', password: 'three random words here' },
      method: 'POST',
      path: 'users',
    })
    expect(result.status).toBe(201)
    // The answer is the same for a taken address, so it carries no document.
    expect(result.json.doc).toBeUndefined()
    const stored = await payload.find({ collection: 'users', where: { email: { equals: 'new.member@example.org' } } })
    expect(stored.docs[0]?.roles ?? []).toEqual([])
  })

  it.each(['admin', 'editor', 'professional'])('self-registration as %s is refused with 403 naming roles', async (role) => {
    const result = await api.rest({
      body: { email: `wants-${role}@example.org`, password: 'three random words here', roles: [role] },
      method: 'POST',
      path: 'users',
    })
    expect(result.status).toBe(403)
    expect(JSON.stringify(result.json)).toContain('roles')
    const stored = await payload.count({ collection: 'users', where: { email: { equals: `wants-${role}@example.org` } } })
    expect(stored.totalDocs).toBe(0)
  })

  it('a non-admin cannot grant themselves a role', async () => {
    const user = await createUser({ payload, roles: ['editor'] })
    const { token } = await api.login(user)
    const result = await api.rest({ body: { roles: ['editor', 'admin'] }, method: 'PATCH', path: `users/${user.id}`, token })
    expect(result.status).toBe(403)
    const stored = await payload.findByID({ collection: 'users', id: user.id })
    expect(stored.roles).toEqual(['editor'])
  })

  it('a non-admin can save their own profile with unchanged roles', async () => {
    const user = await createUser({ payload, roles: ['editor'] })
    const { token } = await api.login(user)
    const result = await api.rest({ body: { name: 'Ed Itor', roles: ['editor'] }, method: 'PATCH', path: `users/${user.id}`, token })
    expect(result.status).toBe(200)
    expect(result.json.doc.name).toBe('Ed Itor')
  })

  it('an admin can grant roles', async () => {
    const admin = await createUser({ payload, roles: ['admin'] })
    const user = await createUser({ payload, roles: [] })
    const { token } = await api.login(admin)
    const result = await api.rest({ body: { roles: ['professional'] }, method: 'PATCH', path: `users/${user.id}`, token })
    expect(result.status).toBe(200)
    expect(result.json.doc.roles).toEqual(['professional'])
  })

  it('a non-admin cannot update another account', async () => {
    const editor = await createUser({ payload, roles: ['editor'] })
    const other = await createUser({ payload, roles: ['responder'] })
    const { token } = await api.login(editor)
    const result = await api.rest({ body: { name: 'Changed' }, method: 'PATCH', path: `users/${other.id}`, token })
    expect(result.status).toBe(403)
  })
})

describe('password policy', () => {
  it.each([
    ['too short', 'short1'],
    ['common', 'password1234'],
    ['repetitive', 'aaaaaaaaaaaaaaaa'],
  ])('rejects a %s password with 400 naming the password field', async (_label, password) => {
    const result = await api.rest({ body: { email: 'weak@example.org', password }, method: 'POST', path: 'users' })
    expect(result.status).toBe(400)
    expect(result.json.errors[0].data.errors[0].path).toBe('password')
  })

  it('rejects a password containing the email name', async () => {
    const result = await api.rest({
      body: { email: 'florence.nightingale@example.org', password: 'florence.nightingale!' },
      method: 'POST',
      path: 'users',
    })
    expect(result.status).toBe(400)
    expect(result.json.errors[0].data.errors[0].message).toMatch(/email/)
  })

  it("an administrator setting someone's password is checked against that person's email name", async () => {
    const admin = await createUser({ payload, roles: ['admin'] })
    const target = await payload.create({ collection: 'users', data: { email: 'gwendolyn.target@example.org', password: 'three random words here' } })
    const { token } = await api.login(admin)
    const withTargetName = await api.rest({ body: { password: 'gwendolyn.target 2026!' }, method: 'PATCH', path: `users/${target.id}`, token })
    expect(withTargetName.status).toBe(400)
    expect(withTargetName.json.errors[0].data.errors[0].message).toMatch(/email name/)
    // The administrator's own email name is no concern of the target's password.
    const adminName = admin.email.split('@')[0]!
    const withAdminName = await api.rest({ body: { password: `${adminName} chose this` }, method: 'PATCH', path: `users/${target.id}`, token })
    expect(withAdminName.status).toBe(200)
    expect((await api.login({ email: 'gwendolyn.target@example.org', password: `${adminName} chose this` })).status).toBe(200)
  })

  it("the Local API and a bulk update check each changed account's own email name", async () => {
    const target = await payload.create({ collection: 'users', data: { email: 'bartholomew.local@example.org', password: 'three random words here' } })
    await expect(payload.update({ collection: 'users', data: { password: 'bartholomew.local again' }, id: target.id })).rejects.toThrow(/password/)
    await expect(
      payload.update({ collection: 'users', data: { password: 'bartholomew.local again' }, where: { email: { equals: target.email } } }),
    ).rejects.toThrow(/password/)
    await payload.update({ collection: 'users', data: { password: 'another good phrase' }, id: target.id })
  })

  it('applies to password changes too', async () => {
    const user = await createUser({ payload, roles: ['editor'] })
    const { token } = await api.login(user)
    const result = await api.rest({ body: { password: 'short' }, method: 'PATCH', path: `users/${user.id}`, token })
    expect(result.status).toBe(400)
  })
})

describe('one-time password accounts', () => {
  it('hold no role until their owner sets a new password', async () => {
    const email = 'first.admin@example.org'
    const oneTime = 'generated one time pass 1'
    const created = await payload.create({
      collection: 'users',
      data: { email, mustChangePassword: true, password: oneTime, roles: ['admin'] },
    })
    const first = await api.login({ email, password: oneTime })
    expect(first.status).toBe(200)
    const listBefore = await api.rest({ path: 'users', token: first.token })
    // Only their own record: the admin role is not in force yet.
    expect(listBefore.json.docs).toHaveLength(1)

    const changed = await api.rest({
      body: { password: 'my own strong passphrase' },
      method: 'PATCH',
      path: `users/${created.id}`,
      token: first.token,
    })
    expect(changed.status).toBe(200)
    expect(changed.json.doc.mustChangePassword).toBe(false)

    const second = await api.login({ email, password: 'my own strong passphrase' })
    await createUser({ payload, roles: ['editor'] })
    const listAfter = await api.rest({ path: 'users', token: second.token })
    expect(listAfter.json.docs.length).toBeGreaterThan(1)
  })
})

describe('system collections', () => {
  it('a logged-in non-admin cannot run or queue jobs', async () => {
    const user = await createUser({ payload, roles: ['editor'] })
    const { token } = await api.login(user)
    const run = await api.rest({ path: 'payload-jobs/run', token })
    expect(run.status).toBe(401)
  })
})
