import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Policy } from '../../src/payload-types'
import type { TestHub } from '../helpers/hub'

import { ensureSiteSettings } from '../../seed/site-settings'
import { contactBody, ensurePolicies, policyFacts, POLICY_SEEDS, privacyBody } from '../../seed/content/policies'
import { seedStepsOf } from '../../seed/content/steps'
import { SESSION_SECONDS } from '../../src/lib/auth/sign-in'
import { pageCacheStats } from '../../src/lib/cache/page-cache'
import { UNCONFIRMED_RETENTION_DAYS } from '../../src/lib/newsletter/retention'
import { POLICY_KINDS } from '../../src/lib/policies/kinds'
import { DEFAULT_RETENTION_MONTHS } from '../../src/lib/questions/retention'
import { plainTextOf } from '../../src/lib/richtext/build'
import { ACCESSIBILITY, CONTACT, COOKIES, PRIVACY } from '../../src/lib/routes'
import { siteChrome } from '../../src/lib/site/chrome'
import { loadPreview } from '../../src/lib/site/preview'
import { publicUrls } from '../../src/lib/site/public-index'
import { apiClient, signInViewers } from '../helpers/api'
import { startTestHub, testDatabase } from '../helpers/hub'

let hub: TestHub
let payload: Payload
let api: ReturnType<typeof apiClient>

type Viewer = 'admin' | 'anonymous' | 'clinical-reviewer' | 'editor' | 'professional' | 'responder' | 'secretary'
const VIEWERS: Viewer[] = ['anonymous', 'professional', 'responder', 'secretary', 'clinical-reviewer', 'editor', 'admin']
let tokens: Map<Viewer, string | undefined>

const logged: string[] = []

const policyOf = async (kind: Policy['kind']): Promise<Policy> => {
  const { docs } = await payload.find({ collection: 'policies', depth: 0, draft: true, where: { kind: { equals: kind } } })
  expect(docs, `policy ${kind}`).toHaveLength(1)
  return docs[0]!
}

beforeAll(async () => {
  hub = await startTestHub()
  payload = hub.payload
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  ;({ tokens } = await signInViewers({ api, payload, viewers: VIEWERS }))
  await ensureSiteSettings({ payload })
  await ensurePolicies({ log: (message) => logged.push(message), payload })
})

afterAll(async () => {
  await hub?.cleanup()
})

describe(`policy pages (${testDatabase()})`, () => {
  it('are seeded by the site-pages plugin: one published page of each kind, at its fixed address', async () => {
    expect(seedStepsOf(payload.config).map((step) => step.name)).toContain('policy pages')
    const { docs } = await payload.find({ collection: 'policies', depth: 0, limit: 10, sort: 'kind' })
    expect(docs.map((doc) => doc.kind).sort()).toEqual(['accessibility', 'contact', 'cookies', 'privacy'])
    expect(docs.every((doc) => doc._status === 'published' && doc.summary && plainTextOf({ value: doc.body }).length > 200)).toBe(true)
    expect(POLICY_KINDS.map((kind) => kind.path)).toEqual([PRIVACY, ACCESSIBILITY, COOKIES, CONTACT])
    expect(logged.join('\n')).toMatch(/created 4 policy pages/)
  })

  it('are seeded once: a second run leaves the editors’ pages alone', async () => {
    const privacy = await policyOf('privacy')
    await payload.update({ collection: 'policies', data: { title: 'Our privacy notice' }, id: privacy.id })
    await ensurePolicies({ log: () => undefined, payload })
    expect((await payload.count({ collection: 'policies' })).totalDocs).toBe(4)
    expect((await policyOf('privacy')).title).toBe('Our privacy notice')
    await payload.update({ collection: 'policies', data: { title: privacy.title }, id: privacy.id })
  })

  it('allow one page of each kind', async () => {
    await expect(
      payload.create({
        collection: 'policies',
        data: { kind: 'cookies', lastReviewed: '2026-01-01', summary: 'Again', title: 'Cookies again' },
      }),
    ).rejects.toThrow()
  })
})

describe('what the privacy notice and cookies page state', () => {
  it('are the periods the code uses: question retention, unconfirmed sign-ups, the session', async () => {
    const privacy = plainTextOf({ value: (await policyOf('privacy')).body })
    expect(privacy).toContain(`erased ${DEFAULT_RETENTION_MONTHS} months after the question is closed`)
    expect(privacy).toContain(`Newsletter sign-ups nobody confirmed are erased after ${UNCONFIRMED_RETENTION_DAYS} days`)
    expect(privacy).toContain(`${SESSION_SECONDS / 3600} hours after you signed in`)
    const cookies = plainTextOf({ value: (await policyOf('cookies')).body })
    expect(cookies).toContain('payload-token')
    expect(cookies).toContain(`${SESSION_SECONDS / 3600} hours after you signed in`)
  })

  it('follow the retention period an administrator set, when the text is written', async () => {
    await payload.updateGlobal({ slug: 'site-settings', data: { questionRetentionMonths: 18 } })
    try {
      const text = plainTextOf({ value: privacyBody(await policyFacts({ payload })) })
      expect(text).toContain('erased 18 months after the question is closed')
    } finally {
      await payload.updateGlobal({ slug: 'site-settings', data: { questionRetentionMonths: DEFAULT_RETENTION_MONTHS } })
    }
  })
})

