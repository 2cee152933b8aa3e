import type { Payload, PayloadRequest } from 'payload'

import { createLocalReq, docAccessOperation } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Page, User } from '../../src/payload-types'
import type { TestHub } from '../helpers/hub'

import { paragraph, richText } from '../../src/lib/richtext/build'
import { reviewState } from '../../src/lib/sign-off/workflow'
import { loadPreview } from '../../src/lib/site/preview'
import { apiClient, signInViewers } from '../helpers/api'
import { startTestHub } from '../helpers/hub'

let hub: TestHub
let payload: Payload
let api: ReturnType<typeof apiClient>

type Viewer = 'admin' | 'anonymous' | 'editor' | 'professional' | 'responder' | 'reviewer' | 'second-reviewer'
const VIEWERS: Viewer[] = ['anonymous', 'professional', 'responder', 'editor', 'reviewer', 'second-reviewer', 'admin']
let tokens: Map<Viewer, string | undefined>
let users: Map<Viewer, User>
let careArea: number | string

const user = (viewer: Viewer): User => ({ ...users.get(viewer)!, collection: 'users' })

const step = ({ body, id, name, viewer }: { body: unknown; id: number | string; name: string; viewer: Viewer }) =>
  api.rest({ body, method: 'POST', path: `pages/${id}/sign-off/${name}`, token: tokens.get(viewer) })

/** Emails queued to an address (the sendEmail jobs' input), oldest first. */
const mailTo = async (to: string) =>
  (
    await payload.find({
      collection: 'payload-jobs',
      limit: 0,
      pagination: false,
      sort: 'createdAt',
      where: { taskSlug: { equals: 'sendEmail' } },
    })
  ).docs
    .map((job) => job.input as { subject: string; text: string; to: string })
    .filter((input) => input.to === to)

const requestFor = async (viewer: Viewer): Promise<PayloadRequest> => createLocalReq({ user: user(viewer) }, payload)

/** A published page (trusted server code), with its first sign-off done. */
const publishedPage = async (title: string) =>
  (
    await payload.create({
      collection: 'pages',
      data: {
        _status: 'published',
        audience: 'public',
        body: richText({ children: [paragraph({ text: 'Check feet at every annual review.' })] }) as Page['body'],
        careArea: careArea as number,
        review: { contentOwner: users.get('editor')!.id, lastReviewed: '2026-01-05', nextReviewDue: '2027-01-05' },
        signOff: { status: 'signed-off' },
        slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
        summary: `${title} summary`,
        title,
      },
    })
  ).id

const editAsEditor = ({ data, id }: { data: Record<string, unknown>; id: number | string }) =>
  api.rest({ body: data, method: 'PATCH', path: `pages/${id}?draft=true`, token: tokens.get('editor') })

beforeAll(async () => {
  hub = await startTestHub()
  payload = hub.payload
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  ;({ tokens, users } = await signInViewers({
    api,
    payload,
    prepare: ({ id, viewer }) => payload.update({ collection: 'users', data: { name: `The ${viewer}` }, id }),
    roles: (viewer) => (viewer === 'reviewer' || viewer === 'second-reviewer' ? ['clinical-reviewer'] : [viewer]),
    viewers: VIEWERS,
  }))
  careArea = (
    await payload.create({
      collection: 'care-areas',
      data: { _status: 'published', slug: 'foot-care', step: 1, summary: 'Feet.', title: 'Foot care' },
    })
  ).id
}, 120_000)

afterAll(async () => {
  await hub?.cleanup()
})

