/**
 * The hub's search at guidance scale, measured against its goals, each with a reference measured in the same run.
 *
 *   npm run bench:search [-- --docs 10000] [-- --engine-only] [-- --seconds 15]
 *
 * Queries are what a person types: one to four words from a document's title or summary, a quarter of them
 * with one word misspelt (bench/search-engines.ts, seeded, 1,000 of them).
 *
 * 1. Engine p95: the embedded engine in this process over synthetic documents, every query once, as a public
 *    viewer with the default synonyms. Reference: Array.filter over pre-lowercased text, every query word by
 *    String.includes: the cheapest thing that could work (no typos, ranking, facets or snippets).
 * 2. Index build: the same documents stored as published guidance pages in a fresh SQLite database; the built hub
 *    is started on it and reports its build ("Search index built", database reads included). Reference: the
 *    engine in this process indexing exactly the documents the hub indexed (no database).
 * 3. /api/search p95: wrk with 20 keep-alive connections cycling through the queries for --seconds, after a
 *    warm-up. Reference: the engine in this process answering the same queries over the same documents.
 * 4. Server RSS once the index is built, and again after the load.
 * 5. The periodic reconcile (every minute here, every 15 by default) over the whole index, in the hub as
 *    `npm start` runs it (the same bounded heap): its time, and the server still answering afterwards.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import type { SearchDocument } from '../src/lib/search/types'
import type { BenchRow } from './table'

import { paragraph, richText } from '../src/lib/richtext/build'
import { createEmbeddedEngine } from '../src/lib/search/embedded'
import { buildHub, startProcess } from './hub-process'
import { collectGarbage, percentile, syntheticCorpus, typedQueries } from './search-engines'
import { megabytes, ms, perSecond, reportRows } from './table'
import { wrkAvailable } from './wrk'

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name)
  return index > 0 ? Number(process.argv[index + 1]) || fallback : fallback
}
const count = option('--docs', 10_000)
const seconds = option('--seconds', 15)
const docs = syntheticCorpus({ count })
const queries = typedQueries({ docs })

const GOALS = { apiP95Ms: 20, buildMs: 5000, engineP95Ms: 10, rssBytes: 300 * 2 ** 20 }
const rows: BenchRow[] = []
const ratio = (reference: number, hub: number) => Number((reference / hub).toFixed(2))

/** p50 and p95 of every query run once, after a warm-up, and how many queries found something. */
const timeQueries = async (run: (q: string) => Promise<number> | number) => {
  for (const { q } of queries.slice(0, 50)) await run(q) // warm up the JIT
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
const typos = queries.filter((query) => query.kind === 'typo').length
console.log(
  `${count} documents, ${Math.round(words / count)} words each on average; ${queries.length} queries of 1-4 words, ${typos} with a typo; Node ${process.version}`,
)

// ---- 1. The engine in this process against the naive filter ----
collectGarbage()
const engine = createEmbeddedEngine({})
const buildStarted = performance.now()
await engine.upsert(docs)
console.log(`engine in this process: indexed ${count} documents in ${Math.round(performance.now() - buildStarted)} ms`)
const engineTimes = await timeQueries(async (q) => (await engine.search({ q, viewer: 'public' })).total)

const haystacks = docs.map((doc: SearchDocument) => ({ doc, text: `${doc.title} ${doc.summary} ${doc.body}`.toLowerCase() }))
const naiveTimes = await timeQueries((q) => {
  const needles = q.toLowerCase().split(' ')
  return haystacks.filter(({ doc, text }) => doc.audience === 'public' && needles.every((needle) => text.includes(needle))).length
})
await engine.clear()
collectGarbage()
console.log(
  `engine: p50 ${ms(engineTimes.p50)}, ${engineTimes.withHits}/${queries.length} queries found something; naive filter: p50 ${ms(naiveTimes.p50)}, ${naiveTimes.withHits}/${queries.length}`,
)
rows.push({
  case: `engine p95, ${count.toLocaleString('en-GB')} docs, typed queries`,
  goal: `p95 ≤ ${GOALS.engineP95Ms} ms`,
  hub: ms(engineTimes.p95),
  met: engineTimes.p95 <= GOALS.engineP95Ms,
  ratio: ratio(naiveTimes.p95, engineTimes.p95),
  reference: `naive filter ${ms(naiveTimes.p95)}`,
})

if (process.argv.includes('--engine-only')) {
  reportRows(rows)
  process.exit(0)
}

// ---- 2. The same documents in the built hub ----
await buildHub()
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-search-'))
const hubEnv = {
  ADMIN_EMAIL: 'bench.owner@example.org',
  ADMIN_PASSWORD: 'measuring search speed',
  DATA_DIR: dataDir,
  DATABASE_URL: '',
  MEDIA_DIR: path.join(dataDir, 'media'),
  PAYLOAD_SECRET: 'bench-search-secret',
  // The load comes from one address, which would otherwise meet the per-minute limit at once.
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
    data: {
      _status: 'published',
      slug: `bench-${slug}`,
      step: 90 + step,
      summary: `Guidance on ${slug}`,
      title: `Bench ${slug.replace(/-/g, ' ')}`,
    },
  })
  areaIds.set(slug, area.id)
}
const owner = await payload.create({
  collection: 'users',
  data: { email: 'bench.pages@example.org', password: 'a long bench password', roles: ['editor'] } as never,
})
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
console.log(`stored ${docs.length} published guidance pages in SQLite in ${Math.round(performance.now() - storeStarted)} ms`)
const served = await loadAllSearchDocuments({ payload })
await payload.destroy()

