/**
 * The hub's search on a guidance-sized corpus: through the engine in this process, and through /api/search.
 *
 *   npm run bench:search [-- --docs 10000] [-- --engine-only]
 *
 * 1. Engine: indexes synthetic documents (seeded, so runs are comparable) through createEmbeddedEngine,
 *    reporting build time and heap/RSS growth, then p50/p95 of 200 mixed queries (exact words, prefixes, one
 *    typo) as a public viewer with default synonyms. The reference runs the same queries as Array.filter +
 *    String.includes over pre-lowercased text in this process: the cheapest thing that could work, which also
 *    finds no typos and does no ranking, facets or snippets.
 * 2. API: stores the same documents as published guidance pages in a fresh SQLite database, starts the built
 *    hub on it, and sends the same 200 queries to GET /api/search one at a time over a keep-alive connection.
 *    Reports the server's index build, its RSS, and HTTP p50/p95, against the engine queried in this process
 *    over exactly the documents the server indexed (the ratio is what HTTP, Payload's routing, the session
 *    check and JSON cost on top of the engine).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { SearchDocument } from '../src/lib/search/types'

import { paragraph, richText } from '../src/lib/richtext/build'
import { createEmbeddedEngine } from '../src/lib/search/embedded'
import { buildHub, startProcess } from './hub-process'
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

if (process.argv.includes('--engine-only')) process.exit(0)

// ---- 2. Through /api/search on the built hub ----
await buildHub()
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-search-'))
const hubEnv = {
  ADMIN_EMAIL: 'bench.owner@example.org',
  ADMIN_PASSWORD: 'measuring search speed',
  DATA_DIR: dataDir,
  DATABASE_URL: '',
  MEDIA_DIR: path.join(dataDir, 'media'),
  PAYLOAD_SECRET: 'bench-search-secret',
  // Two hundred queries from one address would otherwise meet the per-minute limit.
  SEARCH_RATE_LIMIT_MAX: '1000000',
}
Object.assign(process.env, hubEnv)

const { bootPayload } = await import('../src/server/boot')
const { loadAllSearchDocuments } = await import('../src/lib/search/source')
const { seed } = await import('../seed')
const payload = await bootPayload({ cron: false })
// Seeded here rather than by the hub at start, so this process knows every document the hub will index.
await seed({ log: () => undefined, payload })
const storeStarted = performance.now()
const areaIds = new Map<string, number | string>()
for (const [step, slug] of [...new Set(docs.map((doc) => doc.careArea ?? 'general'))].entries()) {
  const area = await payload.create({
    collection: 'care-areas',
    data: { _status: 'published', slug: `bench-${slug}`, step: 90 + step, summary: `Guidance on ${slug}`, title: `Bench ${slug.replace(/-/g, ' ')}` },
  })
  areaIds.set(slug, area.id)
}
const owner = await payload.create({ collection: 'users', data: { email: 'bench.pages@example.org', password: 'a long bench password', roles: ['editor'] } as never })
const now = new Date().toISOString()
// Straight through the adapter: the documents are what is measured, not 10,000 runs of the publishing hooks.
for (const [i, doc] of docs.entries()) {
  await payload.db.create({
    collection: 'pages',
    data: {
      _status: 'published',
      audience: doc.audience,
      body: richText({ children: (doc.body ?? '').split(/(?<=\.) /).map((sentence) => paragraph({ text: sentence })) }),
      careArea: areaIds.get(doc.careArea ?? 'general'),
      createdAt: now,
      order: 10,
      review: { contentOwner: owner.id, lastReviewed: '2026-01-01', nextReviewDue: '2027-01-01' },
      slug: `page-${i + 1}`,
      summary: doc.summary,
      title: doc.title,
      updatedAt: now,
    },
  })
}
console.log(`\nStored ${docs.length} published guidance pages in SQLite in ${Math.round(performance.now() - storeStarted)} ms`)
const served = await loadAllSearchDocuments({ payload })
await payload.destroy()

let indexBuild = ''
const hub = await startProcess({
  args: ['dist/start.js'],
  env: { ...hubEnv, LOG_LEVEL: 'info' },
  onStdout: (line) => {
    if (line.includes('Search index built')) indexBuild = line
  },
  readyPath: '/readyz',
})
try {
  const url = (q: string) => `${hub.base}/api/search?q=${encodeURIComponent(q)}`
  // Until the index is built the endpoint answers from the database ("mode": "database"): wait for the engine.
  for (let attempt = 0; ; attempt++) {
    const body = (await (await fetch(url('insulin'))).json()) as { mode?: string }
    if (body.mode === 'engine') break
    if (attempt > 1200) throw new Error('the hub did not finish building its search index within ten minutes')
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  const built = indexBuild ? (JSON.parse(indexBuild) as { documents: number; ms: number }) : null
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${hub.child.pid}/status`, 'utf8'))?.[1] ?? 0)

  const local = createEmbeddedEngine({})
  await local.upsert(served)
  const inProcess = await timeQueries(async (q) => (await local.search({ q, viewer: 'public' })).total)
  const serverTook: number[] = []
  const viaApi = await timeQueries(async (q) => {
    const response = await fetch(url(q))
    if (response.status !== 200) throw new Error(`/api/search?q=${q} answered ${response.status}`)
    const body = (await response.json()) as { mode: string; tookMs: number; total: number }
    if (body.mode !== 'engine') throw new Error(`/api/search answered from the ${body.mode}`)
    serverTook.push(body.tookMs)
    return body.total
  })
  if (built) console.log(`hub index build at start: ${built.ms} ms for ${built.documents} documents (seeded content included)`)
  console.log(`hub RSS with the index built: ${(rssKb / 1024).toFixed(0)} MB`)
  console.table([
    { run: 'engine in this process', 'p50 ms': fixed(inProcess.p50), 'p95 ms': fixed(inProcess.p95), 'queries with hits': `${inProcess.withHits}/${queries.length}` },
    { run: 'GET /api/search (HTTP)', 'p50 ms': fixed(viaApi.p50), 'p95 ms': fixed(viaApi.p95), 'queries with hits': `${viaApi.withHits}/${queries.length}` },
  ])
  console.log(`engine time reported by the server: p50 ${fixed(percentile({ values: serverTook, p: 50 }))} ms, p95 ${fixed(percentile({ values: serverTook, p: 95 }))} ms`)
  console.log(`API / engine in process: p50 ${(viaApi.p50 / inProcess.p50).toFixed(2)}x, p95 ${(viaApi.p95 / inProcess.p95).toFixed(2)}x`)
} finally {
  await hub.stop()
  fs.rmSync(dataDir, { force: true, recursive: true })
}
process.exit(0)