describe('the Publish button', () => {
  it('is offered to clinical reviewers only: an editor may save drafts but not publish', async () => {
    const id = await publishedPage('Button check')
    const canPublish = async (viewer: Viewer) =>
      Boolean(
        (
          await docAccessOperation({
            collection: payload.collections.pages,
            data: { _status: 'published' },
            id,
            req: await requestFor(viewer),
          })
        ).update,
      )
    const canSaveDraft = async (viewer: Viewer) =>
      Boolean(
        (await docAccessOperation({ collection: payload.collections.pages, data: { _status: 'draft' }, id, req: await requestFor(viewer) }))
          .update,
      )
    expect(await canPublish('editor')).toBe(false)
    expect(await canPublish('admin')).toBe(false)
    expect(await canPublish('reviewer')).toBe(true)
    expect(await canSaveDraft('editor')).toBe(true)
  })
})

describe('sending a draft for clinical sign-off', () => {
  it('refuses bad requests with the field named, and people who may not ask', async () => {
    const id = await publishedPage('Refusals')
    expect((await step({ body: { note: 'Please check' }, id, name: 'request', viewer: 'anonymous' })).status).toBe(401)
    expect((await step({ body: { note: 'Please check' }, id, name: 'request', viewer: 'responder' })).status).toBe(403)
    const empty = await step({ body: { note: '   ' }, id, name: 'request', viewer: 'editor' })
    expect(empty.status).toBe(400)
    expect(empty.json.errors[0].field).toBe('note')
    const control = await step({ body: { note: 'Please\u0007 check' }, id, name: 'request', viewer: 'editor' })
    expect(control.status).toBe(400)
    expect(control.json.errors[0].field).toBe('note')
    const long = await step({ body: { note: 'x'.repeat(2001) }, id, name: 'request', viewer: 'editor' })
    expect(long.status).toBe(400)
    const notReviewer = await step({
      body: { note: 'Please check', reviewer: users.get('responder')!.id },
      id,
      name: 'request',
      viewer: 'editor',
    })
    expect(notReviewer.status).toBe(400)
    expect(notReviewer.json.errors[0].field).toBe('reviewer')
    const garbage = await step({ body: { note: 'Please check', reviewer: "1' OR 1=1" }, id, name: 'request', viewer: 'editor' })
    expect(garbage.status).toBe(400)
    const array = await api.rest({ body: ['note'], method: 'POST', path: `pages/${id}/sign-off/request`, token: tokens.get('editor') })
    expect(array.status).toBe(400)
    const form = await api.rest({
      headers: { 'content-type': 'text/plain' },
      method: 'POST',
      path: `pages/${id}/sign-off/request`,
      token: tokens.get('editor'),
    })
    expect(form.status).toBe(415)
    expect((await step({ body: { note: 'Please check' }, id: 999_999, name: 'request', viewer: 'editor' })).status).toBe(404)
    // Nothing changed.
    const page = await payload.findByID({ collection: 'pages', draft: true, id })
    expect(page.signOff.status).toBe('signed-off')
  })

  it('emails every clinical reviewer with the note and a link, and only the one named when the editor names one', async () => {
    const reviewer = users.get('reviewer')!
    const second = users.get('second-reviewer')!
    const before = { reviewer: (await mailTo(reviewer.email)).length, second: (await mailTo(second.email)).length }
    const id = await publishedPage('Annual review')
    expect((await editAsEditor({ data: { title: 'Annual foot review' }, id })).status).toBe(200)
    const sent = await step({ body: { note: 'New title after the audit.' }, id, name: 'request', viewer: 'editor' })
    expect(sent.status).toBe(200)
    expect(sent.json.status).toBe('awaiting-sign-off')
    const draft = await payload.findByID({ collection: 'pages', draft: true, id })
    expect(draft.signOff.status).toBe('awaiting-sign-off')
    expect(draft.signOff.requestNote).toBe('New title after the audit.')
    expect((draft.signOff.requestedBy as User).id ?? draft.signOff.requestedBy).toBe(users.get('editor')!.id)
    // The public still reads the signed-off page.
    expect((await payload.findByID({ collection: 'pages', id })).title).toBe('Annual review')
    for (const to of [reviewer.email, second.email]) {
      const mail = (await mailTo(to)).at(-1)!
      expect(mail.subject).toBe('Clinical sign-off requested: Annual foot review')
      expect(mail.text).toContain('New title after the audit.')
      expect(mail.text).toContain('The editor asks you')
      expect(mail.text).toContain(`/admin/sign-off/${id}`)
    }
    expect((await step({ body: { note: 'Again' }, id, name: 'request', viewer: 'editor' })).status).toBe(409)

    const named = await publishedPage('Named reviewer')
    await editAsEditor({ data: { summary: 'A changed summary' }, id: named })
    const counts = { reviewer: (await mailTo(reviewer.email)).length, second: (await mailTo(second.email)).length }
    expect(counts.reviewer).toBe(before.reviewer + 1)
    expect((await step({ body: { note: 'Only you', reviewer: second.id }, id: named, name: 'request', viewer: 'editor' })).status).toBe(200)
    expect((await mailTo(reviewer.email)).length).toBe(counts.reviewer)
    expect((await mailTo(second.email)).length).toBe(counts.second + 1)
  })
})

