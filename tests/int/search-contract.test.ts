/**
 * The SearchEngine contract, run against every engine: the embedded one always, Meilisearch only when a server is
 * configured (MEILISEARCH_HOST), in a throwaway index deleted afterwards.
 */
import { Meilisearch } from 'meilisearch'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'

import type { SearchDocument, SearchEngine, SearchQuery } from '../../src/lib/search/types'

import { digestOf } from '../../src/lib/search/digest'
import { createEmbeddedEngine } from '../../src/lib/search/embedded'
import { createMeilisearchEngine, toMeilisearchId } from '../../src/lib/search/meilisearch'
import { searchDoc as doc, expectSnippetEscapesHtml } from '../helpers/search'

// Words are chosen so prefix and typo matching agree across engines: 'screening' is in four public documents
// and one professional one; 'ulcer' starts a word in one public and one professional document.
const CORPUS: SearchDocument[] = [
  doc({
    id: 'pages:1',
    type: 'guidance',
    careArea: 'eye-screening',
    title: 'Diabetic eye screening',
    summary: 'Annual photographs of the back of the eye.',
    body: 'Screening finds changes early, before sight is affected.',
  }),
  doc({
    id: 'pages:2',
    type: 'guidance',
    careArea: 'eye-screening',
    title: 'Retinopathy grading explained',
    summary: 'How graders read screening photographs.',
    body: 'Background retinopathy needs no referral.',
  }),
  doc({
    id: 'pages:3',
    type: 'document',
    careArea: 'eye-screening',
    title: 'Screening programme annual report',
    summary: 'Uptake figures for the year.',
    body: 'Uptake rose in every practice.',
  }),
  doc({
    id: 'pages:4',
    type: 'tip',
    careArea: 'foot-care',
    title: 'Checking your feet',
    summary: 'A daily habit that prevents ulcers.',
    body: 'Look for cuts, blisters and colour changes.',
  }),
  doc({
    id: 'pages:5',
    type: 'guidance',
    careArea: 'foot-care',
    audience: 'professional',
    title: 'Ulcer referral pathway',
    summary: 'Thresholds for the foot protection team.',
    body: 'Clinicians refer active ulceration within one working day and arrange screening of the other foot.',
  }),
  // Mentions the pump only in its body, and comes before the document titled with it.
  doc({
    id: 'pages:7',
    type: 'question',
    title: 'Parliamentary question on access',
    summary: 'Answer from the minister.',
    body: 'Access to an insulin pump varies across the country.',
  }),
  doc({
    id: 'pages:6',
    type: 'update',
    careArea: 'blood-glucose',
    title: 'Insulin pump',
    summary: 'Training sessions for new users.',
    body: 'Bring your pump and spare infusion sets.',
  }),
  doc({
    id: 'pages:8',
    type: 'tip',
    careArea: 'blood-glucose',
    title: 'Eating well',
    summary: 'Balanced meals and snacks.',
    body: 'Carbohydrate awareness keeps glucose steady.',
  }),
  doc({
    id: 'posts:3',
    type: 'consultation',
    careArea: 'foot-care',
    title: 'Foot protection service consultation',
    summary: 'Tell us about podiatry.',
    body: 'We want views on waiting times and on screening.',
  }),
  doc({
    id: 'pages:10',
    type: 'care-area',
    careArea: 'foot-care',
    title: 'Foot care',
    summary: 'Looking after your feet.',
    body: 'Footwear, nail care and when to see a podiatrist.',
  }),
]

