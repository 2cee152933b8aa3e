import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../src/payload-types'
import type { TestHub } from '../helpers/hub'

import { ukToday } from '../../src/lib/fields/review'
import { findReviewsDue, summarisePageFeedback } from '../../src/lib/reviews/due'
import { createUser, startTestHub } from '../helpers/hub'

let hub: TestHub
let payload: Payload

const DAY = 24 * 60 * 60 * 1000
// Mid-morning UK time, so "N days" is unambiguous whichever zone the test machine runs in.
const now = new Date('2026-06-15T09:00:00.000Z')
const daysFromNow = (days: number) => new Date(now.getTime() + days * DAY).toISOString().replace('T09:', 'T12:')

const pages: Record<'dueSoon' | 'dueLater' | 'overdue' | 'movedLater', number | string> = {
  dueLater: 0,
  dueSoon: 0,
  movedLater: 0,
  overdue: 0,
}
let named: { email: string; id: number | string }
let unnamed: { email: string; id: number | string }

/** A full user document, as the admin passes it, for calls that apply access rules. */
const asUser = async ({ roles }: { roles: string[] }): Promise<User> => {
  const { id } = await createUser({ payload, roles })
  return { ...(await payload.findByID({ collection: 'users', depth: 0, id })), collection: 'users' }
}

const createPage = async ({
  careArea,
  nextReviewDue,
  owner,
  published = false,
  title,
}: {
  careArea: number | string
  nextReviewDue: string
  owner: number | string
  published?: boolean
  title: string
}) => {
  const data = {
    careArea: careArea as number,
    review: { contentOwner: owner as number, lastReviewed: daysFromNow(-300), nextReviewDue },
    slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    summary: `${title} summary`,
    title,
  }
  // Trusted Local API without a user: drafts stay drafts; publishing skips the sign-off rule.
  const page = published
    ? await payload.create({
        collection: 'pages',
        data: { ...data, _status: 'published', audience: 'public', signOff: { status: 'signed-off' } },
      })
    : await payload.create({ collection: 'pages', data: { ...data, _status: 'draft' }, draft: true })
  return page.id
}

const giveFeedback = async ({ comment, page, useful }: { comment?: string; page: number | string; useful: boolean }) =>
  payload.create({ collection: 'feedback', data: { comment, page: page as number, useful } })

beforeAll(async () => {
  hub = await startTestHub()
  payload = hub.payload

  named = await createUser({ payload, roles: ['editor'] })
  await payload.update({ collection: 'users', data: { name: 'Olive Owner' }, id: named.id })
  unnamed = await createUser({ payload, roles: ['clinical-reviewer'] })

  const careArea = await payload.create({
    collection: 'care-areas',
    data: { _status: 'published', slug: 'diagnosis', step: 1, summary: 'Spotting diabetes early.', title: 'Diagnosis' },
  })

  pages.dueSoon = await createPage({
    careArea: careArea.id,
    nextReviewDue: daysFromNow(10),
    owner: named.id,
    published: true,
    title: 'Testing HbA1c',
  })
  pages.overdue = await createPage({
    careArea: careArea.id,
    nextReviewDue: daysFromNow(-5),
    owner: unnamed.id,
    title: 'Gestational diabetes',
  })
  pages.dueLater = await createPage({
    careArea: careArea.id,
    nextReviewDue: daysFromNow(90),
    owner: named.id,
    title: 'Foot checks',
  })
  // Published as due soon, but the latest draft moves the review out: the latest version must win.
  pages.movedLater = await createPage({
    careArea: careArea.id,
    nextReviewDue: daysFromNow(20),
    owner: named.id,
    published: true,
    title: 'Retinal screening',
  })
  await payload.update({
    collection: 'pages',
    data: { _status: 'draft', review: { nextReviewDue: daysFromNow(120) } },
    draft: true,
    id: pages.movedLater,
  })

  // Overdue page: 1 yes, 7 no; six comments (plus an empty one) so only the newest five show.
  await giveFeedback({ page: pages.overdue, useful: true })
  for (const n of [1, 2, 3, 4, 5, 6]) await giveFeedback({ comment: `Unclear, part ${n}`, page: pages.overdue, useful: false })
  await giveFeedback({ comment: '', page: pages.overdue, useful: false })
  // Due-soon page: 2 yes, 1 no.
  await giveFeedback({ comment: 'Clear and helpful', page: pages.dueSoon, useful: true })
  await giveFeedback({ page: pages.dueSoon, useful: true })
  await giveFeedback({ comment: 'Missing the dosing table', page: pages.dueSoon, useful: false })
  // Due-later page: 1 yes, no comments.
  await giveFeedback({ page: pages.dueLater, useful: true })
})

