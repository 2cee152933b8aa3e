import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../src/payload-types'
import type { TestHub } from '../helpers/hub'

import { awaitingReviewNotice } from '../../src/components/site/ReviewDates'
import { submitFeedback } from '../../src/lib/feedback/submit'
import { block, heading, paragraph, plainTextOf, richText } from '../../src/lib/richtext/build'
import { findDocument, listDocuments, pagePathById, resolveGuidancePage, visibleDocuments } from '../../src/lib/site/content'
import { hasFile, referenceLine } from '../../src/lib/site/documents'
import { publicUrls } from '../../src/lib/site/public-index'
import { blocksUnderSameHeading, similarHeadings, withoutOpeningRepeats } from '../../src/lib/site/repeats'
import { minimalPdf } from '../helpers/files'
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
    const result = await submitFeedback({
      input: { comment: 'Clear', sitePage: 'ten-top-tips', useful: 'yes' },
      ip: '192.0.2.31',
      payload,
      user: null,
    })
    expect(result).toEqual({ ok: true, stored: true })
    const stored = await payload.find({ collection: 'feedback', where: { sitePage: { equals: 'ten-top-tips' } } })
    expect(stored.docs.map((doc) => [doc.page ?? null, doc.useful, doc.comment])).toEqual([[null, true, 'Clear']])
  })

  it('names the field for an unknown site page, or a guidance page and a site page together', async () => {
    expect(await submitFeedback({ input: { sitePage: 'admin', useful: 'no' }, ip: '192.0.2.31', payload, user: null })).toMatchObject({
      field: 'sitePage',
      status: 422,
    })
    expect(
      await submitFeedback({
        input: { page: String(ids.parent), sitePage: 'ten-top-tips', useful: 'no' },
        ip: '192.0.2.31',
        payload,
        user: null,
      }),
    ).toMatchObject({
      field: 'sitePage',
      status: 400,
    })
    // The collection itself refuses an answer about no page, or two, whoever writes it.
    await expect(payload.create({ collection: 'feedback', data: { useful: true } })).rejects.toMatchObject({ status: 400 })
    await expect(
      payload.create({ collection: 'feedback', data: { page: ids.parent as number, sitePage: 'ten-top-tips', useful: true } }),
    ).rejects.toMatchObject({ status: 400 })
  })

  it('stores a valid answer against the page', async () => {
    const result = await submitFeedback({
      input: { comment: ' Useful ', page: String(ids.parent), useful: 'yes' },
      ip: '192.0.2.30',
      payload,
      user: null,
    })
    expect(result).toEqual({ ok: true, stored: true })
    const stored = await payload.find({ collection: 'feedback', where: { page: { equals: ids.parent } } })
    expect(stored.docs.map((doc) => [doc.useful, doc.comment])).toEqual([[true, 'Useful']])
  })

  it('names the field for a missing answer, an over-long comment and an unknown page', async () => {
    expect(await submitFeedback({ input: { page: String(ids.parent) }, ip: '192.0.2.30', payload, user: null })).toMatchObject({
      field: 'useful',
      status: 400,
    })
    expect(
      await submitFeedback({
        input: { comment: 'x'.repeat(1001), page: String(ids.parent), useful: 'no' },
        ip: '192.0.2.30',
        payload,
        user: null,
      }),
    ).toMatchObject({ field: 'comment', status: 422 })
    expect(await submitFeedback({ input: { page: '999999', useful: 'no' }, ip: '192.0.2.30', payload, user: null })).toMatchObject({
      field: 'page',
      status: 422,
    })
    expect(await submitFeedback({ input: { useful: 'no' }, ip: '192.0.2.30', payload, user: null })).toMatchObject({
      field: 'page',
      status: 400,
    })
  })

  it('cannot be used to probe for professional or draft pages', async () => {
    expect(
      await submitFeedback({ input: { page: String(ids.professional), useful: 'no' }, ip: '192.0.2.30', payload, user: null }),
    ).toMatchObject({
      field: 'page',
    })
    expect(
      await submitFeedback({ input: { page: String(ids.draft), useful: 'no' }, ip: '192.0.2.30', payload, user: admin }),
    ).toMatchObject({ field: 'page' })
    expect(
      await submitFeedback({ input: { page: String(ids.professional), useful: 'no' }, ip: '192.0.2.30', payload, user: professional }),
    ).toEqual({
      ok: true,
      stored: true,
    })
  })

  it('drops a bot submission (honeypot filled) without storing it', async () => {
    const before = (await payload.count({ collection: 'feedback' })).totalDocs
    expect(
      await submitFeedback({ input: { page: String(ids.parent), useful: 'no', website: 'spam' }, ip: '192.0.2.30', payload, user: null }),
    ).toEqual({
      ok: true,
      stored: false,
    })
    expect((await payload.count({ collection: 'feedback' })).totalDocs).toBe(before)
  })
})