const contract = (name: string, makeEngine: () => Promise<SearchEngine> | SearchEngine) =>
  describe(`search contract: ${name}`, () => {
    let engine: SearchEngine
    beforeEach(async () => {
      engine = await makeEngine()
      await engine.clear()
      await engine.upsert(CORPUS)
    })

    const find = (query: Partial<SearchQuery> & { q: string }) => engine.search({ viewer: 'public', pageSize: 50, ...query })
    const ids = async (query: Partial<SearchQuery> & { q: string }) => (await find(query)).hits.map((hit) => hit.id)

    it('ranks the document whose title is the query above one mentioning it in the body', async () => {
      const found = await ids({ q: 'insulin pump' })
      expect(found[0]).toBe('pages:6')
      expect(found).toContain('pages:7')
    })

    it('finds a word with one typo, and returns the stored fields with the original id', async () => {
      expect((await ids({ q: 'retinopthy' }))[0]).toBe('pages:2')
      const [hit] = (await find({ q: 'podiatry' })).hits
      expect(hit).toMatchObject({
        id: 'posts:3',
        type: 'consultation',
        url: '/posts/3',
        careArea: 'foot-care',
        title: 'Foot protection service consultation',
      })
      expect((await find({ q: 'parliamentary' })).hits[0]).toMatchObject({ id: 'pages:7', careArea: null })
    })

    it('keeps a professional document out of public hits, totals and facets, and shows it to professionals', async () => {
      const forPublic = await find({ q: 'ulcer' })
      const forProfessional = await find({ q: 'ulcer', viewer: 'professional' })
      expect(forPublic.hits.map((hit) => hit.id)).toEqual(['pages:4'])
      expect(forProfessional.hits.map((hit) => hit.id).sort()).toEqual(['pages:4', 'pages:5'])
      expect(forProfessional.total - forPublic.total).toBe(1)
      expect(forPublic.facets).toEqual({ type: { tip: 1 }, careArea: { 'foot-care': 1 } })
      expect(forProfessional.facets).toEqual({ type: { guidance: 1, tip: 1 }, careArea: { 'foot-care': 2 } })
      // A word only the professional document uses finds nothing at all for the public.
      expect((await find({ q: 'clinicians' })).total).toBe(0)
      expect((await find({ q: 'clinicians', viewer: 'professional' })).total).toBe(1)
    })

    it('counts facets over every visible match', async () => {
      const result = await find({ q: 'screening' })
      expect(result.total).toBe(4)
      expect(result.facets.type).toEqual({ consultation: 1, document: 1, guidance: 2 })
      expect(result.facets.careArea).toEqual({ 'eye-screening': 3, 'foot-care': 1 })
      // The professional document adds one guidance and one foot-care match.
      const professional = await find({ q: 'screening', viewer: 'professional' })
      expect(professional.facets.type.guidance).toBe(3)
      expect(professional.facets.careArea['foot-care']).toBe(2)
    })

    it('filters by type and care area, counting each facet under the other filter', async () => {
      const guidance = await find({ q: 'screening', type: 'guidance' })
      expect(guidance.hits.map((hit) => hit.id).sort()).toEqual(['pages:1', 'pages:2'])
      expect(guidance.total).toBe(2)
      // The type facet still offers the other types while guidance is selected.
      expect(guidance.facets.type).toEqual({ consultation: 1, document: 1, guidance: 2 })
      expect(guidance.facets.careArea).toEqual({ 'eye-screening': 2 })

      const footCare = await find({ q: 'screening', careArea: 'foot-care' })
      expect(footCare.hits.map((hit) => hit.id)).toEqual(['posts:3'])
      expect(footCare.facets.type).toEqual({ consultation: 1 })
      expect(footCare.facets.careArea).toEqual({ 'eye-screening': 3, 'foot-care': 1 })

      expect((await find({ q: 'screening', type: 'tip' })).total).toBe(0)
    })

    it('pages through the matches without overlap, keeping total and facets', async () => {
      const everything = await find({ q: 'screening' })
      const pages = await Promise.all([1, 2, 3].map((page) => find({ q: 'screening', page, pageSize: 3 })))
      expect(pages.map((p) => p.hits.length)).toEqual([3, 1, 0])
      expect(pages.flatMap((p) => p.hits.map((hit) => hit.id))).toEqual(everything.hits.map((hit) => hit.id))
      for (const p of pages) {
        expect(p.total).toBe(4)
        expect(p.facets).toEqual(everything.facets)
      }
    })

    it('replaces a document on upsert instead of duplicating it', async () => {
      const changed = { ...CORPUS[6], title: 'Insulin pump clinic', summary: 'Drop-in maculopathy advice.' }
      // Two versions in one batch: the last wins.
      await engine.upsert([{ ...changed, title: 'Stale version' }, changed])
      expect(await engine.count()).toBe(CORPUS.length)
      const result = await find({ q: 'maculopathy' })
      expect(result.hits.map((hit) => hit.id)).toEqual(['pages:6'])
      expect(result.hits[0].title).toBe('Insulin pump clinic')
      // The old summary is gone from the index, not just hidden.
      expect((await find({ q: 'training' })).total).toBe(0)
      expect((await find({ q: 'stale' })).total).toBe(0)
    })

    it('removes documents, ignoring unknown ids', async () => {
      await engine.remove(['pages:7', 'pages:unknown'])
      expect(await engine.count()).toBe(CORPUS.length - 1)
      expect((await find({ q: 'parliamentary' })).total).toBe(0)
      expect(await ids({ q: 'insulin pump' })).toEqual(['pages:6'])
    })

    it('counts documents of every audience, and clears them all', async () => {
      expect(await engine.count()).toBe(10)
      await engine.upsert([doc({ id: 'pages:99', type: 'tip', audience: 'professional', title: 'Extra' })])
      expect(await engine.count()).toBe(11)
      await engine.clear()
      expect(await engine.count()).toBe(0)
      expect((await find({ q: 'screening' })).total).toBe(0)
    })

    it('marks the match and escapes HTML in the snippet', () => expectSnippetEscapesHtml({ engine }))

    it('finds an amount however it is written, in the text and in the query', async () => {
      await engine.upsert([
        doc({
          id: 'pages:40',
          type: 'question',
          title: 'Diabetes prevention funding',
          body: 'Areas may bid for approximately £40 million per year.',
        }),
        doc({ id: 'pages:41', type: 'update', title: 'Transformation fund', summary: 'A £40m fund for structured education.' }),
        doc({ id: 'pages:42', type: 'update', title: 'Budget', summary: 'A £400 increase and a £4m pilot in four areas.' }),
      ])
      for (const q of ['40 million', '£40m', '£40 million', '40m']) expect((await ids({ q })).sort(), q).toEqual(['pages:40', 'pages:41'])
      const [hit] = (await find({ q: 'transformation 40 million' })).hits
      expect(hit.snippet).toContain('<mark>40m</mark>')
    })

    it('applies synonyms set at run time, in both directions, and drops them when replaced', async () => {
      await engine.setSynonyms([['podiatry', 'chiropody']])
      expect(await ids({ q: 'chiropody' })).toEqual(['posts:3'])
      await engine.setSynonyms([['retinopathy', 'eye disease']])
      expect(await ids({ q: 'eye disease' })).toContain('pages:2')
      expect(await ids({ q: 'chiropody' })).toEqual([])
    })

    it('reports a digest per indexed document that changes with its content', async () => {
      const before = await engine.digests()
      expect([...before.keys()].sort()).toEqual(CORPUS.map((d) => d.id).sort())
      expect(before.get('pages:1')).toBe(digestOf(CORPUS[0]!))
      await engine.upsert([{ ...CORPUS[0]!, summary: 'Yearly photographs of the retina.' }])
      const after = await engine.digests()
      expect(after.get('pages:1')).not.toBe(before.get('pages:1'))
      expect(after.get('pages:2')).toBe(before.get('pages:2'))
    })
  })

