import type { Payload } from 'payload'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { apiClient, signInViewers } from '../helpers/api'
import { createUser, startTestHub } from '../helpers/hub'
import { minimalPdf } from '../helpers/files'

let hub: TestHub
let payload: Payload
let api: ReturnType<typeof apiClient>

type Viewer = 'admin' | 'anonymous' | 'clinical-reviewer' | 'editor' | 'professional' | 'responder'
const VIEWERS: Viewer[] = ['anonymous', 'professional', 'responder', 'editor', 'clinical-reviewer', 'admin']
let tokens: Map<Viewer, string | undefined>
const CONTENT_STAFF: Viewer[] = ['editor', 'clinical-reviewer', 'admin']
const PROFESSIONAL_READERS: Viewer[] = ['professional', 'responder', ...CONTENT_STAFF]

beforeAll(async () => {
  hub = await startTestHub()
  payload = hub.payload
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  ;({ tokens } = await signInViewers({ api, payload, viewers: VIEWERS }))
  const owner = await createUser({ payload, roles: ['editor'] })
  // Fixtures written as trusted server code: one published, one draft of each, plus professional-only items.
  const area = await payload.create({
    collection: 'care-areas',
    data: { _status: 'published', slug: 'area-published', step: 1, summary: 'Published area', title: 'Area published' },
  })
  await payload.create({
    collection: 'care-areas',
    data: { _status: 'draft', slug: 'area-draft', step: 2, summary: 'Draft area', title: 'Area draft' },
    draft: true,
  })
  const review = { contentOwner: owner.id as number, lastReviewed: '2026-01-01', nextReviewDue: '2027-01-01' }
  for (const [title, audience, status] of [
    ['Page public', 'public', 'published'],
    ['Page professional', 'professional', 'published'],
    ['Page draft', 'public', 'draft'],
  ] as const) {
    await payload.create({
      collection: 'pages',
      data: { _status: status, audience, careArea: area.id, review, slug: title.toLowerCase().replace(/ /g, '-'), summary: title, title },
      draft: (status === 'draft') as true,
    })
  }
  await payload.create({
    collection: 'commissioning-tips',
    data: { _status: 'published', body: 'Tip body', rank: 1, slug: 'tip-published', title: 'Tip published' },
  })
  await payload.create({
    collection: 'commissioning-tips',
    data: { _status: 'draft', body: 'Tip body', rank: 2, title: 'Tip draft' },
    draft: true,
  })
  await payload.create({
    collection: 'updates',
    data: { _status: 'published', date: '2026-01-01', slug: 'update-published', title: 'Update published' },
  })
  await payload.create({ collection: 'updates', data: { _status: 'draft', date: '2026-01-02', title: 'Update draft' }, draft: true })
  const pq = { answeringBody: 'Department of Health', dateAsked: '2016-11-21', question: 'A question' }
  await payload.create({
    collection: 'parliamentary-questions',
    data: { ...pq, _status: 'published', heading: 'PQ published', slug: 'pq-published' },
  })
  await payload.create({ collection: 'parliamentary-questions', data: { ...pq, _status: 'draft', heading: 'PQ draft' }, draft: true })
  for (const [title, audience] of [
    ['Document public', 'public'],
    ['Document professional', 'professional'],
  ] as const) {
    await payload.create({
      collection: 'documents',
      data: { _status: 'published', audience, publicationDate: '2026-01-01', title },
      file: { data: minimalPdf(), mimetype: 'application/pdf', name: `${audience}.pdf`, size: minimalPdf().length },
    })
  }
  const organisation = await payload.create({ collection: 'organisations', data: { name: 'Organisation one' } })
  await payload.create({
    collection: 'people',
    data: { email: 'private.person@example.org', name: 'Person one', organisation: organisation.id, telephone: '0100 000 000' },
  })
  const page = (await payload.find({ collection: 'pages', where: { title: { equals: 'Page public' } } })).docs[0]
  await payload.create({ collection: 'feedback', data: { comment: 'Helpful', page: page.id, useful: true } })
})

afterAll(async () => {
  await hub?.cleanup()
})