describe('guidance awaiting clinical review on the site', () => {
  it('a page imported from the earlier site says so, and what the public reads shows no review date', async () => {
    const area = (await payload.find({ collection: 'care-areas', where: { slug: { equals: 'diagnosis' } } })).docs[0]!
    await payload.create({
      collection: 'pages',
      data: {
        _status: 'published',
        careArea: area.id,
        review: {
          awaitingClinicalReview: true,
          contentOwner: admin.id,
          nextReviewDue: '2026-12-02',
          origin: 'written for the earlier Diabetes Journey site',
          originYear: 2007,
        },
        signOff: { status: 'awaiting-sign-off' as const },
        slug: 'imported',
        summary: 'Imported',
        title: 'Imported',
      } as never,
    })
    const found = await resolveGuidancePage({ careAreaSlug: 'diagnosis', payload, segments: ['imported'], user: null })
    expect(found?.page.review.lastReviewed ?? null).toBeNull()
    expect(awaitingReviewNotice({ review: found?.page.review })).toBe(
      'This page was written for the earlier Diabetes Journey site (2007) and is awaiting clinical review.',
    )
    // A signed-off page shows no such notice.
    const signedOff = await resolveGuidancePage({ careAreaSlug: 'diagnosis', payload, segments: ['parent'], user: null })
    expect(signedOff?.page.review.lastReviewed?.slice(0, 10)).toBe('2026-01-01')
    expect(awaitingReviewNotice({ review: signedOff?.page.review })).toBeNull()
  })
})