contract('embedded', () => createEmbeddedEngine({}))

const host = process.env.MEILISEARCH_HOST
if (!host) console.info('Meilisearch contract tests skipped: MEILISEARCH_HOST not set')

describe.skipIf(!host)('meilisearch', () => {
  // A fresh index per run, so parallel runs and a real 'hub' index on the same server are never touched.
  const indexName = `hub-contract-${process.pid}-${Date.now()}`
  const config = { host: host ?? '', apiKey: process.env.MEILISEARCH_API_KEY || undefined }
  let engine: SearchEngine | undefined
  afterAll(async () => {
    await new Meilisearch(config).deleteIndexIfExists(indexName)
  })
  contract('meilisearch', () => (engine ??= createMeilisearchEngine({ ...config, indexName })))
})

describe('Meilisearch document ids', () => {
  it('uses only the allowed characters and never maps two ids to one', () => {
    const sources = ['pages:12', 'pages-12', 'pages_12', 'pages:1_2', 'a/b c', 'café:1']
    const encoded = sources.map((id) => toMeilisearchId({ id }))
    expect(encoded[0]).toBe('pages-12')
    for (const id of encoded) expect(id).toMatch(/^[a-zA-Z0-9_-]+$/)
    expect(new Set(encoded).size).toBe(sources.length)
  })
})