afterAll(async () => {
  await hub?.cleanup()
})

describe('findReviewsDue', () => {
  it('lists only pages due within 30 days or overdue, most overdue first', async () => {
    const rows = await findReviewsDue({ now, payload })
    expect(rows).toEqual([
      {
        awaitingClinicalReview: false,
        careArea: 'Diagnosis',
        daysUntilDue: -5,
        id: pages.overdue,
        nextReviewDue: daysFromNow(-5),
        owner: unnamed.email,
        title: 'Gestational diabetes',
      },
      {
        awaitingClinicalReview: false,
        careArea: 'Diagnosis',
        daysUntilDue: 10,
        id: pages.dueSoon,
        nextReviewDue: daysFromNow(10),
        owner: 'Olive Owner',
        title: 'Testing HbA1c',
      },
    ])
  })

  it('includes draft-only pages and judges each page by its latest draft', async () => {
    const ids = (await findReviewsDue({ now, payload, withinDays: 100 })).map((row) => row.id)
    // Draft-only page is listed; the page whose draft moved its review to 120 days is not, though its
    // published version says 20.
    expect(ids).toEqual([pages.overdue, pages.dueSoon, pages.dueLater])
  })

  it('counts a page due exactly `withinDays` away and excludes one a day further', async () => {
    expect((await findReviewsDue({ now, payload, withinDays: 10 })).map((row) => row.daysUntilDue)).toEqual([-5, 10])
    expect((await findReviewsDue({ now, payload, withinDays: 9 })).map((row) => row.daysUntilDue)).toEqual([-5])
  })

  it('gives an editor the same rows under access rules, owners named by their work address when they have no name', async () => {
    const editor = await asUser({ roles: ['editor'] })
    // Editors read a staff colleague's account, its work address included...
    const colleague = await payload.findByID({ collection: 'users', id: unnamed.id, overrideAccess: false, user: editor })
    expect(colleague.email).toBe(unnamed.email)
    // ...and the owner of a page they are responsible for is shown by it.
    const rows = await findReviewsDue({ now, payload, user: editor })
    expect(rows.map((row) => [row.id, row.owner])).toEqual([
      [pages.overdue, unnamed.email],
      [pages.dueSoon, 'Olive Owner'],
    ])
  })

  it('refuses a professional, who could otherwise read the published due page', async () => {
    const professional = await asUser({ roles: ['professional'] })
    const visible = await payload.find({ collection: 'pages', overrideAccess: false, user: professional })
    expect(visible.docs.map((doc) => doc.id)).toContain(pages.dueSoon)
    await expect(findReviewsDue({ now, payload, user: professional })).rejects.toThrow(/not allowed/i)
  })

  it('refuses an anonymous request', async () => {
    await expect(findReviewsDue({ now, payload, user: null })).rejects.toThrow(/not allowed/i)
  })
})

describe('summarisePageFeedback', () => {
  const expected = () => [
    {
      no: 7,
      pageId: pages.overdue,
      path: null,
      recent: [6, 5, 4, 3, 2].map((n) => ({ comment: `Unclear, part ${n}`, createdAt: expect.any(String), useful: false })),
      title: 'Gestational diabetes',
      yes: 1,
    },
    {
      no: 1,
      pageId: pages.dueSoon,
      path: null,
      recent: [
        { comment: 'Missing the dosing table', createdAt: expect.any(String), useful: false },
        { comment: 'Clear and helpful', createdAt: expect.any(String), useful: true },
      ],
      title: 'Testing HbA1c',
      yes: 2,
    },
    { no: 0, pageId: pages.dueLater, path: null, recent: [], title: 'Foot checks', yes: 1 },
  ]

  it('counts yes and no per page, most "no" first, with the newest five comments', async () => {
    expect(await summarisePageFeedback({ payload })).toEqual(expected())
  })

  it('gives the same totals when page ids are read in batches smaller than the number of pages', async () => {
    expect(await summarisePageFeedback({ batchSize: 1, payload })).toEqual(expected())
  })

  it('limits recent comments to the number asked for', async () => {
    const [worst] = await summarisePageFeedback({ payload, recentComments: 2 })
    expect(worst?.recent.map((entry) => entry.comment)).toEqual(['Unclear, part 6', 'Unclear, part 5'])
  })

  it('gives a clinical reviewer the same summary under access rules', async () => {
    const reviewer = await asUser({ roles: ['clinical-reviewer'] })
    expect(await summarisePageFeedback({ payload, user: reviewer })).toEqual(expected())
  })

  it('lists the ten top tips page, which is no guidance page, with its answers and its address', async () => {
    const created = await Promise.all(
      [true, false, false].map((useful, n) =>
        payload.create({
          collection: 'feedback',
          data: { comment: n === 2 ? 'Add examples' : undefined, sitePage: 'ten-top-tips', useful },
        }),
      ),
    )
    const rows = await summarisePageFeedback({ payload })
    expect(rows[0]).toEqual(expected()[0])
    expect(rows).toContainEqual({
      no: 2,
      pageId: null,
      path: '/commissioning/ten-top-tips',
      recent: [{ comment: 'Add examples', createdAt: expect.any(String), useful: false }],
      title: 'Ten top tips for commissioning long-term conditions',
      yes: 1,
    })
    for (const doc of created) await payload.delete({ collection: 'feedback', id: doc.id })
  })

  it('refuses a professional and an anonymous request', async () => {
    const professional = await asUser({ roles: ['professional'] })
    await expect(summarisePageFeedback({ payload, user: professional })).rejects.toThrow(/not allowed/i)
    await expect(summarisePageFeedback({ payload, user: null })).rejects.toThrow(/not allowed/i)
  })
})

