/**
 * The scorer must rank exactly as MiniSearch's own search() with the hub's options: same matches, same scores,
 * same order, same matched terms and fields, and the same facet counts, including while discarded documents
 * still sit in the postings before a vacuum.
 */
import MiniSearch from 'minisearch'
import type { SearchResult } from 'minisearch'
import { describe, expect, it } from 'vitest'

import type { SearchDocument } from '../../src/lib/search/types'

import { INDEX_OPTIONS } from '../../src/lib/search/embedded'
import { createScorer } from '../../src/lib/search/scorer'
import { DEFAULT_SYNONYMS, expandQuery } from '../../src/lib/search/synonyms'

type Stored = Pick<SearchDocument, 'audience' | 'careArea' | 'type'>

// Words sharing prefixes and near spellings, so prefix and fuzzy matching reach several index terms.
const VOCABULARY = `retina retinal retinopathy screen screening screened insulin insulins glucose glucagon glycaemic
  hypoglycaemia hyperglycaemia foot feet footwear ulcer ulcers ulceration podiatry podiatrist kidney kidneys renal
  pregnancy pregnant gestational pump pumps sensor sensors monitor monitoring commissioning commission commissioner
  pathway pathways referral referrals clinic clinical clinician education educate structured £40m 2024 2026 type 2
  diabetes hba1c glycated haemoglobin t2dm integrated care board the of and for with`
  .split(/\s+/)
  .filter(Boolean)
const CARE_AREAS = ['eye-screening', 'foot-care', 'kidney', 'pregnancy', null]
const TYPES: SearchDocument['type'][] = ['guidance', 'tip', 'update', 'question']

const seeded = (seed: number) => () => {
  seed = (seed * 16807) % 2147483647
  return (seed - 1) / 2147483646
}

const corpus = ({ count }: { count: number }): SearchDocument[] => {
  const random = seeded(2026)
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]
  // Skewed like real text: early words are common, later ones rare.
  const words = (n: number) => Array.from({ length: n }, () => VOCABULARY[Math.floor(VOCABULARY.length * random() ** 1.5)]).join(' ')
  return Array.from({ length: count }, (_, i) => ({
    audience: random() < 0.25 ? 'professional' : 'public',
    body: words(20 + Math.floor(random() * 100)),
    careArea: pick(CARE_AREAS),
    id: `pages:${i + 1}`,
    summary: random() < 0.9 ? words(5 + Math.floor(random() * 15)) : undefined,
    title: words(2 + Math.floor(random() * 4)),
    type: pick(TYPES),
    url: `/guidance/${i + 1}`,
  }))
}

const QUERIES = [
  'retina',
  'retinopathy screening',
  'retin',
  'retinopaty',
  'insulin pump',
  'insluin',
  'foot ulcer',
  'footcare',
  'hyperglycaemia hyperglycaemia',
  'glucose monitoring clinic',
  'the of',
  't2dm',
  'type 2 diabetes',
  'HbA1c',
  'glycated haemoglobin',
  'ICB commissioning',
  '£40m',
  '40 million',
  '2024',
  'gestational pregnancy pump sensor',
  'zebra',
  'podiatrist referral pathway structured education',
  'kidney renal',
]

const referenceSearch = ({ index, q, filter }: { index: MiniSearch<SearchDocument>; q: string; filter: (stored: Stored) => boolean }) =>
  index.search(
    {
      combineWith: 'OR',
      queries: expandQuery({ q, synonyms: DEFAULT_SYNONYMS }).map((variant) => ({ combineWith: 'AND', queries: [variant] })),
    },
    { filter: (result) => filter(result as unknown as Stored) },
  )

const tally = (results: SearchResult[], key: 'careArea' | 'type') => {
  const counts: Record<string, number> = {}
  for (const result of results) {
    const value = result[key] as null | string
    if (value != null) counts[value] = (counts[value] ?? 0) + 1
  }
  return counts
}

