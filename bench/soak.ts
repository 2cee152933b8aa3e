/**
 * Soak: the built hub's memory over a long idle spell, then over a long spell of mixed traffic.
 *
 *   node --import tsx bench/soak.ts [--idle-minutes 30] [--mixed-minutes 30] [--every 30]
 *
 * Starts the built hub on a fresh, seeded SQLite database, as `npm start` does, and samples its RSS (from
 * /proc) every `--every` seconds: first while nobody uses it (its timers still run: job crons, the search
 * index's change poll), then while four clients keep sending a mix of what it serves: public and
 * professional pages (mostly cache hits, some misses after a content change every minute), site and API
 * search, question submissions and an editor's admin API reads. Reports each phase's highest RSS and its
 * trend (least-squares slope over the phase after its first two minutes, in MB per hour).
 * Goal: RSS under 300 MB throughout, and no upward trend (here: a slope under 10 MB per hour, so an hour
 * grows the process by less than the noise of one sample).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { BenchRow } from './table'

import { buildHub, startProcess } from './hub-process'
import { megabytes, reportRows } from './table'

const option = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`)
  return index > 0 ? Number(process.argv[index + 1]) || fallback : fallback
}
const idleMinutes = option('idle-minutes', 30)
const mixedMinutes = option('mixed-minutes', 30)
const everySeconds = option('every', 30)
const RSS_GOAL_MB = 300
const TREND_GOAL_MB_PER_HOUR = 10

const rssOf = (pid: number): number => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024
}

type Sample = { rss: number; seconds: number }

/** Least-squares slope of RSS over time, in MB per hour. */
const trendPerHour = (samples: Sample[]): number => {
  if (samples.length < 3) return 0
  const n = samples.length
  const meanX = samples.reduce((sum, s) => sum + s.seconds, 0) / n
  const meanY = samples.reduce((sum, s) => sum + s.rss, 0) / n
  const covariance = samples.reduce((sum, s) => sum + (s.seconds - meanX) * (s.rss - meanY), 0)
  const variance = samples.reduce((sum, s) => sum + (s.seconds - meanX) ** 2, 0)
  return ((covariance / variance) * 3600) / 1024 / 1024
}

const GUIDANCE = [
  '/',
  '/care-areas',
  '/care-areas/commissioning/commissioning-considerations-for-long-term-conditions',
  '/commissioning',
  '/updates',
  '/recommendations',
  '/governance',
  '/ask',
]
const SEARCHES = ['foot care', 'insulin pump', 'retinopathy screening', 'gestatinal diabetes', 'hba1c target', 'structured educaton']

await buildHub()
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-soak-'))
const admin = { email: 'soak.owner@example.org', password: 'measuring memory for an hour' }
const hub = await startProcess({
  args: ['dist/start.js'],
  // One client address sends every question and search here: the per-address limits would refuse most of them.
  env: {
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    MEDIA_DIR: path.join(dataDir, 'media'),
    QUESTION_RATE_LIMIT_MAX: '1000000',
    SEARCH_RATE_LIMIT_MAX: '1000000',
  },
  readyPath: '/readyz',
})
const pid = hub.child.pid!
const started = performance.now()
const samples: { phase: 'idle' | 'mixed'; rss: number; seconds: number }[] = []
let phase: 'idle' | 'mixed' = 'idle'
const sample = () => {
  const seconds = (performance.now() - started) / 1000
  const rss = rssOf(pid)
  samples.push({ phase, rss, seconds })
  console.log(`  ${(seconds / 60).toFixed(1).padStart(5)} min  ${phase.padEnd(5)}  RSS ${megabytes(rss)}`)
}
const sampler = setInterval(sample, everySeconds * 1000)
sample()

const json = async (response: Response) =>
  response.ok ? response.json() : Promise.reject(new Error(`${response.url} answered ${response.status}`))
const counts = new Map<string, number>()
const count = (what: string) => counts.set(what, (counts.get(what) ?? 0) + 1)

