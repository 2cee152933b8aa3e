/**
 * MiniSearch against Orama for the hub's embedded search, on the same synthetic corpus and queries.
 *
 *   node --import tsx bench/search-engines.ts [--docs 2000]
 *
 * Builds each index in turn in this process, measuring build time and heap growth (after a forced GC), then
 * p50/p95 latency of 200 mixed queries (exact words, prefixes, one typo) with title > summary > body boosts
 * and an audience filter, and a relevance check: for 20 documents, does searching the exact title rank that
 * document first, and does the title with one typo still find it in the top 10. The corpus generator is also
 * used by bench/search.ts.
 */
import { pathToFileURL } from 'node:url'
import v8 from 'node:v8'
import vm from 'node:vm'

import type { SearchDocument } from '../src/lib/search/types'

/** Deterministic PRNG (mulberry32), so every run and both engines see the same corpus. */
export const seededRandom = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const CARE_WORDS = `diabetes insulin glucose retinopathy neuropathy nephropathy podiatry footcare ulcer amputation hba1c
  metformin gliclazide sglt2 glp1 hypoglycaemia hyperglycaemia ketoacidosis pregnancy gestational screening
  commissioning pathway referral clinic consultant nurse dietitian structured education carbohydrate obesity
  bariatric remission lifestyle exercise cardiovascular hypertension cholesterol statin kidney albuminuria
  eye retina maculopathy vision pump sensor monitoring continuous flash libre transition paediatric adolescent
  adult elderly frailty care home hospital inpatient discharge outpatient community primary secondary practice
  audit outcome target threshold guideline recommendation evidence review annual check blood pressure weight
  wound infection antibiotic vascular surgery emergency prevention risk assessment self management support
  psychology depression wellbeing language interpreter ethnicity deprivation inequality access waiting time
  workforce training competency network board integrated funding contract tariff service specification
  prescribing formulary injection technique needle sharps driving employment school fasting ramadan travel`
  .split(/\s+/)
  .filter(Boolean)
const FILLER = 'the of and to in for with on by is are be should may can each all people patients services local team'.split(' ')
const CARE_AREAS = ['commissioning', 'eye-screening', 'foot-care', 'blood-glucose', 'pregnancy', 'children', 'kidney', 'education']
const TYPES: SearchDocument['type'][] = ['guidance', 'guidance', 'guidance', 'tip', 'update', 'consultation', 'question', 'document']

/** Documents shaped like the hub's guidance: a short title, a summary sentence or two, a body of several hundred words. */
export const syntheticCorpus = ({ count, seed = 42 }: { count: number; seed?: number }) => {
  const random = seededRandom(seed)
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]
  // Skewed towards the start of the list, as real word frequencies are.
  const careWord = () => CARE_WORDS[Math.floor(CARE_WORDS.length * random() ** 2)]
  const words = (n: number) => Array.from({ length: n }, () => (random() < 0.35 ? pick(FILLER) : careWord())).join(' ')
  const sentence = (n: number) => {
    const text = words(n)
    return `${text[0].toUpperCase()}${text.slice(1)}.`
  }
  return Array.from({ length: count }, (_, i): SearchDocument => {
    const title = Array.from({ length: 3 + Math.floor(random() * 4) }, () => pick(CARE_WORDS)).join(' ')
    return {
      id: `pages:${i + 1}`,
      type: pick(TYPES),
      title: `${title[0].toUpperCase()}${title.slice(1)}`,
      summary: sentence(15 + Math.floor(random() * 20)),
      body: Array.from({ length: 20 + Math.floor(random() * 40) }, () => sentence(8 + Math.floor(random() * 14))).join(' '),
      url: `/guidance/${i + 1}`,
      careArea: pick(CARE_AREAS),
      audience: random() < 0.2 ? 'professional' : 'public',
      date: null,
    }
  })
}

/** One letter changed, dropped or doubled at a seeded position past the first letter. */
const typo = ({ word, random }: { word: string; random: () => number }) => {
  const at = 1 + Math.floor(random() * (word.length - 1))
  const kind = Math.floor(random() * 3)
  if (kind === 0) return word.slice(0, at) + (word[at] === 'e' ? 'a' : 'e') + word.slice(at + 1)
  if (kind === 1) return word.slice(0, at) + word.slice(at + 1)
  return word.slice(0, at) + word[at] + word.slice(at)
}

/** 200 queries in equal thirds: exact words, prefixes, and a long word with one typo. */
export const mixedQueries = ({ docs, count = 200, seed = 7 }: { docs: SearchDocument[]; count?: number; seed?: number }) => {
  const random = seededRandom(seed)
  const long = CARE_WORDS.filter((word) => word.length >= 6)
  return Array.from({ length: count }, (_, i) => {
    const kind = (['exact', 'prefix', 'typo'] as const)[i % 3]
    if (kind === 'exact') {
      const titleWords = docs[Math.floor(random() * docs.length)].title.toLowerCase().split(' ')
      return { kind, q: titleWords.slice(0, 1 + Math.floor(random() * 2)).join(' ') }
    }
    const word = long[Math.floor(random() * long.length)]
    return { kind, q: kind === 'prefix' ? word.slice(0, 4 + Math.floor(random() * 2)) : typo({ word, random }) }
  })
}

/**
 * Queries as a person types them into the search box: one to four words (mostly one or two) taken from a
 * document's title or summary, so most have answers, with one word misspelt (a letter changed, dropped or
 * doubled) in about a quarter of them. Seeded, so every run sends the same queries.
 */
