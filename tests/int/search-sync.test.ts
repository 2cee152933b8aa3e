import type { Payload } from 'payload'

import { createLocalReq, initTransaction, killTransaction } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Audience, SearchEngine } from '../../src/lib/search/types'
import type { TestHub } from '../helpers/hub'

import { createEmbeddedEngine } from '../../src/lib/search/embedded'
import { loadAllSearchDocuments, loadSearchDocument } from '../../src/lib/search/source'
import { followSearchChanges, rebuildSearchIndex } from '../../src/lib/search/sync'
import { createUser, startTestHub, testDatabase } from '../helpers/hub'
import { makeTextPdf } from '../helpers/pdf'

let hub: TestHub
let payload: Payload
let review: Record<string, unknown>
const ids: Record<string, number | string> = {}
// Long intervals: the tests poll explicitly, so timers never race them.
const HOUR = 60 * 60 * 1000

const hitIds = async ({ engine, q, viewer = 'professional' }: { engine: SearchEngine; q: string; viewer?: Audience }) =>
  (await engine.search({ q, viewer })).hits.map((hit) => hit.id)

const createPage = async ({ data, draft = false }: { data: Record<string, unknown>; draft?: boolean }) =>
  (
    await payload.create({
      collection: 'pages',
      data: { careArea: ids.area, review, ...data } as never,
      draft: draft as true,
    })
  ).id

beforeAll(async () => {
  hub = await startTestHub()
  payload = hub.payload
  const admin = await createUser({ payload, roles: ['admin'] })
  review = {
    contentOwner: admin.id,
    lastReviewed: '2026-01-01',
    nextReviewDue: '2027-01-01',
  }
  ids.area = (
    await payload.create({
      collection: 'care-areas',
      data: {
        _status: 'published',
        slug: 'diagnosis',
        step: 1,
        summary: 'Finding out early',
        title: 'Diagnosis',
      },
    })
  ).id
  ids.publicPage = await createPage({
    data: {
      _status: 'published',
      slug: 'islets',
      summary: 'Pancreatic islet transplantation explained',
      title: 'Islet transplantation',
    },
  })
  ids.proPage = await createPage({
    data: {
      _status: 'published',
      audience: 'professional',
      slug: 'titration',
      summary: 'Basal titration protocols for clinicians',
      title: 'Titration protocol',
    },
  })
  ids.draftPage = await createPage({
    data: {
      _status: 'draft',
      slug: 'lipohypertrophy',
      summary: 'Injection site lipohypertrophy',
      title: 'Lipohypertrophy',
    },
    draft: true,
  })
  ids.update = (
    await payload.create({
      collection: 'updates',
      data: {
        _status: 'published',
        date: '2026-02-01',
        slug: 'formulary',
        summary: 'Formulary changes',
        title: 'Formulary refresh',
      },
    })
  ).id
  const pdf = makeTextPdf({
    pages: ['The glucokinase variant causes a mild, stable hyperglycaemia.'],
  })
  ids.document = (
    await payload.create({
      collection: 'documents',
      data: {
        _status: 'published',
        audience: 'public',
        publicationDate: '2026-01-01',
        title: 'Monogenic diabetes leaflet',
      },
      file: {
        data: pdf,
        mimetype: 'application/pdf',
        name: 'monogenic.pdf',
        size: pdf.length,
      },
    })
  ).id
}, 120_000)

afterAll(async () => {
  await hub?.cleanup()
})