describe('library entries without a file', () => {
  const editor = async () => {
    const { id } = await createUser({ payload, roles: ['editor'] })
    return { ...(await payload.findByID({ collection: 'users', id })), collection: 'users' } as User
  }
  const ids: Record<'professional' | 'public', number | string> = { professional: 0, public: 0 }

  it('an editor creates a reference (title, publisher, year) with no file; public entries are readable by all', async () => {
    const user = await editor()
    const create = (data: Record<string, unknown>) =>
      payload.create({ collection: 'documents', data: { _status: 'published', ...data } as never, overrideAccess: false, user })
    ids.public = (await create({ audience: 'public', publicationYear: 2017, publisher: 'The network', title: 'Strategy reference' })).id
    ids.professional = (await create({ audience: 'professional', publicationYear: 2017, title: 'Specification reference' })).id

    const entry = await findDocument({ id: String(ids.public), payload, user: null })
    expect(entry).toMatchObject({ publicationYear: 2017, publisher: 'The network', title: 'Strategy reference' })
    expect(entry?.filename ?? null).toBeNull()
    expect(hasFile({ document: entry! })).toBe(false)
    expect(referenceLine({ document: entry! })).toBe('The network, 2017')
    expect((await listDocuments({ page: 1, payload, user: null })).docs.map((doc) => doc.title)).toEqual(['Strategy reference'])
    // Relationship values populated for the visitor keep entries without a file.
    expect(visibleDocuments([entry, 42]).map((doc) => doc.title)).toEqual(['Strategy reference'])
  })

  it('a professional-only entry stays hidden from the public, on the site and through the Local API', async () => {
    expect(await findDocument({ id: String(ids.professional), payload, user: null })).toBeNull()
    expect(await findDocument({ id: String(ids.professional), payload, user: professional })).toMatchObject({
      title: 'Specification reference',
    })
    await expect(payload.findByID({ collection: 'documents', id: ids.professional, overrideAccess: false })).rejects.toThrow()
    // An address that cannot be an id is simply not found.
    expect(await findDocument({ id: '1 or 1=1', payload, user: null })).toBeNull()
  })

  it('refuses a year that is not a whole year in range, naming the field', async () => {
    for (const publicationYear of [2017.5, 1066, 'next year']) {
      await expect(
        payload.create({
          collection: 'documents',
          data: { audience: 'public', publicationYear, title: 'Bad year' } as never,
          overrideAccess: false,
          user: await editor(),
        }),
      ).rejects.toMatchObject({ data: { errors: [expect.objectContaining({ path: 'publicationYear' })] } })
    }
  })

  it('staff attach the file later: the entry then offers it, and the year follows the publication date', async () => {
    const pdf = minimalPdf()
    const updated = await payload.update({
      collection: 'documents',
      data: { publicationDate: '2017-12-15T12:00:00.000Z' },
      file: { data: pdf, mimetype: 'application/pdf', name: 'strategy.pdf', size: pdf.length },
      id: ids.public,
      overrideAccess: false,
      user: await editor(),
    })
    expect(updated.filename).toBe('strategy.pdf')
    expect(updated.publicationYear).toBe(2017)
    const entry = await findDocument({ id: String(ids.public), payload, user: null })
    expect(hasFile({ document: entry! })).toBe(true)
  })
})

describe('pages that would say the same thing twice', () => {
  it('treats "Ten top tips for commissioning" as repeating "Ten top tips for the commissioning of long term conditions"', () => {
    expect(similarHeadings({ a: 'Ten top tips for commissioning', b: 'Ten top tips for the commissioning of long term conditions' })).toBe(
      true,
    )
    expect(
      similarHeadings({
        a: 'Commissioning considerations for long-term conditions',
        b: 'Commissioning considerations for long term conditions',
      }),
    ).toBe(true)
    expect(similarHeadings({ a: 'The role of commissioning', b: 'Commissioning considerations for long-term conditions' })).toBe(false)
    expect(similarHeadings({ a: 'LTC model', b: 'LTC' })).toBe(false)
  })

  it('drops an opening heading equal to the title and an opening paragraph equal to the summary, nothing later', () => {
    const value = richText({
      children: [
        block({ blockType: 'contentsList' }),
        heading({ level: 'h2', text: 'Commissioning considerations for long term conditions' }),
        paragraph({ text: 'What commissioners need to consider.' }),
        paragraph({ text: 'The body proper.' }),
        paragraph({ text: 'What commissioners need to consider.' }),
      ],
    })
    const trimmed = withoutOpeningRepeats({
      summary: 'What commissioners need to consider',
      title: 'Commissioning considerations for long-term conditions',
      value,
    })
    expect(plainTextOf({ value: trimmed })).toBe('The body proper.\nWhat commissioners need to consider.')
    // A body that does not repeat them is returned as it was.
    expect(withoutOpeningRepeats({ summary: 'Other', title: 'Other title', value })).toBe(value)
  })

  it('marks a tips block whose heading repeats the section heading above it', () => {
    const value = richText({
      children: [
        heading({ level: 'h2', text: 'Ten top tips for the commissioning of long term conditions' }),
        paragraph({ text: 'These principles also apply to diabetes services:' }),
        block({ blockType: 'commissioningTips', fields: { heading: 'Ten top tips for commissioning', id: 'under-same' } }),
        heading({ level: 'h2', text: 'Other matters' }),
        block({ blockType: 'commissioningTips', fields: { heading: 'Ten top tips for commissioning', id: 'own-section' } }),
      ],
    })
    expect([...blocksUnderSameHeading({ blockType: 'commissioningTips', value })]).toEqual(['under-same'])
  })
})
