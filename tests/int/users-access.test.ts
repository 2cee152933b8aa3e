import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { ROLES, STAFF_ROLES } from '../../src/lib/access'
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

/** Registers as anyone may: an anonymous POST /api/users. */
const register = (body: { email: string; password: string; roles?: string[] }) => api.rest({ body, method: 'POST', path: 'users' })

const updateUser = ({ body, id, token }: { body: Record<string, unknown>; id: number | string; token?: string }) =>
  api.rest({ body, method: 'PATCH', path: `users/${id}`, token })

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
      const failed = await api.rest({
        body: { email: user.email, password: 'not the right password at all' },
        headers: from('203.0.113.7'),
        method: 'POST',
        path: 'users/login',
      })
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

describe('colleagues, by name and role', () => {
  type Account = { email: string; id: number | string; name: string; password: string; token?: string }
  const people: Record<string, Account> = {}
  const staff = ['admin', 'editor', 'clinical-reviewer', 'responder', 'secretary'] as const

  /** A signed-in account with a name; `key` names it in this test. */
  const person = async ({ key, name, roles }: { key: string; name: string; roles: string[] }) => {
    const account = await createUser({ payload, roles })
    await payload.update({ collection: 'users', data: { name }, id: account.id })
    people[key] = { ...account, name, token: (await api.login(account)).token }
    return people[key]!
  }

  const ids = (docs: { id: number | string }[]) => docs.map((doc) => String(doc.id))
  const asUser = async (key: string) => ({
    ...(await payload.findByID({ collection: 'users', id: people[key]!.id })),
    collection: 'users' as const,
  })

  beforeAll(async () => {
    await person({ key: 'admin', name: 'Ada Admin', roles: ['admin'] })
    await person({ key: 'editor', name: 'Eddie Editor', roles: ['editor'] })
    await person({ key: 'clinical-reviewer', name: 'Rhea Reviewer', roles: ['clinical-reviewer'] })
    await person({ key: 'responder', name: 'Rita Responder', roles: ['responder'] })
    await person({ key: 'colleague', name: 'Ben Responder', roles: ['responder'] })
    await person({ key: 'secretary', name: 'Sid Secretary', roles: ['secretary'] })
    await person({ key: 'professional', name: 'Pat Professional', roles: ['professional'] })
    await person({ key: 'member', name: 'Mo Member', roles: [] })
    // Password state, a linked contact and permissions on a colleague, none of which other staff may read.
    await payload.update({ collection: 'users', data: { permissions: ['newsletter'] }, id: people.editor!.id })
  })

  it('a responder picks an assignee from the desk and assigns a question to themselves and to a colleague (REST)', async () => {
    const { token } = people.responder!
    // What the admin's Assignee picker asks for: accounts filtered by role.
    const picker = await api.rest({ path: 'users?depth=0&limit=100&where[roles][in][0]=admin&where[roles][in][1]=responder', token })
    expect(picker.status).toBe(200)
    const names = picker.json.docs.map((doc: { name: string }) => doc.name)
    expect(names).toEqual(expect.arrayContaining(['Ada Admin', 'Rita Responder', 'Ben Responder']))
    expect(names).not.toContain('Eddie Editor')
    const ben = picker.json.docs.find((doc: { name: string }) => doc.name === 'Ben Responder')
    expect(ben.roles).toEqual(['responder'])
    // A staff colleague's work address is readable to staff (the edit-lock dialog names the holder by it).
    expect(ben.email).toBe(people.colleague!.email)

    const question = await payload.create({
      collection: 'questions',
      data: { email: 'asker@example.org', name: 'Sam Asker', question: 'Who runs the local insulin pump clinic?' } as never,
    })
    for (const assignee of [people.responder!.id, people.colleague!.id]) {
      const saved = await api.rest({
        body: { assignee, status: 'assigned' },
        method: 'PATCH',
        path: `questions/${question.id}?depth=1`,
        token,
      })
      expect(saved.status).toBe(200)
      expect(saved.json.doc.assignee).toMatchObject({ id: assignee })
    }
    expect(
      (await api.rest({ body: { assignee: people.colleague!.id }, method: 'PATCH', path: `questions/${question.id}?depth=1`, token })).json
        .doc.assignee.name,
    ).toBe('Ben Responder')
    // Someone off the desk is refused, naming the field.
    const refused = await api.rest({ body: { assignee: people.editor!.id }, method: 'PATCH', path: `questions/${question.id}`, token })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.json)).toContain('assignee')
  })

  it('a responder assigns through the Local API with access enforced, and GraphQL shows names without emails', async () => {
    const responder = await asUser('responder')
    const question = await payload.create({
      collection: 'questions',
      data: { email: 'asker2@example.org', name: 'Sam Asker', question: 'Is there a diabetes specialist nurse helpline?' } as never,
    })
    for (const assignee of [people.responder!.id, people.colleague!.id] as number[]) {
      const saved = await payload.update({
        collection: 'questions',
        data: { assignee },
        id: question.id,
        overrideAccess: false,
        user: responder,
      })
      expect(typeof saved.assignee === 'object' ? saved.assignee?.id : saved.assignee).toBe(assignee)
    }
    const options = await payload.find({
      collection: 'users',
      overrideAccess: false,
      user: responder,
      where: { roles: { in: ['admin', 'responder'] } },
    })
    expect(options.docs.map((doc) => doc.name)).toEqual(expect.arrayContaining(['Rita Responder', 'Ben Responder']))
    const graphql = await api.graphql({
      query: '{ Users(limit: 100, where: { roles: { in: [responder] } }) { docs { id name roles email } } }',
      token: people.responder!.token,
    })
    expect(graphql.json.errors).toBeUndefined()
    const docs = graphql.json.data.Users.docs as { email: null | string; id: number | string; name: string }[]
    expect(docs.find((doc) => doc.name === 'Ben Responder')?.email).toBe(people.colleague!.email)
    expect(docs.find((doc) => doc.name === 'Rita Responder')?.email).toBe(people.responder!.email)
  })

  it('an editor sees the clinical approvers and every colleague as a content owner', async () => {
    const { token } = people.editor!
    const approvers = await api.rest({ path: 'users?limit=100&where[roles][contains]=clinical-reviewer', token })
    expect(approvers.status).toBe(200)
    expect(approvers.json.docs.map((doc: { name: string }) => doc.name)).toContain('Rhea Reviewer')
    const everyone = ids((await api.rest({ path: 'users?limit=1000', token })).json.docs)
    for (const key of ['admin', 'editor', 'clinical-reviewer', 'responder', 'secretary'])
      expect(everyone).toContain(String(people[key]!.id))
    // Accounts without a staff role are nobody's colleagues.
    expect(everyone).not.toContain(String(people.professional!.id))
    expect(everyone).not.toContain(String(people.member!.id))
    const local = await payload.find({
      collection: 'users',
      limit: 1000,
      overrideAccess: false,
      user: await asUser('editor'),
      where: { roles: { contains: 'clinical-reviewer' } },
    })
    expect(local.docs.map((doc) => doc.name)).toContain('Rhea Reviewer')
  })

  it('a clinical reviewer sees people by name, not "Untitled"', async () => {
    const seen = await api.rest({ path: `users/${people.editor!.id}`, token: people['clinical-reviewer']!.token })
    expect(seen.status).toBe(200)
    expect(seen.json).toMatchObject({ name: 'Eddie Editor', roles: ['editor'] })
    const { Users } = await import('../../collections/users')
    expect(Users.admin?.useAsTitle).toBe('name')
  })

  it("only staff read a staff colleague's work address; nobody but administrators and the owner reads any other, a password state, permissions or sessions", async () => {
    const hidden = ['mustChangePassword', 'permissions', 'person', 'hash', 'salt', 'resetPasswordToken']
    const STAFF = ['admin', 'editor', 'clinical-reviewer', 'responder', 'secretary']
    const staffAccount = (doc: Record<string, unknown>) => ((doc.roles as string[] | undefined) ?? []).some((role) => STAFF.includes(role))
    const outsiders = [people.professional!.email, people.member!.email]
    for (const key of ['editor', 'clinical-reviewer', 'responder', 'secretary', 'professional', 'member']) {
      const me = people[key]!
      const readerIsStaff = STAFF.includes(key)
      const rest = await api.rest({ path: 'users?limit=1000', token: me.token })
      expect(rest.status, key).toBe(200)
      for (const doc of rest.json.docs as Record<string, unknown>[]) {
        if (String(doc.id) === String(me.id)) expect(doc.email, key).toBe(me.email)
        else {
          for (const field of hidden) expect(doc, `${key} reading ${doc.name}`).not.toHaveProperty(field)
          if (readerIsStaff && staffAccount(doc)) expect(doc.email, `${key} reading ${doc.name}`).toMatch(/@example\.org$/)
          else expect(doc, `${key} reading ${doc.name}`).not.toHaveProperty('email')
          // Payload leaves the key as an empty list; every colleague here has signed in, so a session would show.
          expect(doc.sessions ?? [], `${key} reading ${doc.name}`).toEqual([])
        }
      }
      for (const address of outsiders.filter((address) => address !== me.email))
        expect(JSON.stringify(rest.json), `${key} reading ${address}`).not.toContain(address)
      const local = await payload.find({ collection: 'users', limit: 1000, overrideAccess: false, user: await asUser(key) })
      const localEmails = local.docs.filter((doc) => doc.email).map((doc) => doc.email)
      expect(localEmails, key).toContain(me.email)
      for (const address of outsiders.filter((address) => address !== me.email)) expect(localEmails, key).not.toContain(address)
      if (!readerIsStaff) expect(localEmails, key).toEqual([me.email])
      const graphql = await api.graphql({ query: '{ Users(limit: 1000) { docs { email } } }', token: me.token })
      const graphqlEmails = graphql.json.data.Users.docs.map((doc: { email: null | string }) => doc.email).filter(Boolean)
      expect(graphqlEmails.sort(), key).toEqual([...localEmails].sort())
      // Nor may anyone find an account by its address.
      const byEmail = await api.rest({ path: `users?where[email][equals]=${encodeURIComponent(people.admin!.email)}`, token: me.token })
      expect(byEmail.json.docs ?? [], key).toHaveLength(0)
    }
    const admin = await api.rest({ path: 'users?limit=1000', token: people.admin!.token })
    expect(admin.json.docs.map((doc: { email: string }) => doc.email)).toEqual(
      expect.arrayContaining([people.editor!.email, people.member!.email]),
    )
  })

  it.each(['professional', 'member'])('an account without a staff role (%s) reads only itself', async (key) => {
    const rest = await api.rest({ path: 'users?limit=1000', token: people[key]!.token })
    expect(ids(rest.json.docs)).toEqual([String(people[key]!.id)])
    const local = await payload.find({ collection: 'users', limit: 1000, overrideAccess: false, user: await asUser(key) })
    expect(ids(local.docs)).toEqual([String(people[key]!.id)])
    expect((await api.rest({ path: `users/${people.responder!.id}`, token: people[key]!.token })).status).toBe(404)
  })

  it('every staff role reads its colleagues', () => {
    expect([...STAFF_ROLES].sort()).toEqual([...staff].sort())
  })
})

