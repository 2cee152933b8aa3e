import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { seed } from '../../seed'
import { ROLES } from '../../src/lib/access'
import { DEFAULT_SYNONYMS } from '../../src/lib/search/synonyms'
import { apiClient } from '../helpers/api'
import { startTestHub } from '../helpers/hub'

let hub: TestHub
const logged: string[] = []
const log = (message: string) => logged.push(message)

beforeAll(async () => {
  hub = await startTestHub({ env: { ADMIN_EMAIL: '', ADMIN_PASSWORD: '', SEED_DEV_USERS: 'true' } })
})

afterAll(async () => {
  await hub?.cleanup()
})

describe('seed', () => {
  it('stores the site settings with the 5 working day response target', async () => {
    await seed({ log, payload: hub.payload })
    const settings = await hub.payload.findGlobal({ slug: 'site-settings' })
    expect(settings.siteName).toBe('Diabetes Network Hub')
    expect(settings.disclaimer).toMatch(/cannot offer clinical advice/)
    expect(settings.questionResponseTargetDays).toBe(5)
    const search = await hub.payload.findGlobal({ slug: 'search-settings' })
    expect(search.synonyms?.map((row) => row.terms)).toContain('t2dm, type 2 diabetes, type ii diabetes')
    expect(search.synonyms).toHaveLength(DEFAULT_SYNONYMS.length)
  })

  it('creates the first admin with a generated one-time password, printed once', async () => {
    const printed = logged.join('\n').match(/one-time password:\s+(\S+)/)
    expect(printed, 'the generated password is printed').toBeTruthy()
    const password = printed![1]
    const admins = await hub.payload.find({ collection: 'users', where: { roles: { contains: 'admin' } } })
    const first = admins.docs.find((doc) => doc.email === 'admin@diabetes-hub.local')
    expect(first?.mustChangePassword).toBe(true)
    const api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
    const login = await api.login({ email: 'admin@diabetes-hub.local', password })
    expect(login.status).toBe(200)
  })

  it('creates one development account per role', async () => {
    for (const role of ROLES) {
      const found = await hub.payload.find({ collection: 'users', where: { email: { equals: `${role}@diabetes-hub.local` } } })
      expect(found.docs[0]?.roles).toContain(role)
    }
  })

  it('is idempotent: a second run adds nothing and keeps edits', async () => {
    await hub.payload.updateGlobal({ slug: 'site-settings', data: { siteName: 'Renamed hub' } })
    await hub.payload.updateGlobal({ slug: 'search-settings', data: { synonyms: [{ terms: 'sglt2, gliflozin' }] } })
    const before = await hub.payload.count({ collection: 'users' })
    logged.length = 0
    await seed({ log, payload: hub.payload })
    const after = await hub.payload.count({ collection: 'users' })
    expect(after.totalDocs).toBe(before.totalDocs)
    expect(logged.join('\n')).not.toMatch(/one-time password/)
    const settings = await hub.payload.findGlobal({ slug: 'site-settings' })
    expect(settings.siteName).toBe('Renamed hub')
    expect((await hub.payload.findGlobal({ slug: 'search-settings' })).synonyms?.map((row) => row.terms)).toEqual(['sglt2, gliflozin'])
  })

  it('uses ADMIN_EMAIL and ADMIN_PASSWORD when given, without forcing a change', async () => {
    await hub.payload.delete({ collection: 'users', where: { roles: { contains: 'admin' } } })
    process.env.ADMIN_EMAIL = 'lead@example.org'
    process.env.ADMIN_PASSWORD = 'a long admin passphrase'
    await seed({ log, payload: hub.payload })
    const admin = await hub.payload.find({ collection: 'users', where: { email: { equals: 'lead@example.org' } } })
    expect(admin.docs[0]?.roles).toEqual(['admin'])
    expect(admin.docs[0]?.mustChangePassword).toBe(false)
  })

  it('refuses a weak ADMIN_PASSWORD with a clear message', async () => {
    await hub.payload.delete({ collection: 'users', where: { roles: { contains: 'admin' } } })
    process.env.ADMIN_EMAIL = 'weak@example.org'
    process.env.ADMIN_PASSWORD = 'admin'
    await expect(seed({ log, payload: hub.payload })).rejects.toThrow(/Cannot create the first administrator weak@example.org: .*password/i)
  })
})
