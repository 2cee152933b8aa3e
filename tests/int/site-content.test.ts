import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../src/payload-types'
import type { TestHub } from '../helpers/hub'

import { submitFeedback } from '../../src/lib/feedback/submit'
import { pagePathById, resolveGuidancePage } from '../../src/lib/site/content'
import { publicUrls } from '../../src/lib/site/public-index'
import { createUser, startTestHub } from '../helpers/hub'

let hub: TestHub
let payload: Payload
let admin: User
let professional: User
const ids: Record<string, number | string> = {}

beforeAll(async () => {
  hub = await startTestHub()
  payload = hub.payload
  const find = async (id: number | string) => (await payload.findByID({ collection: 'users', id })) as User
  admin = await find((await createUser({ payload, roles: ['admin'] })).id)
  professional = await find((await createUser({ payload, roles: ['professional'] })).id)
  const area = await payload.create({
    collection: 'care-areas',
    data: { _status: 'published', slug: 'diagnosis', step: 1, summary: 'Diagnosis', title: 'Diagnosis' },
  })
  const review = { contentOwner: admin.id, lastReviewed: '2026-01-01', nextReviewDue: '2027-01-01' }
  const page = (data: Record<string, unknown>, draft = false) =>
    payload.create({ collection: 'pages', data: { careArea: area.id, review, summary: 's', ...data } as never, draft: draft as true })
  ids.parent = (await page({ _status: 'published', slug: 'parent', title: 'Parent' })).id
  ids.child = (await page({ _status: 'published', parent: ids.parent, slug: 'child', title: 'Child' })).id
  ids.professional = (await page({ _status: 'published', audience: 'professional', slug: 'pro', title: 'Pro' })).id
  ids.draft = (await page({ _status: 'draft', slug: 'draft', title: 'Draft' }, true)).id
  ids.underDraft = (await page({ _status: 'published', parent: ids.draft, slug: 'orphan', title: 'Orphan' })).id
})

afterAll(async () => {
  await hub?.cleanup()
})

describe('resolving guidance addresses', () => {
  it('follows the tree and returns the trail for breadcrumbs', async () => {
    const found = await resolveGuidancePage({ careAreaSlug: 'diagnosis', payload, segments: ['parent', 'child'], user: null })
    expect(found?.page.title).toBe('Child')
    expect(found?.trail.map((page) => page.title)).toEqual(['Parent'])
  })

  it('finds a page only at its real position', async () => {
    expect(await resolveGuidancePage({ careAreaSlug: 'diagnosis', payload, segments: ['child'], user: null })).toBeNull()
  })

  it('hides professional pages from the public and shows them to professionals', async () => {
    expect(await resolveGuidancePage({ careAreaSlug: 'diagnosis', payload, segments: ['pro'], user: null })).toBeNull()
    const found = await resolveGuidancePage({ careAreaSlug: 'diagnosis', payload, segments: ['pro'], user: professional })
    expect(found?.page.title).toBe('Pro')
  })

  it('never shows an unpublished draft on the site, even to an administrator', async () => {
    expect(await resolveGuidancePage({ careAreaSlug: 'diagnosis', payload, segments: ['draft'], user: admin })).toBeNull()
    // A published page under an unpublished one is unreachable too.
    expect(await resolveGuidancePage({ careAreaSlug: 'diagnosis', payload, segments: ['draft', 'orphan'], user: admin })).toBeNull()
    expect(await pagePathById({ id: ids.underDraft, payload, user: admin })).toBeNull()
    expect(await pagePathById({ id: ids.child, payload, user: null })).toBe('/care-areas/diagnosis/parent/child')
  })

  it('lists only public, published addresses for search engines', async () => {
    const paths = (await publicUrls({ payload })).map((url) => url.path)
    expect(paths).toContain('/care-areas/diagnosis/parent/child')
    expect(paths).not.toContain('/care-areas/diagnosis/pro')
    expect(paths.some((path) => path.includes('draft') || path.includes('orphan'))).toBe(false)
  })
})