export const typedQueries = ({ docs, count = 1000, seed = 11 }: { docs: SearchDocument[]; count?: number; seed?: number }) => {
  const random = seededRandom(seed)
  return Array.from({ length: count }, () => {
    const doc = docs[Math.floor(random() * docs.length)]
    const source = (random() < 0.6 ? doc.title : (doc.summary ?? doc.title)).toLowerCase().replace(/[^a-z0-9 ]/g, '')
    const pool = source.split(' ').filter((word) => word.length > 2)
    const roll = random()
    const length = Math.min(pool.length, roll < 0.4 ? 1 : roll < 0.75 ? 2 : roll < 0.92 ? 3 : 4)
    const start = Math.floor(random() * (pool.length - length + 1))
    const words = pool.slice(start, start + length)
    const misspelt = random() < 0.25
    if (misspelt) {
      const longest = words.reduce((a, b) => (b.length > a.length ? b : a))
      words[words.indexOf(longest)] = typo({ word: longest, random })
    }
    return { kind: misspelt ? ('typo' as const) : ('exact' as const), q: words.join(' ') }
  })
}

// Exposed at run time only, so heap figures are measured after a full collection without needing --expose-gc.
v8.setFlagsFromString('--expose-gc')
export const collectGarbage = vm.runInNewContext('gc') as () => void

export const heapMb = () => {
  collectGarbage()
  return process.memoryUsage().heapUsed / 2 ** 20
}

export const percentile = ({ values, p }: { values: number[]; p: number }) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

type Candidate = {
  name: string
  build: (docs: SearchDocument[]) => Promise<(q: string) => Promise<string[]>>
}

const miniSearchCandidate: Candidate = {
  name: 'MiniSearch 7.2',
  build: async (docs) => {
    const { default: MiniSearch } = await import('minisearch')
    const index = new MiniSearch<SearchDocument>({ fields: ['title', 'summary', 'body'], storeFields: ['audience'] })
    index.addAll(docs)
    return async (q) =>
      index
        .search(q, {
          boost: { title: 3, summary: 1.5 },
          combineWith: 'AND',
          prefix: (term) => term.length >= 3,
          fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
          filter: (result) => result.audience === 'public',
        })
        .slice(0, 10)
        .map((result) => result.id as string)
  },
}

const oramaCandidate: Candidate = {
  name: 'Orama 3.1',
  build: async (docs) => {
    const { create, insertMultiple, search } = await import('@orama/orama')
    const db = create({ schema: { title: 'string', summary: 'string', body: 'string', audience: 'enum' } as const })
    await insertMultiple(
      db,
      docs.map(({ id, title, summary = '', body = '', audience }) => ({ id, title, summary, body, audience })),
    )
    return async (q) => {
      // Orama's tolerance is a whole edit distance for every term, not a fraction of its length: 1 is the
      // nearest match to MiniSearch's 0.2 on guidance words. threshold 0 keeps only documents matching all terms.
      const result = await search(db, {
        term: q,
        properties: ['title', 'summary', 'body'],
        boost: { title: 3, summary: 1.5 },
        tolerance: 1,
        threshold: 0,
        where: { audience: { eq: 'public' } },
        limit: 10,
      })
      return result.hits.map((hit) => hit.id)
    }
  },
}

const evaluate = async ({ candidate, docs }: { candidate: Candidate; docs: SearchDocument[] }) => {
  const before = heapMb()
  const started = performance.now()
  const query = await candidate.build(docs)
  const buildMs = performance.now() - started
  const heap = heapMb() - before

  const queries = mixedQueries({ docs })
  for (const { q } of queries.slice(0, 20)) await query(q) // warm up the JIT
  const latencies: number[] = []
  const found: Record<string, number> = { exact: 0, prefix: 0, typo: 0 }
  for (const { kind, q } of queries) {
    const t = performance.now()
    const ids = await query(q)
    latencies.push(performance.now() - t)
    if (ids.length > 0) found[kind]++
  }

  // Relevance: public documents, so the audience filter never hides the target.
  const random = seededRandom(99)
  const targets = docs
    .filter((doc) => doc.audience === 'public')
    .filter(() => random() < 0.05)
    .slice(0, 20)
  let titleFirst = 0
  let typoTop10 = 0
  for (const doc of targets) {
    if ((await query(doc.title))[0] === doc.id) titleFirst++
    const words = doc.title.split(' ')
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a))
    const misspelt = words.map((w) => (w === longest ? typo({ word: w, random }) : w)).join(' ')
    if ((await query(misspelt)).includes(doc.id)) typoTop10++
  }
  return {
    engine: candidate.name,
    'build ms': Math.round(buildMs),
    'heap MB': Number(heap.toFixed(1)),
    'p50 ms': Number(percentile({ values: latencies, p: 50 }).toFixed(2)),
    'p95 ms': Number(percentile({ values: latencies, p: 95 }).toFixed(2)),
    'queries with hits (exact/prefix/typo)': `${found.exact}/${found.prefix}/${found.typo}`,
    'title ranks 1st': `${titleFirst}/${targets.length}`,
    'typo title in top 10': `${typoTop10}/${targets.length}`,
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (isMain) {
  const index = process.argv.indexOf('--docs')
  const count = index > 0 ? Number(process.argv[index + 1]) || 2000 : 2000
  const docs = syntheticCorpus({ count })
  const words = docs.reduce((sum, doc) => sum + `${doc.title} ${doc.summary} ${doc.body}`.split(' ').length, 0)
  console.log(`${count} documents, ${Math.round(words / count)} words each on average, Node ${process.version}`)
  const rows = []
  for (const candidate of [miniSearchCandidate, oramaCandidate]) rows.push(await evaluate({ candidate, docs }))
  console.table(rows)
}