const titleField: Record<string, string> = {
  'care-areas': 'title',
  'commissioning-tips': 'title',
  documents: 'title',
  feedback: 'comment',
  organisations: 'name',
  pages: 'title',
  'parliamentary-questions': 'heading',
  people: 'name',
  updates: 'title',
}

const GRAPHQL_QUERIES: Record<string, string> = {
  'care-areas': 'CareAreas',
  'commissioning-tips': 'CommissioningTips',
  documents: 'Documents',
  feedback: 'Feedbacks',
  organisations: 'Organisations',
  pages: 'Pages',
  'parliamentary-questions': 'ParliamentaryQuestions',
  people: 'People',
  updates: 'Updates',
}

/** What each viewer must see in each collection: the rules in one table. */
const expectedTitles = (collection: string, viewer: Viewer): null | string[] => {
  const staff = CONTENT_STAFF.includes(viewer)
  const published = (name: string) => (staff ? [`${name} draft`, `${name} published`] : [`${name} published`])
  switch (collection) {
    case 'care-areas':
      return published('Area')
    case 'commissioning-tips':
      return published('Tip')
    case 'documents':
      return PROFESSIONAL_READERS.includes(viewer) ? ['Document professional', 'Document public'] : ['Document public']
    case 'feedback':
      return staff ? ['Helpful'] : null
    case 'organisations':
      return ['Organisation one']
    case 'pages':
      if (staff) return ['Page draft', 'Page professional', 'Page public']
      return PROFESSIONAL_READERS.includes(viewer) ? ['Page professional', 'Page public'] : ['Page public']
    case 'parliamentary-questions':
      return published('PQ')
    case 'people':
      return ['Person one']
    case 'updates':
      return published('Update')
  }
  throw new Error(`no expectation for ${collection}`)
}

describe.each(VIEWERS)('reading content as %s', (viewer) => {
  it.each(Object.keys(titleField))(
    'REST /api/%s shows exactly what the rules allow (drafts included via ?draft=true)',
    async (collection) => {
      // Asking for drafts must not reveal them to anyone who may not see drafts.
      const { json, status } = await api.rest({ path: `${collection}?limit=100&draft=true&depth=0`, token: tokens.get(viewer) })
      const expected = expectedTitles(collection, viewer)
      if (expected === null) {
        expect(status).toBe(403)
        return
      }
      expect(status).toBe(200)
      const titles = (json.docs as Record<string, string>[]).map((doc) => doc[titleField[collection]]).sort()
      expect(titles).toEqual(expected)
    },
  )

  it.each(Object.keys(titleField))('GraphQL shows exactly what REST shows for %s', async (collection) => {
    const query = GRAPHQL_QUERIES[collection]
    const field = titleField[collection]
    const { json } = await api.graphql({ query: `{ ${query}(limit: 100, draft: true) { docs { ${field} } } }`, token: tokens.get(viewer) })
    const expected = expectedTitles(collection, viewer)
    if (expected === null) {
      expect(json.data?.[query] ?? null).toBeNull()
      expect(json.errors?.[0]?.message).toMatch(/not allowed/)
      return
    }
    expect((json.data[query].docs as Record<string, string>[]).map((doc) => doc[field]).sort()).toEqual(expected)
  })

  it('personal contact details of people are visible to content staff only', async () => {
    const { json } = await api.rest({ path: 'people?depth=0', token: tokens.get(viewer) })
    const person = json.docs[0]
    if (CONTENT_STAFF.includes(viewer)) {
      expect(person.email).toBe('private.person@example.org')
      expect(person.telephone).toBe('0100 000 000')
    } else {
      expect(person.email).toBeUndefined()
      expect(person.telephone).toBeUndefined()
    }
    const graph = await api.graphql({ query: '{ People { docs { name email telephone } } }', token: tokens.get(viewer) })
    const graphPerson = graph.json.data.People.docs[0]
    expect(graphPerson.email ?? null).toBe(CONTENT_STAFF.includes(viewer) ? 'private.person@example.org' : null)
  })

  it('the sign-off audit trail is for content staff only (REST and GraphQL)', async () => {
    const { status } = await api.rest({ path: 'sign-offs', token: tokens.get(viewer) })
    expect(status).toBe(CONTENT_STAFF.includes(viewer) ? 200 : 403)
    const { json } = await api.graphql({ query: '{ SignOffs { docs { pageTitle } } }', token: tokens.get(viewer) })
    if (CONTENT_STAFF.includes(viewer)) expect(Array.isArray(json.data.SignOffs.docs)).toBe(true)
    else expect(json.data?.SignOffs ?? null).toBeNull()
  })

  it('images are public to read; only editors and admins may upload them', async () => {
    expect((await api.rest({ path: 'media', token: tokens.get(viewer) })).status).toBe(200)
    const user =
      viewer === 'anonymous' ? undefined : (await payload.find({ collection: 'users', where: { roles: { contains: viewer } } })).docs[0]
    const png = await sharp({ create: { background: '#fff', channels: 3, height: 4, width: 4 } })
      .png()
      .toBuffer()
    const attempt = payload.create({
      collection: 'media',
      data: { alt: `Upload by ${viewer}` },
      file: { data: png, mimetype: 'image/png', name: `${viewer}.png`, size: png.length },
      overrideAccess: false,
      user,
    })
    if (['editor', 'admin'].includes(viewer)) await expect(attempt).resolves.toMatchObject({ alt: `Upload by ${viewer}` })
    else await expect(attempt).rejects.toMatchObject({ status: 403 })
  })

  it('the Local API with access enforced agrees with REST for guidance pages', async () => {
    const user =
      viewer === 'anonymous' ? undefined : (await payload.find({ collection: 'users', where: { roles: { contains: viewer } } })).docs[0]
    const { docs } = await payload.find({ collection: 'pages', draft: true, limit: 100, overrideAccess: false, user })
    expect(docs.map((doc) => doc.title).sort()).toEqual(expectedTitles('pages', viewer))
  })
})

