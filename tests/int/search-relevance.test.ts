import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SearchEngine } from '../../src/lib/search/types'
import type { TestHub } from '../helpers/hub'

import { seed } from '../../seed'
import { createEmbeddedEngine } from '../../src/lib/search/embedded'
import { rebuildSearchIndex } from '../../src/lib/search/sync'
import { startTestHub } from '../helpers/hub'
import { makeTextPdf } from '../helpers/pdf'

type QuerySet = {
  absentForPublic: string[]
  queries: { expect: string; kind: string; q: string; within: number }[]
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
  engine = createEmbeddedEngine()
  await rebuildSearchIndex({ engine, payload: hub.payload })
})

afterAll(async () => {
  await hub?.cleanup()
})

describe('search relevance on the seeded content (committed query set)', () => {
  it.each(querySet.queries.map((query) => [query.kind, query.q, query] as const))('%s: "%s"', async (_kind, _q, query) => {
    const { hits } = await engine.search({ pageSize: 10, q: query.q, viewer: 'public' })
    const position = hits.findIndex((hit) => hit.url.includes(query.expect) || hit.id.startsWith(query.expect))
    expect(position, `results: ${hits.map((hit) => hit.url).join(', ')}`).toBeGreaterThanOrEqual(0)
    expect(position).toBeLessThan(query.within)
  })

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