describe('a reviewer deciding', () => {
  it('sees the draft and a word diff against the published version; only reviewers decide', async () => {
    const id = await publishedPage('Diff check')
    await editAsEditor({ data: { summary: 'Diff check summary, now shorter' }, id })
    await step({ body: { note: 'Summary edited' }, id, name: 'request', viewer: 'editor' })
    const state = (await reviewState({ id: String(id), req: await requestFor('reviewer') }))!
    expect(state.published?.summary).toBe('Diff check summary')
    expect(state.draft.summary).toBe('Diff check summary, now shorter')
    expect(state.changes.map((change) => change.field)).toEqual(['summary'])
    expect(state.changes[0]!.parts).toEqual([
      { change: 'same', text: 'Diff check summary' },
      { change: 'added', text: ', now shorter' },
    ])
    expect(state.draftVersion).not.toBe(state.publishedVersion)
    expect(await reviewState({ id: String(id), req: await requestFor('responder') })).toBeNull()
    expect((await step({ body: {}, id, name: 'approve', viewer: 'editor' })).status).toBe(403)
    expect((await step({ body: { reason: 'No' }, id, name: 'return', viewer: 'admin' })).status).toBe(403)
    // An editor cannot move the status to "returned" (or "signed off") with a plain save.
    await editAsEditor({ data: { signOff: { status: 'returned' } }, id })
    expect((await payload.findByID({ collection: 'pages', draft: true, id })).signOff.status).toBe('awaiting-sign-off')
  })

  it('returns a draft with a reason, emailing the editor and keeping the note, reason and versions; then signs off the fix', async () => {
    const editor = users.get('editor')!
    const id = await publishedPage('Insulin pumps')
    await editAsEditor({ data: { summary: 'Pumps for everyone' }, id })
    await step({ body: { note: 'Widened eligibility' }, id, name: 'request', viewer: 'editor' })
    const first = (await reviewState({ id: String(id), req: await requestFor('reviewer') }))!

    const noReason = await step({ body: { reason: '', version: first.draftVersion }, id, name: 'return', viewer: 'reviewer' })
    expect(noReason.status).toBe(400)
    expect(noReason.json.errors[0].field).toBe('reason')
    const stale = await step({ body: { reason: 'Too broad', version: '1' }, id, name: 'return', viewer: 'reviewer' })
    expect(stale.status).toBe(409)
    expect(stale.json.errors[0].field).toBe('version')

    const returned = await step({
      body: { reason: 'NICE TA151 limits pumps to those meeting its criteria.', version: first.draftVersion },
      id,
      name: 'return',
      viewer: 'reviewer',
    })
    expect(returned.status).toBe(200)
    const afterReturn = await payload.findByID({ collection: 'pages', draft: true, id })
    expect(afterReturn.signOff.status).toBe('returned')
    expect(afterReturn.signOff.returnReason).toBe('NICE TA151 limits pumps to those meeting its criteria.')
    const returnMail = (await mailTo(editor.email)).at(-1)!
    expect(returnMail.subject).toBe('Returned for changes: Insulin pumps')
    expect(returnMail.text).toContain('NICE TA151 limits pumps')
    expect(returnMail.text).toContain(`/admin/collections/pages/${id}`)
    const returnRecord = (await payload.find({ collection: 'sign-offs', sort: '-createdAt', where: { page: { equals: id } } })).docs[0]!
    expect(returnRecord).toMatchObject({
      comparedWith: first.publishedVersion,
      decision: 'returned',
      reason: 'NICE TA151 limits pumps to those meeting its criteria.',
      requestNote: 'Widened eligibility',
      reviewedVersion: first.draftVersion,
    })
    // A returned draft cannot be returned again, nor approved behind the editor's back without a new request.
    expect((await step({ body: { reason: 'Again' }, id, name: 'return', viewer: 'reviewer' })).status).toBe(409)

    // The editor fixes it (still "returned" until sent again), then sends it again.
    await editAsEditor({ data: { summary: 'Pumps for those meeting NICE TA151' }, id })
    expect((await payload.findByID({ collection: 'pages', draft: true, id })).signOff.status).toBe('returned')
    expect((await step({ body: { note: 'Limited to TA151' }, id, name: 'request', viewer: 'editor' })).status).toBe(200)
    const second = (await reviewState({ id: String(id), req: await requestFor('reviewer') }))!
    expect(second.draft.signOff?.requestNote).toBe('Limited to TA151')

    const approved = await step({ body: { version: second.draftVersion }, id, name: 'approve', viewer: 'reviewer' })
    expect(approved.status).toBe(200)
    const live = await payload.find({ collection: 'pages', overrideAccess: false, where: { id: { equals: id } } })
    expect(live.docs[0]!.summary).toBe('Pumps for those meeting NICE TA151')
    expect(live.docs[0]!._status).toBe('published')
    const record = (await payload.find({ collection: 'sign-offs', sort: '-createdAt', where: { page: { equals: id } } })).docs[0]!
    expect(record).toMatchObject({
      comparedWith: first.publishedVersion,
      decision: 'signed-off',
      requestNote: 'Limited to TA151',
      reviewedVersion: second.draftVersion,
    })
    expect(record.version).toBeTruthy()
    expect((record.reviewer as User).id ?? record.reviewer).toBe(users.get('reviewer')!.id)
    const signedMail = (await mailTo(editor.email)).at(-1)!
    expect(signedMail.subject).toBe('Signed off and published: Insulin pumps')
    expect(signedMail.text).toContain('/care-areas/foot-care/insulin-pumps')
  })
})