const WRITERS: Record<string, Viewer[]> = {
  'care-areas': ['editor', 'admin'],
  'commissioning-tips': ['editor', 'admin'],
  feedback: ['admin'],
  organisations: ['editor', 'admin'],
  pages: ['editor', 'clinical-reviewer', 'admin'],
  'parliamentary-questions': ['editor', 'admin'],
  people: ['editor', 'admin'],
  'sign-offs': [],
  updates: ['editor', 'admin'],
}

// Steps and ranks are unique: hand out a fresh one per draft instead of risking a random clash.
let nextNumber = 20

const draftBody = async (collection: string, suffix: string): Promise<Record<string, unknown>> => {
  const area = (await payload.find({ collection: 'care-areas', limit: 1 })).docs[0]
  const owner = (await payload.find({ collection: 'users', limit: 1 })).docs[0]
  const page = (await payload.find({ collection: 'pages', limit: 1 })).docs[0]
  switch (collection) {
    case 'care-areas':
      return { slug: `new-area-${suffix}`, step: nextNumber++, summary: 'New', title: `New area ${suffix}` }
    case 'commissioning-tips':
      return { body: 'New', rank: nextNumber++, title: `New tip ${suffix}` }
    case 'feedback':
      return { page: page.id, useful: false }
    case 'organisations':
      return { name: `New organisation ${suffix}` }
    case 'pages':
      return {
        careArea: area.id,
        review: { contentOwner: owner.id, lastReviewed: '2026-01-01', nextReviewDue: '2027-01-01' },
        summary: 'New',
        title: `New page ${suffix}`,
      }
    case 'parliamentary-questions':
      return { answeringBody: 'DHSC', dateAsked: '2020-01-01', heading: `New PQ ${suffix}`, question: 'Q' }
    case 'people':
      return { name: `New person ${suffix}` }
    case 'sign-offs':
      return { page: page.id, pageTitle: 'Forged', signedOffAt: '2026-01-01' }
    case 'updates':
      return { date: '2026-02-01', title: `New update ${suffix}` }
  }
  throw new Error(collection)
}

describe.each(VIEWERS)('writing content as %s', (viewer) => {
  it.each(Object.keys(WRITERS))('creating a draft in %s is allowed only for its writers', async (collection) => {
    const body = await draftBody(collection, `${viewer}-${Math.random().toString(36).slice(2, 8)}`)
    const { status } = await api.rest({ body, method: 'POST', path: `${collection}?draft=true`, token: tokens.get(viewer) })
    expect(status).toBe(WRITERS[collection].includes(viewer as Viewer) ? 201 : 403)
  })
})