// The reference for the build and the API: the engine in this process over exactly what the hub indexes.
const local = createEmbeddedEngine({})
const localStarted = performance.now()
await local.upsert(served)
const localBuildMs = performance.now() - localStarted
const inProcess = await timeQueries(async (q) => (await local.search({ q, viewer: 'public' })).total)

let indexBuild = ''
const reconciled: string[] = []
const hub = await startProcess({
  args: ['dist/start.js'],
  env: { ...hubEnv, LOG_LEVEL: 'info', SEARCH_RECONCILE_MINUTES: '1' },
  onStdout: (line) => {
    if (line.includes('Search index built')) indexBuild = line
    if (line.includes('Search index reconciled') || line.includes('Search index had drifted') || line.includes('could not be reconciled'))
      reconciled.push(line)
  },
  readyPath: '/readyz',
})
const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024
const scriptFile = path.join(dataDir, 'queries.lua')
try {
  const url = (q: string) => `/api/search?q=${encodeURIComponent(q)}`
  // Until the index is built the endpoint answers from the database ("mode": "database"): wait for the engine.
  for (let attempt = 0; ; attempt++) {
    const body = (await (await fetch(`${hub.base}${url('insulin')}`)).json()) as { mode?: string }
    if (body.mode === 'engine') break
    if (attempt > 1200) throw new Error('the hub did not finish building its search index within ten minutes')
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  const built = JSON.parse(indexBuild || '{}') as { documents?: number; ms?: number }
  const rssBuilt = rssOf(hub.child.pid!)
  rows.push({
    case: `index build at start, ${built.documents ?? '?'} docs`,
    goal: `≤ ${GOALS.buildMs / 1000} s`,
    hub: ms(built.ms ?? Number.NaN),
    met: built.ms !== undefined && built.ms <= GOALS.buildMs,
    ratio: ratio(localBuildMs, built.ms ?? Number.NaN),
    reference: `engine only, no database ${ms(localBuildMs)}`,
  })
  rows.push({
    case: 'server RSS, index built',
    goal: `≤ ${megabytes(GOALS.rssBytes)}`,
    hub: megabytes(rssBuilt),
    met: rssBuilt <= GOALS.rssBytes,
  })

  // Every query once through the API first: each must be answered 200 by the engine.
  for (const { q } of queries) {
    const response = await fetch(`${hub.base}${url(q)}`)
    const body = (await response.json()) as { mode?: string }
    if (response.status !== 200 || body.mode !== 'engine')
      throw new Error(`/api/search?q=${q} answered ${response.status} from ${body.mode}`)
  }

  if (!wrkAvailable()) throw new Error('wrk is needed for the load (apt-get install wrk)')
  // Each wrk thread starts at a different place in the list and cycles through it; done() prints the percentiles.
  fs.writeFileSync(
    scriptFile,
    `local paths = {${queries.map(({ q }) => JSON.stringify(url(q))).join(',')}}
local threads = 0
function setup(thread) thread:set("offset", threads * 500); threads = threads + 1 end
local i = 0
function init() i = offset or 0 end
function request() i = i % #paths + 1; return wrk.format("GET", paths[i]) end
function done(summary, latency)
  io.write(string.format("RESULT %d %d %d %d %d %d\\n", summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
`,
  )
  // A slow answer is measured, not dropped: wrk's own limit (2 s) would count it as an error on a busy machine.
  const load = async (duration: number) => {
    const { stdout } = await promisify(execFile)(
      '/usr/bin/wrk',
      ['-t', '2', '-c', '20', '-d', `${duration}s`, '--timeout', '30s', '-s', scriptFile, hub.base],
      { maxBuffer: 2 ** 24 },
    )
    const [requests, errors, durationUs, p50, p95, p99] = (/RESULT (.+)/.exec(stdout)?.[1] ?? '').split(' ').map(Number)
    if (errors) throw new Error(`${errors} requests failed under load:\n${stdout}`)
    return { p50: p50 / 1000, p95: p95 / 1000, p99: p99 / 1000, rps: requests / (durationUs / 1e6) }
  }
  await load(3) // warm up
  const api = await load(seconds)
  const rssLoaded = rssOf(hub.child.pid!)
  console.log(`/api/search at 20 connections: ${perSecond(api.rps)}, p50 ${ms(api.p50)}, p95 ${ms(api.p95)}, p99 ${ms(api.p99)}`)
  rows.push({
    case: '/api/search p95, 20 connections',
    goal: `p95 ≤ ${GOALS.apiP95Ms} ms`,
    hub: `${ms(api.p95)} (${perSecond(api.rps)})`,
    met: api.p95 <= GOALS.apiP95Ms,
    ratio: ratio(inProcess.p95, api.p95),
    reference: `engine in process ${ms(inProcess.p95)}`,
  })
  rows.push({
    case: `server RSS after ${seconds} s of load`,
    goal: `≤ ${megabytes(GOALS.rssBytes)}`,
    hub: megabytes(rssLoaded),
    met: rssLoaded <= GOALS.rssBytes,
  })

  // The next reconcile after the load: at most a minute away.
  const before = reconciled.length
  for (let waited = 0; reconciled.length === before && hub.child.exitCode === null && waited < 150_000; waited += 500)
    await new Promise((resolve) => setTimeout(resolve, 500))
  const last = JSON.parse(reconciled.at(-1) ?? '{}') as { documents?: number; msg?: string; ms?: number }
  const alive = hub.child.exitCode === null && (await fetch(`${hub.base}${url('insulin')}`)).status === 200
  console.log(`reconcile: ${last.msg ?? 'none seen'}; hub ${alive ? 'still answering' : 'gone'}`)
  rows.push({
    case: `reconcile of the whole index, ${last.documents ?? '?'} docs, bounded heap`,
    goal: 'completes, hub still answering',
    hub: last.ms === undefined ? (last.msg ?? 'no reconcile seen') : `${ms(last.ms)}, RSS after ${megabytes(rssOf(hub.child.pid!))}`,
    met: alive && last.msg === 'Search index reconciled',
  })
} finally {
  await hub.stop()
  fs.rmSync(dataDir, { force: true, recursive: true })
}
reportRows(rows)
process.exit(0)