try {
  await new Promise((resolve) => setTimeout(resolve, idleMinutes * 60_000))
  phase = 'mixed'
  const signIn = async (account: { email: string; password: string }) =>
    (
      (await json(
        await fetch(`${hub.base}/api/users/login`, {
          body: JSON.stringify(account),
          headers: { 'content-type': 'application/json' },
          method: 'POST',
        }),
      )) as { token: string }
    ).token
  const editorToken = await signIn(admin)
  const reader = {
    email: 'soak.professional@example.org',
    name: 'Soak Professional',
    password: 'reading pages for an hour',
    roles: ['professional'],
  }
  await json(
    await fetch(`${hub.base}/api/users`, {
      body: JSON.stringify(reader),
      headers: { authorization: `JWT ${editorToken}`, 'content-type': 'application/json' },
      method: 'POST',
    }),
  )
  const professional = await signIn(reader)
  const update = (
    (await json(await fetch(`${hub.base}/api/updates?limit=1&depth=0`, { headers: { authorization: `JWT ${editorToken}` } }))) as {
      docs: { id: number; title: string }[]
    }
  ).docs[0]
  const deadline = performance.now() + mixedMinutes * 60_000
  let n = 0
  const pick = <T>(list: T[]) => list[n % list.length]!
  const step = async () => {
    n++
    const roll = n % 20
    if (roll < 9) {
      await (await fetch(`${hub.base}${pick(GUIDANCE)}`)).arrayBuffer()
      count('public page')
    } else if (roll < 12) {
      await (await fetch(`${hub.base}${pick(GUIDANCE)}`, { headers: { cookie: `payload-token=${professional}` } })).arrayBuffer()
      count('professional page')
    } else if (roll < 14) {
      await (await fetch(`${hub.base}/search?q=${encodeURIComponent(pick(SEARCHES))}`)).arrayBuffer()
      count('site search')
    } else if (roll < 16) {
      await json(await fetch(`${hub.base}/api/search?q=${encodeURIComponent(pick(SEARCHES))}`))
      count('API search')
    } else if (roll < 17) {
      const body = JSON.stringify({
        email: `soak-${n}@example.org`,
        name: `Soak Asker ${n}`,
        question: `Question ${n}: is there local guidance on foot checks?`,
      })
      const response = await fetch(`${hub.base}/api/questions`, { body, headers: { 'content-type': 'application/json' }, method: 'POST' })
      await response.arrayBuffer()
      if (response.status !== 201) throw new Error(`a question answered ${response.status}`)
      count('question')
    } else {
      await json(await fetch(`${hub.base}/api/questions?limit=10&depth=0`, { headers: { authorization: `JWT ${editorToken}` } }))
      count('admin API')
    }
  }
  // A content change each minute, as editors make them: the page cache empties and pages are rendered again.
  const editing = update
    ? setInterval(() => {
        void fetch(`${hub.base}/api/updates/${update.id}`, {
          body: JSON.stringify({ title: `${update.title}` }),
          headers: { authorization: `JWT ${editorToken}`, 'content-type': 'application/json' },
          method: 'PATCH',
        }).then((response) => (count('content change'), response.arrayBuffer()))
      }, 60_000)
    : undefined
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (performance.now() < deadline) await step()
    }),
  )
  clearInterval(editing)
  sample()
} finally {
  clearInterval(sampler)
  await hub.stop()
  fs.rmSync(dataDir, { force: true, recursive: true })
}

console.log(`Mixed traffic sent: ${[...counts].map(([what, n]) => `${n.toLocaleString('en-GB')} ${what}`).join(', ')}`)
const rows: BenchRow[] = (['idle', 'mixed'] as const).map((name) => {
  const phaseSamples = samples.filter((s) => s.phase === name)
  const from = phaseSamples[0]?.seconds ?? 0
  const settled = phaseSamples.filter((s) => s.seconds - from >= 120)
  const peak = Math.max(...phaseSamples.map((s) => s.rss))
  const trend = trendPerHour(settled)
  const minutes = name === 'idle' ? idleMinutes : mixedMinutes
  return {
    case: `memory, ${minutes} min ${name === 'idle' ? 'idle' : 'mixed traffic'} (RSS every ${everySeconds} s)`,
    goal: `< ${RSS_GOAL_MB} MB, trend < ${TREND_GOAL_MB_PER_HOUR} MB/h`,
    hub: `peak ${megabytes(peak)}, trend ${trend >= 0 ? '+' : ''}${trend.toFixed(1)} MB/h`,
    met: peak < RSS_GOAL_MB * 1024 * 1024 && trend < TREND_GOAL_MB_PER_HOUR,
  }
})
reportRows(rows)