describe('page feedback', () => {
  it('stores an answer about the ten top tips page, which is no guidance page', async () => {
    const result = await submitFeedback({ input: { comment: 'Clear', sitePage: 'ten-top-tips', useful: 'yes' }, ip: '192.0.2.31', payload, user: null })
    expect(result).toEqual({ ok: true, stored: true })
    const stored = await payload.find({ collection: 'feedback', where: { sitePage: { equals: 'ten-top-tips' } } })
    expect(stored.docs.map((doc) => [doc.page ?? null, doc.useful, doc.comment])).toEqual([[null, true, 'Clear']])
  })

  it('names the field for an unknown site page, or a guidance page and a site page together', async () => {
    expect(await submitFeedback({ input: { sitePage: 'admin', useful: 'no' }, ip: '192.0.2.31', payload, user: null })).toMatchObject({ field: 'sitePage', status: 422 })
    expect(await submitFeedback({ input: { page: String(ids.parent), sitePage: 'ten-top-tips', useful: 'no' }, ip: '192.0.2.31', payload, user: null })).toMatchObject({
      field: 'sitePage',
      status: 400,
    })
    // The collection itself refuses an answer about no page, or two, whoever writes it.
    await expect(payload.create({ collection: 'feedback', data: { useful: true } })).rejects.toMatchObject({ status: 400 })
    await expect(payload.create({ collection: 'feedback', data: { page: ids.parent as number, sitePage: 'ten-top-tips', useful: true } })).rejects.toMatchObject({ status: 400 })
  })

  it('stores a valid answer against the page', async () => {
    const result = await submitFeedback({ input: { comment: ' Useful ', page: String(ids.parent), useful: 'yes' }, ip: '192.0.2.30', payload, user: null })
    expect(result).toEqual({ ok: true, stored: true })
    const stored = await payload.find({ collection: 'feedback', where: { page: { equals: ids.parent } } })
    expect(stored.docs.map((doc) => [doc.useful, doc.comment])).toEqual([[true, 'Useful']])
  })

  it('names the field for a missing answer, an over-long comment and an unknown page', async () => {
    expect(await submitFeedback({ input: { page: String(ids.parent) }, ip: '192.0.2.30', payload, user: null })).toMatchObject({ field: 'useful', status: 400 })
    expect(
      await submitFeedback({ input: { comment: 'x'.repeat(1001), page: String(ids.parent), useful: 'no' }, ip: '192.0.2.30', payload, user: null }),
    ).toMatchObject({ field: 'comment', status: 422 })
    expect(await submitFeedback({ input: { page: '999999', useful: 'no' }, ip: '192.0.2.30', payload, user: null })).toMatchObject({ field: 'page', status: 422 })
    expect(await submitFeedback({ input: { useful: 'no' }, ip: '192.0.2.30', payload, user: null })).toMatchObject({ field: 'page', status: 400 })
  })

  it('cannot be used to probe for professional or draft pages', async () => {
    expect(await submitFeedback({ input: { page: String(ids.professional), useful: 'no' }, ip: '192.0.2.30', payload, user: null })).toMatchObject({
      field: 'page',
    })
    expect(await submitFeedback({ input: { page: String(ids.draft), useful: 'no' }, ip: '192.0.2.30', payload, user: admin })).toMatchObject({ field: 'page' })
    expect(await submitFeedback({ input: { page: String(ids.professional), useful: 'no' }, ip: '192.0.2.30', payload, user: professional })).toEqual({
      ok: true,
      stored: true,
    })
  })

  it('drops a bot submission (honeypot filled) without storing it', async () => {
    const before = (await payload.count({ collection: 'feedback' })).totalDocs
    expect(await submitFeedback({ input: { page: String(ids.parent), useful: 'no', website: 'spam' }, ip: '192.0.2.30', payload, user: null })).toEqual({
      ok: true,
      stored: false,
    })
    expect((await payload.count({ collection: 'feedback' })).totalDocs).toBe(before)
  })
})
