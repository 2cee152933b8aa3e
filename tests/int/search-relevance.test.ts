import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SearchEngine, SearchHit, SearchDocumentType } from '../../src/lib/search/types'
import type { TestHub } from '../helpers/hub'

import { seed } from '../../seed'
import { createEmbeddedEngine } from '../../src/lib/search/embedded'
import { searchDatabase } from '../../src/lib/search/fallback'
import { paragraph, richText } from '../../src/lib/richtext/build'
import { SEARCH_TYPES } from '../../src/lib/search/query'
import { rebuildSearchIndex } from '../../src/lib/search/sync'
import { startTestHub } from '../helpers/hub'
import { makeTextPdf } from '../helpers/pdf'

type FixtureQuery = { database?: boolean; expect: string; kind: string; q: string; type: SearchDocumentType; within: number }
type QuerySet = {
  absentForPublic: string[]
  queries: FixtureQuery[]
}

const querySet = JSON.parse(fs.readFileSync(new URL('../fixtures/search-queries.json', import.meta.url), 'utf8')) as QuerySet

let hub: TestHub
let engine: SearchEngine

beforeAll(async () => {
  hub = await startTestHub({ env: { ADMIN_EMAIL: 'relevance.owner@example.org', ADMIN_PASSWORD: 'checking search relevance' } })
  await seed({ log: () => undefined, payload: hub.payload })
  const pdf = makeTextPdf({ pages: ['Glucokinase variants and monogenic diabetes referral'] })
  await hub.payload.create({
    collection: 'documents',
    data: { _status: 'published', audience: 'public', publicationDate: '2026-11-01', title: 'Monogenic diabetes referral notes' },
    file: { data: pdf, mimetype: 'application/pdf', name: 'monogenic.pdf', size: pdf.length },
  })
  // An amount abbreviated in the text, for the query that writes it out.
  await hub.payload.create({
    collection: 'updates',
    data: {
      _status: 'published',
      date: '2026-11-02',
      slug: 'structured-education-fund',
      summary: 'A £12m fund for structured education places.',
      title: 'Structured education fund',
    },
  })
  // A published answer of the desk: the seed has none.
  const { docs: areas } = await hub.payload.find({ collection: 'care-areas', limit: 1 })
  const { docs: owners } = await hub.payload.find({ collection: 'users', limit: 1 })
  await hub.payload.create({
    collection: 'questions-and-answers',
    data: {
      _status: 'published',
      answer: richText({ children: [paragraph({ text: 'Yes: pharmacists use the same referral form as practices.' })] }),
      careArea: areas[0]!.id,
      question: 'Can a community pharmacist refer someone for retinal screening?',
      review: { contentOwner: owners[0]!.id, lastReviewed: '2026-11-01', nextReviewDue: '2027-11-01' },
    } as never,
  })
  engine = createEmbeddedEngine()
  await rebuildSearchIndex({ engine, payload: hub.payload })
})

afterAll(async () => {
  await hub?.cleanup()
})

const expectFound = ({ hits, query }: { hits: SearchHit[]; query: FixtureQuery }) => {
  const position = hits.findIndex((hit) => hit.url.includes(query.expect) || hit.id.startsWith(query.expect))
  const results = `results: ${hits.map((hit) => `${hit.id} ${hit.url}`).join(', ')}`
  expect(position, results).toBeGreaterThanOrEqual(0)
  expect(position, results).toBeLessThan(query.within)
  expect(hits[position].type).toBe(query.type)
}

describe('search relevance on the seeded content (committed query set)', () => {
  it('has a query for every type of search result', () => {
    expect([...new Set(querySet.queries.map((query) => query.type))].sort()).toEqual([...SEARCH_TYPES].sort())
  })

  it.each(querySet.queries.map((query) => [query.kind, query.q, query] as const))('%s: "%s"', async (_kind, _q, query) => {
    const { hits } = await engine.search({ pageSize: 10, q: query.q, viewer: 'public' })
    expectFound({ hits, query })
  })

  it.each(querySet.queries.filter((query) => query.database).map((query) => [query.kind, query.q, query] as const))(
    'database search, %s: "%s"',
    async (_kind, _q, query) => {
      const { hits } = await searchDatabase({ payload: hub.payload, query: { pageSize: 10, q: query.q, viewer: 'public' } })
      expectFound({ hits, query })
    },
  )

  it('never returns professional-only guidance to the public, whatever the query', async () => {
    for (const q of ['service specification', 'benchmark', 'specification benchmarking']) {
      const result = await engine.search({ pageSize: 50, q, viewer: 'public' })
      for (const hidden of querySet.absentForPublic) expect(result.hits.some((hit) => hit.url.includes(hidden))).toBe(false)
      const professional = await engine.search({ pageSize: 50, q, viewer: 'professional' })
      expect(professional.total).toBeGreaterThanOrEqual(result.total)
    }
    const professional = await engine.search({ pageSize: 50, q: 'service specification benchmarking', viewer: 'professional' })
    expect(professional.hits.some((hit) => hit.url.includes(querySet.absentForPublic[0]))).toBe(true)
  })
})