describe('clinical sign-off of guidance', () => {
  const newDraft = async (token: string | undefined, title: string) => {
    const { json, status } = await api.rest({ body: await draftBody('pages', title), method: 'POST', path: 'pages?draft=true', token })
    expect(status).toBe(201)
    return json.doc as { id: number | string }
  }

  it('an editor cannot publish guidance, and is told who can', async () => {
    const draft = await newDraft(tokens.get('editor'), 'editor-publish')
    const { json, status } = await api.rest({
      body: { _status: 'published' },
      method: 'PATCH',
      path: `pages/${draft.id}`,
      token: tokens.get('editor'),
    })
    expect(status).toBe(403)
    expect(JSON.stringify(json)).toMatch(/clinical reviewer/)
    const stored = await payload.findByID({ collection: 'pages', id: draft.id })
    expect(stored._status).toBe('draft')
  })

  it('an editor requests sign-off; who and when are stamped by the server, not taken from the request', async () => {
    const draft = await newDraft(tokens.get('editor'), 'request')
    const { json, status } = await api.rest({
      body: { signOff: { requestedAt: '1999-01-01T00:00:00.000Z', signedOffBy: 1, status: 'awaiting-sign-off' } },
      method: 'PATCH',
      path: `pages/${draft.id}?draft=true`,
      token: tokens.get('editor'),
    })
    expect(status).toBe(200)
    expect(json.doc.signOff.status).toBe('awaiting-sign-off')
    expect(json.doc.signOff.requestedAt).not.toBe('1999-01-01T00:00:00.000Z')
    expect(json.doc.signOff.signedOffBy ?? null).toBeNull()
  })

  it('a clinical reviewer publishes it, and the sign-off is recorded with the exact version', async () => {
    const draft = await newDraft(tokens.get('editor'), 'reviewer-publish')
    const { json, status } = await api.rest({
      body: { _status: 'published' },
      method: 'PATCH',
      path: `pages/${draft.id}`,
      token: tokens.get('clinical-reviewer'),
    })
    expect(status).toBe(200)
    expect(json.doc.signOff.status).toBe('signed-off')
    const reviewer = (await payload.find({ collection: 'users', where: { roles: { contains: 'clinical-reviewer' } } })).docs[0]
    const records = await payload.find({ collection: 'sign-offs', depth: 0, where: { page: { equals: draft.id } } })
    expect(records.docs).toHaveLength(1)
    expect(String(records.docs[0].reviewer)).toBe(String(reviewer.id))
    const versions = await payload.findVersions({ collection: 'pages', sort: '-updatedAt', where: { parent: { equals: draft.id } } })
    expect(records.docs[0].version).toBe(String(versions.docs[0].id))
    expect(versions.docs[0].version._status).toBe('published')
  })

  it('a later draft edit by an editor reopens the review', async () => {
    const draft = await newDraft(tokens.get('editor'), 'reopen')
    await api.rest({ body: { _status: 'published' }, method: 'PATCH', path: `pages/${draft.id}`, token: tokens.get('clinical-reviewer') })
    const { json } = await api.rest({
      body: { summary: 'Edited after sign-off' },
      method: 'PATCH',
      path: `pages/${draft.id}?draft=true`,
      token: tokens.get('editor'),
    })
    expect(json.doc.signOff.status).toBe('draft')
  })

  /** A page a reviewer has published, with the text the public reads. */
  const signedOffPage = async (label: string) => {
    const draft = await newDraft(tokens.get('editor'), label)
    const published = await api.rest({
      body: { _status: 'published', summary: 'Signed-off text' },
      method: 'PATCH',
      path: `pages/${draft.id}`,
      token: tokens.get('clinical-reviewer'),
    })
    expect(published.status).toBe(200)
    return draft.id
  }

  const publicView = async (id: number | string) => {
    const { json, status } = await api.rest({ path: `pages/${id}?depth=0` })
    return { status, summary: json?.summary as string | undefined }
  }

  it.each([
    ['a plain save (no draft flag)', `?depth=0`, { summary: 'Unreviewed text' }],
    ['a save that asks for status draft', `?depth=0`, { _status: 'draft', summary: 'Unreviewed text' }],
    ['a draft save', `?draft=true&depth=0`, { summary: 'Unreviewed text' }],
  ])("an editor's %s never changes or unpublishes the signed-off page: it adds a draft", async (_label, query, body) => {
    const id = await signedOffPage(`keep-${Math.random().toString(36).slice(2, 8)}`)
    const { status } = await api.rest({ body, method: 'PATCH', path: `pages/${id}${query}`, token: tokens.get('editor') })
    expect(status).toBe(200)
    // The public still reads the signed-off text...
    expect(await publicView(id)).toEqual({ status: 200, summary: 'Signed-off text' })
    const main = await payload.findByID({ collection: 'pages', depth: 0, id })
    expect(main._status).toBe('published')
    expect(main.summary).toBe('Signed-off text')
    // ...and the editor's text waits as the newest draft.
    const latest = await payload.findByID({ collection: 'pages', depth: 0, draft: true, id })
    expect(latest.summary).toBe('Unreviewed text')
    expect(latest._status).toBe('draft')
  })

  it('the same holds through GraphQL and the Local API with the editor as user', async () => {
    const id = await signedOffPage('keep-graphql')
    // GraphQL's update input asks for the page's required groups as they are.
    const stored = await payload.findByID({ collection: 'pages', depth: 0, id })
    const review = `{ lastReviewed: "${stored.review.lastReviewed}", nextReviewDue: "${stored.review.nextReviewDue}", contentOwner: ${stored.review.contentOwner} }`
    const { json } = await api.graphql({
      query: `mutation { updatePage(id: ${id}, data: { summary: "Through GraphQL", _status: draft, review: ${review}, signOff: { status: draft } }) { id } }`,
      token: tokens.get('editor'),
    })
    expect(json.errors).toBeUndefined()
    expect(await publicView(id)).toEqual({ status: 200, summary: 'Signed-off text' })
    expect((await payload.findByID({ collection: 'pages', depth: 0, draft: true, id })).summary).toBe('Through GraphQL')
    const editor = (await payload.find({ collection: 'users', where: { roles: { contains: 'editor' } } })).docs[0]
    await payload.update({ collection: 'pages', data: { summary: 'Through the Local API' }, id, overrideAccess: false, user: editor })
    expect(await publicView(id)).toEqual({ status: 200, summary: 'Signed-off text' })
    expect((await payload.findByID({ collection: 'pages', depth: 0, draft: true, id })).summary).toBe('Through the Local API')
  })

  it('a clinical reviewer publishing the draft is what changes the public page', async () => {
    const id = await signedOffPage('keep-then-publish')
    await api.rest({ body: { summary: 'Reviewed later' }, method: 'PATCH', path: `pages/${id}`, token: tokens.get('editor') })
    const { status } = await api.rest({
      body: { _status: 'published' },
      method: 'PATCH',
      path: `pages/${id}`,
      token: tokens.get('clinical-reviewer'),
    })
    expect(status).toBe(200)
    expect(await publicView(id)).toEqual({ status: 200, summary: 'Reviewed later' })
  })
})

describe('the guidance tree', () => {
  it('rejects a page under itself and a duplicate address among siblings, naming the field', async () => {
    const first = await newPage('Tree root')
    const { json, status } = await api.rest({
      body: { parent: first.id },
      method: 'PATCH',
      path: `pages/${first.id}?draft=true`,
      token: tokens.get('editor'),
    })
    expect(status).toBe(400)
    expect(json.errors[0].data.errors[0].path).toBe('parent')
    const duplicate = await api.rest({
      body: { ...(await draftBody('pages', 'x')), slug: 'tree-root', title: 'Another' },
      method: 'POST',
      path: 'pages?draft=true',
      token: tokens.get('editor'),
    })
    expect(duplicate.status).toBe(400)
    expect(duplicate.json.errors[0].data.errors[0].path).toBe('slug')
  })
})

const newPage = async (title: string) => {
  const { json } = await api.rest({
    body: { ...(await draftBody('pages', 'tree')), slug: 'tree-root', title },
    method: 'POST',
    path: 'pages?draft=true',
    token: tokens.get('editor'),
  })
  return json.doc as { id: number | string }
}