describe(`search index sync (${testDatabase()})`, () => {
  it('rebuilds from exactly the published documents, with PDF text searchable', async () => {
    const engine = createEmbeddedEngine()
    const count = await rebuildSearchIndex({ engine, payload })
    // The ten top tips page is always on the site, with or without tips.
    const expected = [
      `care-areas:${ids.area}`,
      `pages:${ids.publicPage}`,
      `pages:${ids.proPage}`,
      `updates:${ids.update}`,
      `documents:${ids.document}`,
      'site-pages:ten-top-tips',
    ]
    expect(count).toBe(expected.length)
    expect(await engine.count()).toBe(expected.length)
    expect((await loadAllSearchDocuments({ payload })).map((doc) => doc.id).sort()).toEqual([...expected].sort())

    expect(await hitIds({ engine, q: 'glucokinase', viewer: 'public' })).toEqual([`documents:${ids.document}`])
    expect(await hitIds({ engine, q: 'lipohypertrophy' })).toEqual([])
    expect(await hitIds({ engine, q: 'titration', viewer: 'public' })).toEqual([])
    expect(await hitIds({ engine, q: 'titration', viewer: 'professional' })).toEqual([`pages:${ids.proPage}`])

    const page = await loadSearchDocument({
      collection: 'pages',
      id: ids.publicPage,
      payload,
    })
    expect(page).toMatchObject({
      audience: 'public',
      careArea: 'Diagnosis',
      type: 'guidance',
      url: '/care-areas/diagnosis/islets',
    })
    const document = await loadSearchDocument({
      collection: 'documents',
      id: ids.document,
      payload,
    })
    expect(document?.url).toMatch(/monogenic.*\.pdf$/)
  })

  it('builds every document in the full load (read straight from the database) exactly as a load of that one document through Payload does', async () => {
    const created: ['commissioning-tips' | 'pages' | 'parliamentary-questions' | 'updates', number | string][] = []
    const make = async (collection: (typeof created)[number][0], data: Record<string, unknown>) => {
      const { id } = collection === 'pages' ? { id: await createPage({ data }) } : await payload.create({ collection, data: data as never })
      created.push([collection, id])
      return id
    }
    try {
      const child = await make('pages', {
        _status: 'published',
        parent: ids.publicPage,
        slug: 'outcomes',
        summary: 'Outcomes after transplant',
        title: 'Transplant outcomes',
      })
      // Published, then a newer draft: the index must keep the published wording.
      const edited = await make('pages', { _status: 'published', slug: 'pumps', summary: 'Insulin pump starts', title: 'Pump starts' })
      await payload.update({ collection: 'pages', data: { title: 'Pump starts (draft wording)' }, draft: true, id: edited })
      const tip = await make('commissioning-tips', {
        _status: 'published',
        body: 'Commission structured education for everyone newly diagnosed.',
        rank: 77,
        slug: 'education',
        title: 'Fund education',
      })
      const consultation = await make('updates', {
        _status: 'published',
        consultation: { feedbackDeadline: '2026-04-01' },
        date: '2026-03-01',
        isConsultation: true,
        slug: 'foot-pathway',
        summary: 'Have your say',
        title: 'Foot pathway consultation',
      })
      const question = await make('parliamentary-questions', {
        _status: 'published',
        answer: 'The department funds £40m of pilots.',
        answeringBody: 'Department of Health and Social Care',
        dateAnswered: '2026-01-20',
        dateAsked: '2026-01-10',
        heading: 'Diabetes prevention',
        question: 'What is being spent on prevention?',
        slug: 'prevention',
      })
      const loaded = await loadAllSearchDocuments({ payload })
      for (const id of [
        `pages:${child}`,
        `pages:${edited}`,
        `commissioning-tips:${tip}`,
        `updates:${consultation}`,
        `parliamentary-questions:${question}`,
      ]) {
        expect(loaded.map((doc) => doc.id)).toContain(id)
      }
      expect(loaded.find((doc) => doc.id === `pages:${edited}`)?.title).toBe('Pump starts')
      expect(loaded.find((doc) => doc.id === `pages:${child}`)?.url).toBe('/care-areas/diagnosis/islets/outcomes')
      expect(loaded.find((doc) => doc.id === `updates:${consultation}`)?.type).toBe('consultation')
      for (const doc of loaded) {
        const [collection, id] = doc.id.split(':') as [string, string]
        expect(await loadSearchDocument({ collection, id, payload }), doc.id).toEqual(doc)
      }
    } finally {
      for (const [collection, id] of created.reverse()) await payload.delete({ collection, id })
    }
  })

  it('follows publishing, unpublishing, deletion and audience changes after one poll', async () => {
    const engine = createEmbeddedEngine()
    const since = new Date()
    await rebuildSearchIndex({ engine, payload })
    const follower = followSearchChanges({
      engine,
      intervalMs: HOUR,
      payload,
      since,
    })
    try {
      await payload.update({
        collection: 'pages',
        data: { _status: 'published' },
        id: ids.draftPage,
      })
      expect(await hitIds({ engine, q: 'lipohypertrophy' })).toEqual([])
      expect(await follower.pollNow()).toBeGreaterThan(0)
      expect(await hitIds({ engine, q: 'lipohypertrophy', viewer: 'public' })).toEqual([`pages:${ids.draftPage}`])

      // A draft saved over a published page leaves the published text searchable.
      await payload.update({
        collection: 'pages',
        data: { title: 'Zygomorphic draft title' },
        draft: true,
        id: ids.draftPage,
      })
      await follower.pollNow()
      expect(await hitIds({ engine, q: 'lipohypertrophy' })).toEqual([`pages:${ids.draftPage}`])
      expect(await hitIds({ engine, q: 'zygomorphic' })).toEqual([])

      await payload.update({
        collection: 'pages',
        data: { _status: 'draft' },
        id: ids.draftPage,
      })
      await follower.pollNow()
      expect(await hitIds({ engine, q: 'lipohypertrophy' })).toEqual([])

      await payload.delete({ collection: 'updates', id: ids.update })
      await follower.pollNow()
      expect(await hitIds({ engine, q: 'formulary' })).toEqual([])

      await payload.update({
        collection: 'pages',
        data: { audience: 'professional' },
        id: ids.publicPage,
      })
      await follower.pollNow()
      expect(await hitIds({ engine, q: 'islet', viewer: 'public' })).toEqual([])
      expect(await hitIds({ engine, q: 'islet', viewer: 'professional' })).toEqual([`pages:${ids.publicPage}`])

      // Unpublishing the care area takes its pages off the site, so out of the index too.
      await payload.update({
        collection: 'care-areas',
        data: { _status: 'draft' },
        id: ids.area,
      })
      await follower.pollNow()
      expect(await hitIds({ engine, q: 'islet' })).toEqual([])
      expect(await hitIds({ engine, q: 'titration' })).toEqual([])
      await payload.update({
        collection: 'care-areas',
        data: { _status: 'published' },
        id: ids.area,
      })
      await follower.pollNow()
      expect(await hitIds({ engine, q: 'titration' })).toEqual([`pages:${ids.proPage}`])

      // Nothing new: a second poll re-reads nothing and changes nothing.
      const before = await engine.count()
      expect(await follower.pollNow()).toBe(0)
      expect(await engine.count()).toBe(before)
    } finally {
      follower.stop()
    }
  })

  it('keeps two instances equal to each other and to a fresh rebuild through a series of changes', async () => {
    const instances = [createEmbeddedEngine(), createEmbeddedEngine()]
    const since = new Date()
    for (const engine of instances) await rebuildSearchIndex({ engine, payload })
    const followers = instances.map((engine) => followSearchChanges({ engine, intervalMs: HOUR, payload, since }))
    try {
      const parent = await createPage({
        data: {
          _status: 'published',
          slug: 'footcare',
          summary: 'Neuropathic foot review',
          title: 'Neuropathic feet',
        },
      })
      // Only the first instance polls between changes: the second catches up in one go at the end.
      await followers[0]!.pollNow()
      const child = await createPage({
        data: {
          _status: 'published',
          parent,
          slug: 'offloading',
          summary: 'Offloading casts for ulcers',
          title: 'Offloading',
        },
      })
      await payload.update({
        collection: 'documents',
        data: { audience: 'professional', title: 'Monogenic diabetes guide' },
        id: ids.document,
      })
      await followers[0]!.pollNow()
      await payload.update({
        collection: 'pages',
        data: { _status: 'draft' },
        id: parent,
      })
      await payload.create({
        collection: 'commissioning-tips',
        data: {
          _status: 'published',
          body: 'Pool budgets across the system.',
          rank: 1,
          slug: 'pooled-budgets',
          title: 'Pooled budgets',
        },
      })
      await payload.create({
        collection: 'parliamentary-questions',
        data: {
          _status: 'published',
          answer: 'Funding for retinopathy screening continues.',
          answeringBody: 'DHSC',
          dateAsked: '2026-01-05',
          heading: 'Screening funds',
          question: 'Will screening be funded?',
          slug: 'screening-funds',
        },
      })
      for (const follower of followers) await follower.pollNow()

      const fresh = createEmbeddedEngine()
      await rebuildSearchIndex({ engine: fresh, payload })
      const queries = [
        'offloading',
        'neuropathic',
        'glucokinase',
        'monogenic',
        'pooled budgets',
        'retinopathy screening',
        'diagnosis',
        'titration',
        'islet',
      ]
      for (const viewer of ['public', 'professional'] as const) {
        for (const q of queries) {
          const expected = await hitIds({ engine: fresh, q, viewer })
          for (const engine of instances) expect(await hitIds({ engine, q, viewer }), `${viewer}: ${q}`).toEqual(expected)
        }
      }
      for (const engine of instances) expect(await engine.count()).toBe(await fresh.count())
      // The child's parent was unpublished, so it is gone; the document moved to professionals only.
      expect(await hitIds({ engine: instances[1]!, q: 'offloading' })).toEqual([])
      expect(await loadSearchDocument({ collection: 'pages', id: child, payload })).toBeNull()
      expect(
        await hitIds({
          engine: instances[1]!,
          q: 'glucokinase',
          viewer: 'public',
        }),
      ).toEqual([])
      expect(
        await hitIds({
          engine: instances[1]!,
          q: 'glucokinase',
          viewer: 'professional',
        }),
      ).toEqual([`documents:${ids.document}`])
      // The new tip, and the ten top tips page that now lists it.
      const pooled = await hitIds({ engine: instances[1]!, q: 'pooled budgets', viewer: 'public' })
      expect(pooled).toHaveLength(2)
      expect(pooled.filter((id) => id.startsWith('commissioning-tips:'))).toHaveLength(1)
      expect(pooled).toContain('site-pages:ten-top-tips')
    } finally {
      for (const follower of followers) follower.stop()
    }
  })

  it('records a change in the same transaction: a rolled-back write leaves no record', async () => {
    const changes = async () =>
      (
        await payload.count({
          collection: 'search-changes',
          overrideAccess: true,
        })
      ).totalDocs
    const before = await changes()
    const started = new Date().toISOString()
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    const update = await payload.create({
      collection: 'updates',
      data: {
        _status: 'published',
        date: '2026-03-01',
        slug: 'rolled-back',
        title: 'Rolled back',
      },
      req,
    })
    await killTransaction(req)
    expect(
      await payload.find({
        collection: 'updates',
        overrideAccess: true,
        where: { id: { equals: update.id } },
      }),
    ).toMatchObject({ totalDocs: 0 })
    expect(await changes()).toBe(before)
    // By time, not id: SQLite reuses a rolled-back row's id, which earlier (real) records may name.
    const sinceStart = await payload.find({
      collection: 'search-changes',
      overrideAccess: true,
      where: { createdAt: { greater_than_equal: started } },
    })
    expect(sinceStart.totalDocs).toBe(0)

    // The same write committed is recorded once, naming its document.
    const committed = await payload.create({
      collection: 'updates',
      data: {
        _status: 'published',
        date: '2026-03-01',
        slug: 'kept',
        title: 'Kept',
      },
    })
    const records = await payload.find({
      collection: 'search-changes',
      overrideAccess: true,
      where: { createdAt: { greater_than_equal: started } },
    })
    expect(
      records.docs.map((record) => ({
        collection: record.collection,
        docId: record.docId,
      })),
    ).toEqual([{ collection: 'updates', docId: String(committed.id) }])
    expect(await changes()).toBe(before + 1)
  })

  it('refuses the change log to everyone but admins', async () => {
    const editor = await createUser({ payload, roles: ['editor'] })
    const user = await payload.findByID({ collection: 'users', id: editor.id })
    await expect(
      payload.find({
        collection: 'search-changes',
        overrideAccess: false,
        user,
      }),
    ).rejects.toThrow()
    await expect(
      payload.create({
        collection: 'search-changes',
        data: { collection: 'pages', docId: '1' },
        overrideAccess: false,
        user,
      }),
    ).rejects.toThrow()
  })
})
