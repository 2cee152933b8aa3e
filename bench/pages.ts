/**
 * Throughput and tail latency of site pages, against nginx serving the same HTML.
 *
 *   node --import tsx bench/pages.ts [--seconds 5] [--concurrency 50]
 *
 * Starts the built hub on a fresh, seeded SQLite database and, as the reference, nginx (bench/nginx.ts)
 * serving the exact HTML the hub produced (and its gzip), both in their own processes on this machine. Each target
 * is loaded for the same time with the same number of keep-alive connections. The professional row is a
 * signed-in professional (one cached copy per audience; the session remembered after its first check); the cold
 * render row gives every request its own query string, so each is a cache miss rendered by Next; the editor
 * row is staff, whose pages are never cached. Reports requests/s, p50, p99 and the slowest request in the
 * benchmark table (bench/table.ts), with ratios against nginx and the goals.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'

import type { StartedProcess } from './hub-process'

import type { BenchRow } from './table'
import type { LoadResult } from './wrk'

import { buildHub, startProcess } from './hub-process'
import { startNginx } from './nginx'
import { ms, perSecond, reportRows } from './table'
import { wrkAvailable, wrkLoad } from './wrk'

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`)
  return index > 0 ? Number(process.argv[index + 1]) || fallback : fallback
}
const seconds = argument('seconds', 5)
const concurrency = argument('concurrency', 50)
// Cold renders are measured at the concurrency a handful of editors and cache misses make, not at 50.
const COLD_CONNECTIONS = 4
const GUIDANCE = '/care-areas/commissioning/commissioning-considerations-for-long-term-conditions'

await buildHub()

const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })

const request = ({ headers, url }: { headers: Record<string, string>; url: string }) =>
  new Promise<number>((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      res.resume()
      res.on('end', () => (res.statusCode === 200 ? resolve(res.statusCode) : reject(new Error(`${url} answered ${res.statusCode}`))))
    })
    req.on('error', reject)
  })

const useWrk = wrkAvailable()

/** A Node client stands in when wrk cannot be installed; it competes with the server for the cores. */
const nodeLoad = async ({
  connections,
  headers,
  seconds,
  unique,
  url,
}: {
  connections: number
  headers: Record<string, string>
  seconds: number
  unique: boolean
  url: string
}): Promise<LoadResult> => {
  const latencies: number[] = []
  const deadline = performance.now() + seconds * 1000
  let counter = 0
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now()
      await request({ headers, url: unique ? `${url}?n=${++counter}` : url })
      latencies.push(performance.now() - started)
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: connections }, worker))
  const elapsed = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!
  return { max: latencies.at(-1)!, p50: at(0.5), p99: at(0.99), rps: latencies.length / elapsed, timeouts: 0 }
}

const load = async ({
  connections = concurrency,
  headers = {},
  unique = false,
  url,
}: {
  connections?: number
  headers?: Record<string, string>
  unique?: boolean
  url: string
}) => {
  await request({ headers, url }) // warm-up (fills the page cache for cached targets)
  return useWrk ? wrkLoad({ connections, headers, seconds, unique, url }) : nodeLoad({ connections, headers, seconds, unique, url })
}

const signIn = async ({ base, email, password }: { base: string; email: string; password: string }): Promise<string> => {
  const response = await fetch(`${base}/api/users/login`, {
    body: JSON.stringify({ email, password }),
    headers: { 'content-type': 'application/json' },
    method: 'POST',
  })
  if (!response.ok) throw new Error(`sign-in as ${email} answered ${response.status}`)
  return ((await response.json()) as { token: string }).token
}