describe('what a plain save or a restore cannot do', () => {
  it("an editor's restore of an old version becomes a draft: the signed-off page stays online", async () => {
    const id = await publishedPage('Restore check')
    await editAsEditor({ data: { title: 'Restore check, edited' }, id })
    const versions = await payload.findVersions({ collection: 'pages', sort: '-updatedAt', where: { parent: { equals: id } } })
    const draftVersion = versions.docs.find((version) => version.version._status === 'draft')!
    const restored = await api.rest({ method: 'POST', path: `pages/versions/${draftVersion.id}`, token: tokens.get('editor') })
    expect(restored.status).toBe(403)
    expect(restored.json.errors[0].message).toContain('restore it as a draft')
    const asDraft = await api.rest({ method: 'POST', path: `pages/versions/${draftVersion.id}?draft=true`, token: tokens.get('editor') })
    expect(asDraft.status).toBe(200)
    const live = await payload.find({ collection: 'pages', overrideAccess: false, where: { id: { equals: id } } })
    expect(live.docs.map((page) => [page.title, page._status])).toEqual([['Restore check', 'published']])
    const graphql = await api.graphql({
      query: `mutation { restoreVersionPage(id: ${draftVersion.id}) { id } }`,
      token: tokens.get('editor'),
    })
    expect(graphql.status).toBe(200)
    expect((await payload.find({ collection: 'pages', overrideAccess: false, where: { id: { equals: id } } })).docs[0]?.title).toBe(
      'Restore check',
    )
  })

  it('an edit sent with "returned" is a new draft, no longer marked signed off', async () => {
    const id = await publishedPage('Status trick')
    await editAsEditor({ data: { signOff: { status: 'returned' }, summary: 'Insulin dose doubled' }, id })
    expect((await payload.findByID({ collection: 'pages', draft: true, id })).signOff.status).toBe('draft')
  })

  it('a reviewer named by something other than an id is refused', async () => {
    const id = await publishedPage('Odd reviewer')
    const answer = await step({ body: { note: 'Please', reviewer: [users.get('reviewer')!.id] }, id, name: 'request', viewer: 'editor' })
    expect(answer.status).toBe(400)
    expect(answer.json.errors[0].field).toBe('reviewer')
  })

  it('shows a changed link address, image, slug and order in the diff, not only changed words', async () => {
    const linkTo = (url: string) => ({
      root: {
        children: [
          {
            children: [
              { text: 'Use the ', type: 'text', version: 1 },
              {
                children: [{ text: 'calculator', type: 'text', version: 1 }],
                fields: { linkType: 'custom', url },
                type: 'link',
                version: 3,
              },
            ],
            type: 'paragraph',
            version: 1,
          },
        ],
        type: 'root',
        version: 1,
      },
    })
    const { draftChanges } = await import('../../src/lib/sign-off/diff')
    const changes = draftChanges({
      draft: { body: linkTo('https://evil.example/calc') as never, order: 20, slug: 'new-address', title: 'Same' },
      published: { body: linkTo('https://www.nhs.uk/calc') as never, order: 10, slug: 'old-address', title: 'Same' },
    })
    expect(changes.map((change) => change.field)).toEqual(['slug', 'order', 'body'])
    const body = changes.find((change) => change.field === 'body')!
    expect(body.before).toBe('Use the calculator [link: https://www.nhs.uk/calc]')
    expect(body.after).toBe('Use the calculator [link: https://evil.example/calc]')
    expect(body.parts.some((part) => part.change === 'added' && part.text.includes('evil'))).toBe(true)
  })
})

