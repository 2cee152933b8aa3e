/**
 * The hub's embedded search engine on a guidance-sized corpus, against a naive substring scan.
 *
 *   node --import tsx bench/search.ts [--docs 10000]
 *
 * Indexes synthetic documents (seeded, so runs are comparable) through createEmbeddedEngine, reporting build
 * time and heap/RSS growth, then p50/p95 of 200 mixed queries (exact words, prefixes, one typo) as a public
 * viewer with default synonyms. The reference runs the same queries as Array.filter + String.includes over
 * pre-lowercased text in this process: the cheapest thing that could work, which also finds no typos and
 * does no ranking, facets or snippets.
 */
import type { SearchDocument } from '../src/lib/search/types'

import { createEmbeddedEngine } from '../src/lib/search/embedded'
import { collectGarbage, heapMb, mixedQueries, percentile, syntheticCorpus } from './search-engines'

const index = process.argv.indexOf('--docs')
const count = index > 0 ? Number(process.argv[index + 1]) || 10_000 : 10_000
const docs = syntheticCorpus({ count })
const queries = mixedQueries({ docs })
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1)

const timeQueries = async (run: (q: string) => Promise<number> | number) => {
  for (const { q } of queries.slice(0, 20)) await run(q) // warm up the JIT
  const latencies: number[] = []
  let withHits = 0
  for (const { q } of queries) {
    const started = performance.now()
    if ((await run(q)) > 0) withHits++
    latencies.push(performance.now() - started)
  }
  return { p50: percentile({ values: latencies, p: 50 }), p95: percentile({ values: latencies, p: 95 }), withHits }
}

const words = docs.reduce((sum, doc) => sum + `${doc.title} ${doc.summary} ${doc.body}`.split(' ').length, 0)
console.log(`${count} documents, ${Math.round(words / count)} words each on average, Node ${process.version}`)

collectGarbage()
const heapBefore = heapMb()
const rssBefore = process.memoryUsage().rss
const engine = createEmbeddedEngine({})
const started = performance.now()
await engine.upsert(docs)
const buildMs = performance.now() - started
const heapAfter = heapMb()
const rssAfter = process.memoryUsage().rss

const engineTimes = await timeQueries(async (q) => (await engine.search({ q, viewer: 'public' })).total)

const haystacks = docs.map((doc: SearchDocument) => ({ doc, text: `${doc.title} ${doc.summary} ${doc.body}`.toLowerCase() }))
const naiveTimes = await timeQueries((q) => {
  const needle = q.toLowerCase()
  return haystacks.filter(({ doc, text }) => doc.audience === 'public' && text.includes(needle)).length
})

const fixed = (ms: number) => ms.toFixed(2)
console.log(`index build: ${Math.round(buildMs)} ms for ${await engine.count()} documents`)
console.log(`memory after build: heap +${(heapAfter - heapBefore).toFixed(1)} MB, RSS +${mb(rssAfter - rssBefore)} MB`)
console.table([
  { run: 'embedded engine', 'p50 ms': fixed(engineTimes.p50), 'p95 ms': fixed(engineTimes.p95), 'queries with hits': `${engineTimes.withHits}/${queries.length}` },
  { run: 'naive filter(includes)', 'p50 ms': fixed(naiveTimes.p50), 'p95 ms': fixed(naiveTimes.p95), 'queries with hits': `${naiveTimes.withHits}/${queries.length}` },
])
console.log(`engine / naive: p50 ${(engineTimes.p50 / naiveTimes.p50).toFixed(2)}x, p95 ${(engineTimes.p95 / naiveTimes.p95).toFixed(2)}x`)