/** A professional's session: the account is made by the administrator, then signs in like anyone else. */
const professionalToken = async ({ adminCookie, base }: { adminCookie: string; base: string }): Promise<string> => {
  const account = { email: 'bench.professional@example.org', password: 'reading guidance quickly' }
  const created = await fetch(`${base}/api/users`, {
    body: JSON.stringify({ ...account, name: 'Bench Professional', roles: ['professional'] }),
    headers: { 'content-type': 'application/json', cookie: adminCookie },
    method: 'POST',
  })
  if (!created.ok) throw new Error(`creating the professional answered ${created.status}`)
  const token = await signIn({ base, ...account })
  // Checked, so the rows measure what they say: a professional's page comes from the cache.
  const url = `${base}${GUIDANCE}`
  await (await fetch(url, { headers: { cookie: `payload-token=${token}` } })).arrayBuffer()
  const second = await fetch(url, { headers: { cookie: `payload-token=${token}` } })
  if (second.headers.get('x-cache') !== 'HIT')
    throw new Error(`a professional's second read was ${second.headers.get('x-cache')}, not a cache hit`)
  return token
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-pages-'))
const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-static-'))
const hub = await startProcess({
  args: ['dist/start.js'],
  // The production log level: a line per request is part of what serving a page costs.
  env: {
    ADMIN_EMAIL: 'bench.owner@example.org',
    ADMIN_PASSWORD: 'measuring page speed',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    LOG_LEVEL: 'info',
    MEDIA_DIR: path.join(dataDir, 'media'),
  },
  readyPath: '/readyz',
})
let reference: StartedProcess | undefined
let nodeFloor: StartedProcess | undefined
try {
  // The reference serves byte-for-byte what the hub rendered.
  for (const [name, route] of [
    ['home.html', '/'],
    ['guidance.html', GUIDANCE],
  ] as const) {
    const response = await fetch(`${hub.base}${route}`)
    if (!response.ok) throw new Error(`${route} answered ${response.status}`)
    const html = Buffer.from(await response.arrayBuffer())
    fs.writeFileSync(path.join(staticDir, name), html)
    // nginx's gzip_static sends this to clients that take gzip, as the hub sends its stored compressed copy.
    fs.writeFileSync(path.join(staticDir, `${name}.gz`), zlib.gzipSync(html, { level: 9 }))
  }
  reference = await startNginx({ root: staticDir })
  nodeFloor = await startProcess({ args: ['bench/node-static.mjs', path.join(staticDir, 'guidance.html')], env: {}, readyPath: '/' })

  const editor = {
    cookie: `payload-token=${await signIn({ base: hub.base, email: 'bench.owner@example.org', password: 'measuring page speed' })}`,
  }
  const professional = { cookie: `payload-token=${await professionalToken({ adminCookie: editor.cookie, base: hub.base })}` }
  const measured = {
    nginxHome: await load({ url: `${reference.base}/home.html` }),
    home: await load({ url: `${hub.base}/` }),
    nginxGuidance: await load({ url: `${reference.base}/guidance.html` }),
    nodeFloor: await load({ url: `${nodeFloor.base}/` }),
    guidance: await load({ url: `${hub.base}${GUIDANCE}` }),
    nginxGzip: await load({ headers: { 'accept-encoding': 'gzip' }, url: `${reference.base}/guidance.html` }),
    gzip: await load({ headers: { 'accept-encoding': 'gzip' }, url: `${hub.base}${GUIDANCE}` }),
    br: await load({ headers: { 'accept-encoding': 'gzip, deflate, br' }, url: `${hub.base}${GUIDANCE}` }),
    professional: await load({ headers: professional, url: `${hub.base}${GUIDANCE}` }),
    cold: await load({ connections: COLD_CONNECTIONS, unique: true, url: `${hub.base}${GUIDANCE}` }),
    editor: await load({ connections: COLD_CONNECTIONS, headers: editor, url: `${hub.base}${GUIDANCE}` }),
  }
  console.log(
    `Page benchmark: ${seconds} s per target, ${concurrency} connections (cold renders ${COLD_CONNECTIONS}), load from ${useWrk ? 'wrk' : 'a Node client (wrk not installed)'} (node ${process.version}, ${os.cpus().length} cores)`,
  )
  const figure = (row: LoadResult) =>
    `${perSecond(row.rps)}, p50 ${ms(row.p50)}, p99 ${ms(row.p99)}, max ${ms(row.max)}${row.timeouts ? `, ${row.timeouts} timed out` : ''}`
  const cached = ({ name, hubRow, nginxRow }: { hubRow: LoadResult; name: string; nginxRow: LoadResult }): BenchRow => ({
    case: `${name} (${concurrency} connections)`,
    goal: '≥ 0.50x nginx, p99 < 50 ms',
    hub: figure(hubRow),
    met: hubRow.rps / nginxRow.rps >= 0.5 && hubRow.p99 < 50 && !hubRow.timeouts,
    ratio: hubRow.rps / nginxRow.rps,
    reference: `nginx ${figure(nginxRow)}`,
  })
  reportRows([
    cached({ hubRow: measured.guidance, name: 'guidance page, anonymous, cached', nginxRow: measured.nginxGuidance }),
    cached({ hubRow: measured.gzip, name: 'guidance page, anonymous, cached, gzip', nginxRow: measured.nginxGzip }),
    cached({ hubRow: measured.br, name: 'guidance page, anonymous, cached, br', nginxRow: measured.nginxGzip }),
    cached({ hubRow: measured.home, name: 'home page, anonymous, cached', nginxRow: measured.nginxHome }),
    {
      ...cached({ hubRow: measured.professional, name: 'guidance page, signed-in professional', nginxRow: measured.nginxGuidance }),
      goal: '≥ 0.50x nginx, p99 < 50 ms, none over 1 s',
      met:
        measured.professional.rps / measured.nginxGuidance.rps >= 0.5 &&
        measured.professional.p99 < 50 &&
        measured.professional.max < 1000 &&
        !measured.professional.timeouts,
    },
    {
      case: `the same page from bare node:http, one process (${concurrency} connections)`,
      goal: 'reference: the most one Node process serves',
      hub: figure(measured.nodeFloor),
      met: null,
      ratio: measured.nodeFloor.rps / measured.nginxGuidance.rps,
      reference: `nginx ${figure(measured.nginxGuidance)}`,
    },
    {
      case: `guidance page, cold render: a new address each time (${COLD_CONNECTIONS} connections)`,
      goal: '≥ 100 req/s, p50 ≤ 40 ms',
      hub: figure(measured.cold),
      met: measured.cold.rps >= 100 && measured.cold.p50 <= 40,
    },
    {
      case: `guidance page, editor: always rendered (${COLD_CONNECTIONS} connections)`,
      goal: 'reported',
      hub: figure(measured.editor),
      met: null,
    },
  ])
} finally {
  agent.destroy()
  await hub.stop()
  await reference?.stop()
  await nodeFloor?.stop()
  fs.rmSync(dataDir, { force: true, recursive: true })
  fs.rmSync(staticDir, { force: true, recursive: true })
}
