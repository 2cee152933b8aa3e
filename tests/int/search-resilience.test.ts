/**
 * Search when things go wrong or drift: the engine going down (the database answers, the backlog is applied
 * when it returns), an index that has drifted from the database (reconciled), synonyms edited in the admin
 * (every index follows), and PDF text kept on the document at upload.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Audience, SearchEngine } from '../../src/lib/search/types'
import type { TestHub } from '../helpers/hub'

import { CLIENT_IP_HEADER } from '../../src/lib/http/client-ip'
import { createEmbeddedEngine } from '../../src/lib/search/embedded'
import { searchDatabase } from '../../src/lib/search/fallback'
import { runSearch } from '../../src/lib/search/run'
import { searchRuntime } from '../../src/lib/search/runtime'
import { loadAllSearchDocuments } from '../../src/lib/search/source'
import { driftOf, followSearchChanges, rebuildSearchIndex } from '../../src/lib/search/sync'
import { DEFAULT_SYNONYMS } from '../../src/lib/search/synonyms'
import { apiClient } from '../helpers/api'
import { createUser, startTestHub, testDatabase } from '../helpers/hub'
import { makeTextPdf } from '../helpers/pdf'

let hub: TestHub
let payload: Payload
let api: ReturnType<typeof apiClient>
const ids: Record<string, number | string> = {}
const tokens: Record<string, string | undefined> = {}
// The tests poll explicitly, so timers never race them.
const HOUR = 60 * 60 * 1000

/** An engine that fails every call while `down`, as a search server does when it is unreachable. */
const withOutage = (engine: SearchEngine) => {
  let down = false
  const guarded = Object.fromEntries(
    Object.entries(engine).map(([name, method]) => [
      name,
      async (...args: unknown[]) => {
        if (down) throw new Error('connect ECONNREFUSED 127.0.0.1:7700')
        return (method as (...a: unknown[]) => Promise<unknown>)(...args)
      },
    ]),
  ) as SearchEngine
  return { engine: guarded, setDown: (value: boolean) => void (down = value) }
}

const hitIds = async ({ engine, q, viewer = 'professional' }: { engine: SearchEngine; q: string; viewer?: Audience }) =>
  (await engine.search({ q, viewer })).hits.map((hit) => hit.id)

const createPage = async ({ data }: { data: Record<string, unknown> }) =>
  (await payload.create({ collection: 'pages', data: { _status: 'published', careArea: ids.area, review: ids.review, ...data } as never }))
    .id

beforeAll(async () => {
  hub = await startTestHub()
  payload = hub.payload
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  const admin = await createUser({ payload, roles: ['admin'] })
  for (const role of ['editor', 'professional', 'responder'] as const)
    tokens[role] = (await api.login(await createUser({ payload, roles: [role] }))).token
  ids.review = { contentOwner: admin.id, lastReviewed: '2026-01-01', nextReviewDue: '2027-01-01' } as never
  ids.area = (
    await payload.create({
      collection: 'care-areas',
      data: { _status: 'published', slug: 'complications', step: 5, summary: 'Living with complications', title: 'Complications' },
    })
  ).id
  ids.publicPage = await createPage({
    data: { slug: 'gastroparesis', summary: 'Gastroparesis: when the stomach empties slowly', title: 'Gastroparesis' },
  })
  ids.proPage = await createPage({
    data: {
      audience: 'professional',
      slug: 'gastric-pacing',
      summary: 'Gastric pacing referral criteria for gastroparesis',
      title: 'Gastric pacing',
    },
  })
}, 120_000)

afterAll(async () => {
  searchRuntime().ready = false
  await hub?.cleanup()
})

