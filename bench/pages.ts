/**
 * Throughput and tail latency of site pages, against nginx serving the same HTML.
 *
 *   node --import tsx bench/pages.ts [--seconds 5] [--concurrency 16]
 *
 * Starts the built hub on a fresh, seeded SQLite database and, as the reference, nginx (bench/nginx.ts)
 * serving the exact HTML the hub produced (and its gzip), both in their own processes on this machine. Each target
 * is loaded for the same time with the same number of keep-alive connections. "Professional" rows are a
 * signed-in professional (one cached copy per audience, the session checked on every request); "rendered" rows
 * are an editor, whose pages are never cached, showing what a cache miss costs. Prints requests/s, p50 and p99,
 * and ratios against nginx.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'

import type { StartedProcess } from './hub-process'

import { buildHub, startProcess } from './hub-process'
import { startNginx } from './nginx'
import { wrkAvailable, wrkLoad } from './wrk'

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`)
  return index > 0 ? Number(process.argv[index + 1]) || fallback : fallback
}
const seconds = argument('seconds', 5)
const concurrency = argument('concurrency', 16)
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

const load = async ({ headers = {}, url }: { headers?: Record<string, string>; url: string }) => {
  await request({ headers, url }) // warm-up (fills the page cache for cached targets)
  if (useWrk) return wrkLoad({ connections: concurrency, headers, seconds, url })
  const latencies: number[] = []
  const deadline = performance.now() + seconds * 1000
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now()
      await request({ headers, url })
      latencies.push(performance.now() - started)
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: concurrency }, worker))
  const elapsed = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]
  return { p50: at(0.5), p99: at(0.99), rps: latencies.length / elapsed }
}

const signIn = async ({ base, email, password }: { base: string; email: string; password: string }): Promise<string> => {
  const response = await fetch(`${base}/api/users/login`, { body: JSON.stringify({ email, password }), headers: { 'content-type': 'application/json' }, method: 'POST' })
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
  if (second.headers.get('x-cache') !== 'HIT') throw new Error(`a professional's second read was ${second.headers.get('x-cache')}, not a cache hit`)
  return token
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-pages-'))
const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-static-'))
const hub = await startProcess({
  args: ['dist/start.js'],
  env: { ADMIN_EMAIL: 'bench.owner@example.org', ADMIN_PASSWORD: 'measuring page speed', DATA_DIR: dataDir, DATABASE_URL: '', MEDIA_DIR: path.join(dataDir, 'media') },
  readyPath: '/readyz',
})
let reference: StartedProcess | undefined
try {
  // The reference serves byte-for-byte what the hub rendered.
  for (const [name, route] of [['home.html', '/'], ['guidance.html', GUIDANCE]] as const) {
    const response = await fetch(`${hub.base}${route}`)
    if (!response.ok) throw new Error(`${route} answered ${response.status}`)
    const html = Buffer.from(await response.arrayBuffer())
    fs.writeFileSync(path.join(staticDir, name), html)
    // nginx's gzip_static sends this to clients that take gzip, as the hub sends its stored compressed copy.
    fs.writeFileSync(path.join(staticDir, `${name}.gz`), zlib.gzipSync(html, { level: 9 }))
  }
  reference = await startNginx({ root: staticDir })

  const editor = { cookie: `payload-token=${await signIn({ base: hub.base, email: 'bench.owner@example.org', password: 'measuring page speed' })}` }
  const professional = { cookie: `payload-token=${await professionalToken({ adminCookie: editor.cookie, base: hub.base })}` }
  const rows: [string, Awaited<ReturnType<typeof load>>][] = [
    ['nginx: home', await load({ url: `${reference.base}/home.html` })],
    ['hub: home (cached)', await load({ url: `${hub.base}/` })],
    ['hub: home (professional)', await load({ headers: professional, url: `${hub.base}/` })],
    ['hub: home (rendered)', await load({ headers: editor, url: `${hub.base}/` })],
    ['nginx: guidance page', await load({ url: `${reference.base}/guidance.html` })],
    ['nginx: guidance page (gzip)', await load({ headers: { 'accept-encoding': 'gzip' }, url: `${reference.base}/guidance.html` })],
    ['hub: guidance page (cached, gzip)', await load({ headers: { 'accept-encoding': 'gzip' }, url: `${hub.base}${GUIDANCE}` })],
    ['hub: guidance page (cached)', await load({ url: `${hub.base}${GUIDANCE}` })],
    ['hub: guidance page (cached, br)', await load({ headers: { 'accept-encoding': 'gzip, deflate, br' }, url: `${hub.base}${GUIDANCE}` })],
    ['hub: guidance (professional)', await load({ headers: professional, url: `${hub.base}${GUIDANCE}` })],
    ['hub: guidance page (rendered)', await load({ headers: editor, url: `${hub.base}${GUIDANCE}` })],
  ]
  console.log(`Page benchmark: ${seconds} s per target, ${concurrency} connections, load from ${useWrk ? 'wrk' : 'a Node client (wrk not installed)'} (node ${process.version}, ${os.cpus().length} cores)`)
  console.log(`  ${'target'.padEnd(34)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`)
  for (const [name, row] of rows) {
    console.log(`  ${name.padEnd(34)} ${row.rps.toFixed(0).padStart(8)} ${row.p50.toFixed(1).padStart(8)} ${row.p99.toFixed(1).padStart(8)}`)
  }
  const byName = Object.fromEntries(rows)
  const ratio = (hubRow: string, staticRow: string) =>
    `req/s ${(byName[hubRow].rps / byName[staticRow].rps).toFixed(2)}x, p99 ${(byName[hubRow].p99 / byName[staticRow].p99).toFixed(2)}x`
  console.log('Ratios against nginx serving the same HTML (req/s: higher is better; p99: lower is better)')
  console.log(`  home, cached:            ${ratio('hub: home (cached)', 'nginx: home')}`)
  console.log(`  guidance, cached:        ${ratio('hub: guidance page (cached)', 'nginx: guidance page')}`)
  console.log(`  home, professional:      ${ratio('hub: home (professional)', 'nginx: home')}`)
  console.log(`  guidance, cached, gzip:  ${ratio('hub: guidance page (cached, gzip)', 'nginx: guidance page (gzip)')}`)
  console.log(`  guidance, cached, br:    ${ratio('hub: guidance page (cached, br)', 'nginx: guidance page (gzip)')}`)
  console.log(`  guidance, professional:  ${ratio('hub: guidance (professional)', 'nginx: guidance page')}`)
  console.log(`  home, rendered:          ${ratio('hub: home (rendered)', 'nginx: home')}`)
  console.log(`  guidance, rendered:      ${ratio('hub: guidance page (rendered)', 'nginx: guidance page')}`)
} finally {
  agent.destroy()
  await hub.stop()
  await reference?.stop()
  fs.rmSync(dataDir, { force: true, recursive: true })
  fs.rmSync(staticDir, { force: true, recursive: true })
}