describe('previews', () => {
  it('show content staff the newest draft and nobody else anything', async () => {
    const id = await publishedPage('Preview me')
    await editAsEditor({ data: { title: 'Preview me, edited' }, id })
    for (const viewer of ['editor', 'reviewer', 'admin'] as const) {
      const preview = await loadPreview({ collection: 'pages', id: String(id), payload, user: user(viewer) })
      expect(preview?.collection, viewer).toBe('pages')
      if (preview?.collection === 'pages') {
        expect(preview.found.page.title).toBe('Preview me, edited')
        expect(preview.found.careArea.slug).toBe('foot-care')
      }
    }
    for (const viewer of ['professional', 'responder'] as const)
      expect(await loadPreview({ collection: 'pages', id: String(id), payload, user: user(viewer) }), viewer).toBeNull()
    expect(await loadPreview({ collection: 'pages', id: String(id), payload, user: null })).toBeNull()
    expect(await loadPreview({ collection: 'users', id: String(users.get('admin')!.id), payload, user: user('admin') })).toBeNull()
    expect(await loadPreview({ collection: 'pages', id: '../1', payload, user: user('admin') })).toBeNull()
    const draftArea = await payload.create({
      collection: 'care-areas',
      data: { _status: 'draft', slug: 'draft-area', step: 9, summary: 'Not yet.', title: 'Draft area' },
      draft: true,
    })
    const area = await loadPreview({ collection: 'care-areas', id: String(draftArea.id), payload, user: user('editor') })
    expect(area?.collection === 'care-areas' && area.careArea.title).toBe('Draft area')
  })
})