describe('guidance awaiting clinical review (imported)', () => {
  // Real time here: the reviewer's sign-off stamps today's date.
  const realNow = () => new Date()
  const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString()
  let imported: number | string

  beforeAll(async () => {
    const careArea = await payload.create({
      collection: 'care-areas',
      data: { _status: 'published', slug: 'imported-area', step: 9, summary: 'Imported.', title: 'Imported area' },
    })
    // As the seed imports it: published by trusted code, no review date, its next review far away.
    const page = await payload.create({
      collection: 'pages',
      data: {
        _status: 'published',
        careArea: careArea.id,
        review: {
          awaitingClinicalReview: true,
          contentOwner: named.id as number,
          lastReviewed: null,
          nextReviewDue: inDays(200),
          origin: 'written for the earlier Diabetes Journey site',
          originYear: 2007,
        },
        signOff: { status: 'awaiting-sign-off' as const },
        slug: 'imported-guidance',
        summary: 'Imported guidance.',
        title: 'Imported guidance',
      } as never,
    })
    imported = page.id
  })

  const rowFor = async () => (await findReviewsDue({ now: realNow(), payload })).find((row) => row.id === imported)

  it('is listed in Reviews due as awaiting clinical review although its date is months away', async () => {
    const row = await rowFor()
    expect(row).toMatchObject({ awaitingClinicalReview: true, title: 'Imported guidance' })
    expect(row!.daysUntilDue).toBeGreaterThan(30)
  })

  it('an editor cannot clear the flag: the save is a draft, the public page still says it awaits review', async () => {
    const editor = await asUser({ roles: ['editor'] })
    await payload.update({
      collection: 'pages',
      data: { review: { awaitingClinicalReview: false, lastReviewed: inDays(0) }, summary: 'Edited by an editor.' } as never,
      id: imported,
      overrideAccess: false,
      user: editor,
    })
    const draft = await payload.findByID({ collection: 'pages', draft: true, id: imported })
    expect(draft.summary).toBe('Edited by an editor.')
    expect(draft.review.awaitingClinicalReview).toBe(true)
    const published = await payload.findByID({ collection: 'pages', id: imported, overrideAccess: false })
    expect(published).toMatchObject({ _status: 'published', summary: 'Imported guidance.' })
    expect(published.review.awaitingClinicalReview).toBe(true)
    expect(published.review.lastReviewed ?? null).toBeNull()
    expect((await rowFor())?.awaitingClinicalReview).toBe(true)
    expect((await payload.count({ collection: 'sign-offs', where: { page: { equals: imported } } })).totalDocs).toBe(0)
  })

  it('a clinical reviewer publishing it signs it off: review dated today, no longer awaiting, off the list', async () => {
    const reviewer = await asUser({ roles: ['clinical-reviewer'] })
    await payload.update({ collection: 'pages', data: { _status: 'published' }, id: imported, overrideAccess: false, user: reviewer })
    const page = await payload.findByID({ collection: 'pages', id: imported, overrideAccess: false })
    expect(page.summary).toBe('Edited by an editor.')
    expect(page.review.awaitingClinicalReview).toBe(false)
    expect(page.review.lastReviewed?.slice(0, 10)).toBe(ukToday())
    // The next review chosen earlier is kept, being after today.
    expect(page.review.nextReviewDue.slice(0, 10)).toBe(inDays(200).slice(0, 10))
    expect(await rowFor()).toBeUndefined()
    const signOffs = await payload.find({ collection: 'sign-offs', depth: 0, where: { page: { equals: imported } } })
    expect(signOffs.docs.map((doc) => doc.reviewer)).toEqual([reviewer.id])
  })
})