describe('registration and roles', () => {
  it('anyone can register, and the new account holds no role', async () => {
    const result = await register({ email: 'new.member@example.org', password: 'three random words here' })
    expect(result.status).toBe(201)
    // The answer is the same for a taken address, so it carries no document.
    expect(result.json.doc).toBeUndefined()
    const stored = await payload.find({ collection: 'users', where: { email: { equals: 'new.member@example.org' } } })
    expect(stored.docs[0]?.roles ?? []).toEqual([])
  })

  it.each(['admin', 'editor', 'professional'])('self-registration as %s is refused with 403 naming roles', async (role) => {
    const result = await register({ email: `wants-${role}@example.org`, password: 'three random words here', roles: [role] })
    expect(result.status).toBe(403)
    expect(JSON.stringify(result.json)).toContain('roles')
    const stored = await payload.count({ collection: 'users', where: { email: { equals: `wants-${role}@example.org` } } })
    expect(stored.totalDocs).toBe(0)
  })

  it('a non-admin cannot grant themselves a role', async () => {
    const user = await createUser({ payload, roles: ['editor'] })
    const { token } = await api.login(user)
    const result = await updateUser({ body: { roles: ['editor', 'admin'] }, id: user.id, token })
    expect(result.status).toBe(403)
    const stored = await payload.findByID({ collection: 'users', id: user.id })
    expect(stored.roles).toEqual(['editor'])
  })

  it('a non-admin can save their own profile with unchanged roles', async () => {
    const user = await createUser({ payload, roles: ['editor'] })
    const { token } = await api.login(user)
    const result = await updateUser({ body: { name: 'Ed Itor', roles: ['editor'] }, id: user.id, token })
    expect(result.status).toBe(200)
    expect(result.json.doc.name).toBe('Ed Itor')
  })

  it('an admin can grant roles', async () => {
    const admin = await createUser({ payload, roles: ['admin'] })
    const user = await createUser({ payload, roles: [] })
    const { token } = await api.login(admin)
    const result = await updateUser({ body: { roles: ['professional'] }, id: user.id, token })
    expect(result.status).toBe(200)
    expect(result.json.doc.roles).toEqual(['professional'])
  })

  it('a non-admin cannot update another account', async () => {
    const editor = await createUser({ payload, roles: ['editor'] })
    const other = await createUser({ payload, roles: ['responder'] })
    const { token } = await api.login(editor)
    const result = await updateUser({ body: { name: 'Changed' }, id: other.id, token })
    expect(result.status).toBe(403)
  })
})