describe('the seeded text of a hub without a capability', () => {
  it('does not mention the question form or the newsletter the hub does not run', () => {
    const facts = { askForm: false, newsletter: false, questionRetentionMonths: 12, responseTargetDays: 5, siteName: 'Hub' }
    const texts = POLICY_SEEDS.map(({ body }) => JSON.stringify(body(facts)))
    for (const text of texts) expect(text).not.toMatch(/ask a question|newsletter|"url":"\/ask"/i)
    expect(JSON.stringify(contactBody({ ...facts, askForm: true }))).toContain('"url":"/ask"')
  })
})

describe('who reads and edits policy pages', () => {
  beforeAll(async () => {
    // A newer draft of the privacy notice, and a contact page that has never been published.
    const privacy = await policyOf('privacy')
    await payload.update({ collection: 'policies', data: { title: 'Privacy notice (draft)' }, draft: true, id: privacy.id })
    const contact = await policyOf('contact')
    await payload.delete({ collection: 'policies', id: contact.id })
    await payload.create({
      collection: 'policies',
      data: { _status: 'draft', kind: 'contact', lastReviewed: '2026-01-01', summary: 'Draft contact', title: 'Contact (draft)' },
      draft: true,
    })
  })

  it.each(['anonymous', 'professional', 'responder', 'secretary'] as const)('%s reads the published versions only', async (viewer) => {
    const token = tokens.get(viewer)
    const { json, status } = await api.rest({ path: 'policies?limit=10', token })
    expect(status).toBe(200)
    expect(json.docs.map((doc: Policy) => doc.title).sort()).toEqual(['Accessibility statement', 'Cookies', 'Privacy notice'])
    // Asking for drafts changes nothing but which published versions are found: no draft's words come back.
    const drafts = await api.rest({ path: 'policies?limit=10&draft=true', token })
    expect(drafts.json.docs.length).toBeGreaterThan(0)
    expect(drafts.json.docs.map((doc: Policy) => doc.title).filter((title: string) => title.includes('(draft)'))).toEqual([])
    const contact = await policyOf('contact')
    expect((await api.rest({ path: `policies/${contact.id}?draft=true`, token })).status).toBe(404)
  })

  it('the sitemap lists the published ones, not a page never published', async () => {
    const paths = (await publicUrls({ payload })).map((url) => url.path)
    expect(paths).toEqual(expect.arrayContaining(['/privacy', '/accessibility', '/cookies']))
    expect(paths).not.toContain('/contact')
  })

  it.each(['editor', 'clinical-reviewer', 'admin'] as const)('%s reads drafts too', async (viewer) => {
    const { json } = await api.rest({ path: 'policies?limit=10&draft=true', token: tokens.get(viewer) })
    expect(json.docs.map((doc: Policy) => doc.title)).toEqual(expect.arrayContaining(['Privacy notice (draft)', 'Contact (draft)']))
  })

  it.each([
    ['editor', 200],
    ['admin', 200],
    ['clinical-reviewer', 403],
    ['responder', 403],
    ['secretary', 403],
    ['professional', 403],
    ['anonymous', 403],
  ] as const)('%s editing the cookies page is answered %i', async (viewer, expected) => {
    const cookies = await policyOf('cookies')
    const { status } = await api.rest({
      body: { summary: `${cookies.summary.replace(/ \(checked by .*\)$/, '')} (checked by ${viewer})` },
      method: 'PATCH',
      path: `policies/${cookies.id}`,
      token: tokens.get(viewer),
    })
    expect(status).toBe(expected)
    expect((await policyOf('cookies')).summary.endsWith(`(checked by ${viewer})`)).toBe(expected === 200)
  })

  it.each([
    ['editor', 403],
    ['responder', 403],
  ] as const)('%s cannot delete a policy page (%i)', async (viewer, expected) => {
    const cookies = await policyOf('cookies')
    const { status } = await api.rest({ method: 'DELETE', path: `policies/${cookies.id}`, token: tokens.get(viewer) })
    expect(status).toBe(expected)
    expect((await payload.count({ collection: 'policies', where: { id: { equals: cookies.id } } })).totalDocs).toBe(1)
  })

  it('previews the newest draft for content staff, and nothing for anyone else', async () => {
    const privacy = await policyOf('privacy')
    const { users } = await signInViewers({ api, payload, viewers: ['editor', 'responder'] as const })
    const asEditor = await loadPreview({ collection: 'policies', id: String(privacy.id), payload, user: users.get('editor')! })
    expect(asEditor).toMatchObject({ collection: 'policies', policy: { title: 'Privacy notice (draft)' } })
    expect(await loadPreview({ collection: 'policies', id: String(privacy.id), payload, user: users.get('responder')! })).toBeNull()
    expect(await loadPreview({ collection: 'policies', id: String(privacy.id), payload, user: null })).toBeNull()
  })

  it('links the footer to published pages only, and a change empties the page cache', async () => {
    const before = pageCacheStats().generation
    const chrome = await siteChrome({ payload })
    expect(chrome.policies.map((link) => link.href)).toEqual([PRIVACY, ACCESSIBILITY, COOKIES])
    const contact = await policyOf('contact')
    await payload.update({ collection: 'policies', data: { _status: 'published' }, id: contact.id })
    expect(pageCacheStats().generation).toBeGreaterThan(before)
    expect((await siteChrome({ payload })).policies.map((link) => link.label)).toEqual([
      'Privacy notice',
      'Accessibility statement',
      'Cookies',
      'Contact us',
    ])
  })
})