const compare = ({ index, label }: { index: MiniSearch<SearchDocument>; label: string }) => {
  const { boost, fuzzy, prefix } = INDEX_OPTIONS.searchOptions
  const score = createScorer({
    index,
    options: { boost, fuzzy, prefix, processTerm: INDEX_OPTIONS.processTerm, tokenize: INDEX_OPTIONS.tokenize },
  })
  let compared = 0
  for (const q of QUERIES) {
    for (const viewer of ['public', 'professional'] as const) {
      for (const filters of [{}, { type: 'guidance' }, { careArea: 'foot-care' }, { careArea: 'kidney', type: 'tip' }] as {
        careArea?: string
        type?: string
      }[]) {
        const visible = (stored: Stored) => viewer === 'professional' || stored.audience === 'public'
        const inType = (stored: Stored) => !filters.type || stored.type === filters.type
        const inArea = (stored: Stored) => !filters.careArea || stored.careArea === filters.careArea
        const all = referenceSearch({ index, q, filter: visible })
        const expected = all.filter((result) => inType(result as unknown as Stored) && inArea(result as unknown as Stored))
        for (const offset of [0, 20]) {
          const got = score({
            audience: viewer === 'professional' ? null : 'public',
            careArea: filters.careArea,
            generation: 1,
            limit: 20,
            offset,
            query: expandQuery({ q, synonyms: DEFAULT_SYNONYMS }),
            type: filters.type,
          })
          const where = `${label}: "${q}" as ${viewer} ${JSON.stringify(filters)} from ${offset}`
          expect(got.total, where).toBe(expected.length)
          expect(got.facets.type, where).toEqual(
            tally(
              all.filter((result) => inArea(result as unknown as Stored)),
              'type',
            ),
          )
          expect(got.facets.careArea, where).toEqual(
            tally(
              all.filter((result) => inType(result as unknown as Stored)),
              'careArea',
            ),
          )
          const page = expected.slice(offset, offset + 20)
          expect(
            got.hits.map((hit) => hit.score),
            where,
          ).toEqual(page.map((result) => result.score))
          // Equal scores may come in either order; distinct ones must not.
          expect(got.hits.map((hit) => `${hit.score}:${hit.id}`).sort(), where).toEqual(
            page.map((result) => `${result.score}:${result.id}`).sort(),
          )
          for (const hit of got.hits) {
            const same = page.find((result) => result.id === hit.id)!
            expect(Object.fromEntries(Object.entries(hit.match).map(([term, fields]) => [term, [...fields].sort()])), where).toEqual(
              Object.fromEntries(Object.entries(same.match).map(([term, fields]) => [term, [...fields].sort()])),
            )
          }
          compared += got.hits.length
        }
      }
    }
  }
  return compared
}

describe('the scorer against MiniSearch search()', () => {
  it('gives the same matches, scores, order, matched terms and facets for typed, misspelt, prefix and synonym queries', () => {
    const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS)
    index.addAll(corpus({ count: 1500 }))
    // A comparison of empty pages would pass whatever the scorer did.
    expect(compare({ index, label: 'fresh index' })).toBeGreaterThan(3000)
  })

  it('agrees while replaced and discarded documents still sit in the postings, and after a vacuum', async () => {
    const docs = corpus({ count: 1500 })
    const index = new MiniSearch<SearchDocument>({ ...INDEX_OPTIONS, autoVacuum: false })
    index.addAll(docs)
    for (const doc of docs.slice(0, 300)) index.discard(doc.id)
    for (const doc of docs.slice(300, 500)) index.replace({ ...doc, title: `${doc.title} retinopathy` })
    expect(index.dirtCount).toBe(500)
    expect(compare({ index, label: 'before vacuum' })).toBeGreaterThan(2000)
    await index.vacuum()
    expect(index.dirtCount).toBe(0)
    expect(compare({ index, label: 'after vacuum' })).toBeGreaterThan(2000)
  })
})