describe('password policy', () => {
  it.each([
    ['too short', 'short1'],
    ['common', 'password1234'],
    ['repetitive', 'aaaaaaaaaaaaaaaa'],
  ])('rejects a %s password with 400 naming the password field', async (_label, password) => {
    const result = await register({ email: 'weak@example.org', password })
    expect(result.status).toBe(400)
    expect(result.json.errors[0].data.errors[0].path).toBe('password')
  })

  it('rejects a password containing the email name', async () => {
    const result = await register({ email: 'florence.nightingale@example.org', password: 'florence.nightingale!' })
    expect(result.status).toBe(400)
    expect(result.json.errors[0].data.errors[0].message).toMatch(/email/)
  })

  it("an administrator setting someone's password is checked against that person's email name", async () => {
    const admin = await createUser({ payload, roles: ['admin'] })
    const target = await payload.create({
      collection: 'users',
      data: { email: 'gwendolyn.target@example.org', password: 'three random words here' },
    })
    const { token } = await api.login(admin)
    const withTargetName = await updateUser({ body: { password: 'gwendolyn.target 2026!' }, id: target.id, token })
    expect(withTargetName.status).toBe(400)
    expect(withTargetName.json.errors[0].data.errors[0].message).toMatch(/email name/)
    // The administrator's own email name is no concern of the target's password.
    const adminName = admin.email.split('@')[0]!
    const withAdminName = await updateUser({ body: { password: `${adminName} chose this` }, id: target.id, token })
    expect(withAdminName.status).toBe(200)
    expect((await api.login({ email: 'gwendolyn.target@example.org', password: `${adminName} chose this` })).status).toBe(200)
  })

  it("the Local API and a bulk update check each changed account's own email name", async () => {
    const target = await payload.create({
      collection: 'users',
      data: { email: 'bartholomew.local@example.org', password: 'three random words here' },
    })
    await expect(payload.update({ collection: 'users', data: { password: 'bartholomew.local again' }, id: target.id })).rejects.toThrow(
      /password/,
    )
    await expect(
      payload.update({ collection: 'users', data: { password: 'bartholomew.local again' }, where: { email: { equals: target.email } } }),
    ).rejects.toThrow(/password/)
    await payload.update({ collection: 'users', data: { password: 'another good phrase' }, id: target.id })
  })

  it('applies to password changes too', async () => {
    const user = await createUser({ payload, roles: ['editor'] })
    const { token } = await api.login(user)
    const result = await updateUser({ body: { password: 'short' }, id: user.id, token })
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

    const changed = await updateUser({ body: { password: 'my own strong passphrase' }, id: created.id, token: first.token })
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