describe(`search resilience (${testDatabase()})`, () => {
  it('answers from the database while the engine is down, keeping professional items from the public, and applies the backlog when it returns', async () => {
    const { engine, setDown } = withOutage(createEmbeddedEngine())
    const since = new Date()
    await rebuildSearchIndex({ engine, payload })
    const follower = followSearchChanges({ engine, intervalMs: HOUR, payload, since })
    const runtime = searchRuntime()
    const previous = runtime.engine
    runtime.engine = engine
    runtime.ready = true
    try {
      setDown(true)
      const added = await createPage({
        data: { slug: 'autonomic-neuropathy', summary: 'Autonomic neuropathy affects the gut and heart', title: 'Autonomic neuropathy' },
      })
      await payload.update({ collection: 'pages', data: { title: 'Gastroparesis and diet' }, id: ids.publicPage })
      await expect(follower.pollNow()).rejects.toThrow(/ECONNREFUSED/)

      // The site still answers, from the database, with the new page and without the professional one.
      const publicView = await runSearch({ payload, query: { q: 'gastroparesis', viewer: 'public' } })
      expect(publicView.mode).toBe('database')
      expect(publicView.result.hits.map((hit) => hit.id)).toEqual([`pages:${ids.publicPage}`])
      expect(publicView.result.total).toBe(1)
      expect(publicView.result.facets.type).toEqual({ guidance: 1 })
      expect(publicView.result.hits[0]!.snippet).toContain('<mark>')
      const professionalView = await runSearch({ payload, query: { q: 'gastroparesis', viewer: 'professional' } })
      expect(professionalView.result.total).toBe(2)
      // Title matches first, as with the engine.
      expect(professionalView.result.hits[0]!.id).toBe(`pages:${ids.publicPage}`)
      expect(
        (await runSearch({ payload, query: { q: 'autonomic neuropathy', viewer: 'public' } })).result.hits.map((hit) => hit.id),
      ).toEqual([`pages:${added}`])
      // Through the API too: 200 with the mode, not an error.
      const viaApi = await api.rest({ headers: { [CLIENT_IP_HEADER]: '192.0.2.7' }, path: 'search?q=gastroparesis' })
      expect(viaApi.status).toBe(200)
      expect(viaApi.json).toMatchObject({ mode: 'database', total: 1 })

      // Back up: one poll applies everything that happened meanwhile.
      setDown(false)
      expect(await follower.pollNow()).toBeGreaterThanOrEqual(2)
      expect(await hitIds({ engine, q: 'autonomic', viewer: 'public' })).toEqual([`pages:${added}`])
      expect((await engine.search({ q: 'gastroparesis diet', viewer: 'public' })).hits[0]!.title).toBe('Gastroparesis and diet')
      expect((await runSearch({ payload, query: { q: 'gastroparesis', viewer: 'public' } })).mode).toBe('engine')
    } finally {
      follower.stop()
      runtime.engine = previous
      runtime.ready = false
    }
  })

  it('answers from the database while the index is still being built', async () => {
    searchRuntime().ready = false
    const { json, status } = await api.rest({
      headers: { [CLIENT_IP_HEADER]: '192.0.2.8' },
      path: 'search?q=gastric+pacing',
      token: tokens.professional,
    })
    expect(status).toBe(200)
    expect(json.mode).toBe('database')
    expect(json.hits.map((hit: { id: string }) => hit.id)).toEqual([`pages:${ids.proPage}`])
    expect((await searchDatabase({ payload, query: { q: 'gastric pacing', viewer: 'public' } })).total).toBe(0)
  })

  it('reconciles a drifted index with the database: missing, stale and extra documents repaired', async () => {
    const engine = createEmbeddedEngine()
    const follower = followSearchChanges({ engine, intervalMs: HOUR, payload })
    try {
      await rebuildSearchIndex({ engine, payload })
      const clean = await follower.reconcileNow()
      expect(driftOf(clean)).toBe(0)
      expect(clean.indexed).toBe(clean.expected)

      const [first, second] = await loadAllSearchDocuments({ payload })
      await engine.remove([first!.id])
      await engine.upsert([{ ...second!, title: 'An outdated title' }])
      await engine.upsert([{ id: 'pages:999999', type: 'guidance', title: 'Deleted long ago', url: '/gone', audience: 'public' }])
      const report = await follower.reconcileNow()
      expect(report).toMatchObject({ missing: 1, stale: 1, extra: 1, expected: clean.expected, indexed: clean.expected })

      const fresh = createEmbeddedEngine()
      await rebuildSearchIndex({ engine: fresh, payload })
      expect(await engine.digests()).toEqual(await fresh.digests())
      expect(await hitIds({ engine, q: 'outdated' })).toEqual([])
      expect(driftOf(await follower.reconcileNow())).toBe(0)
    } finally {
      follower.stop()
    }
  })

  it('lets content staff edit synonyms in the admin, validates them, and every index applies them on its next poll', async () => {
    const instances = [createEmbeddedEngine(), createEmbeddedEngine()]
    const since = new Date()
    for (const engine of instances) await rebuildSearchIndex({ engine, payload })
    const followers = instances.map((engine) => followSearchChanges({ engine, intervalMs: HOUR, payload, since }))
    try {
      // The defaults are in force until the settings are first saved.
      const before = await api.rest({ path: 'globals/search-settings', token: tokens.editor })
      expect(before.status).toBe(200)
      expect(await hitIds({ engine: instances[0]!, q: 'delayed gastric emptying' })).toEqual([])

      const rejected = await api.rest({
        body: { synonyms: [{ terms: 'gastroparesis' }] },
        method: 'POST',
        path: 'globals/search-settings',
        token: tokens.editor,
      })
      expect(rejected.status).toBe(400)
      expect(JSON.stringify(rejected.json.errors)).toContain('synonyms')

      const rows = [
        ...DEFAULT_SYNONYMS.map((group) => ({ terms: group.join(', ') })),
        { terms: 'Gastroparesis,  delayed gastric emptying ' },
      ]
      const saved = await api.rest({ body: { synonyms: rows }, method: 'POST', path: 'globals/search-settings', token: tokens.editor })
      expect(saved.status).toBe(200)
      for (const follower of followers) await follower.pollNow()
      for (const engine of instances)
        expect(await hitIds({ engine, q: 'delayed gastric emptying', viewer: 'public' })).toEqual([`pages:${ids.publicPage}`])

      // A rebuild (a new process) starts from the saved list too.
      const fresh = createEmbeddedEngine()
      await rebuildSearchIndex({ engine: fresh, payload })
      expect(await hitIds({ engine: fresh, q: 'delayed gastric emptying', viewer: 'public' })).toEqual([`pages:${ids.publicPage}`])

      // Who may read or change them: content staff only.
      for (const role of ['professional', 'responder'] as const) {
        expect((await api.rest({ path: 'globals/search-settings', token: tokens[role] })).status, role).toBe(403)
        expect(
          (await api.rest({ body: { synonyms: [] }, method: 'POST', path: 'globals/search-settings', token: tokens[role] })).status,
          role,
        ).toBe(403)
      }
      expect((await api.rest({ path: 'globals/search-settings' })).status).toBe(403)
    } finally {
      for (const follower of followers) follower.stop()
    }
  })

  it('keeps the text of an uploaded PDF on the document for search, shown to staff only', async () => {
    const pdf = makeTextPdf({ pages: ['Sulfonylurea dose adjustment during Ramadan fasting.'] })
    const doc = await payload.create({
      collection: 'documents',
      data: {
        _status: 'published',
        audience: 'public',
        publicationDate: '2026-03-01',
        title: 'Fasting and diabetes',
        extractedText: 'forged by a client',
      } as never,
      file: { data: pdf, mimetype: 'application/pdf', name: 'fasting.pdf', size: pdf.length },
    })
    expect(doc.extractedText).toContain('Sulfonylurea dose adjustment')
    // Editing other fields keeps it; a client cannot overwrite it.
    const edited = await payload.update({
      collection: 'documents',
      data: { extractedText: 'replaced', title: 'Fasting and diabetes medicines' } as never,
      id: doc.id,
    })
    expect(edited.extractedText).toContain('Sulfonylurea')

    const anonymous = await api.rest({ path: `documents/${doc.id}` })
    expect(anonymous.status).toBe(200)
    expect(anonymous.json.extractedText).toBeUndefined()
    expect((await api.rest({ path: `documents/${doc.id}`, token: tokens.editor })).json.extractedText).toContain('Sulfonylurea')

    const engine = createEmbeddedEngine()
    await rebuildSearchIndex({ engine, payload })
    expect(await hitIds({ engine, q: 'ramadan', viewer: 'public' })).toEqual([`documents:${doc.id}`])
    expect((await searchDatabase({ payload, query: { q: 'ramadan', viewer: 'public' } })).hits.map((hit) => hit.id)).toEqual([
      `documents:${doc.id}`,
    ])
  })
})
