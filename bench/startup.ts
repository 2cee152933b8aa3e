/**
 * Start-up and idle footprint of the built hub (it builds first when the build is stale).
 *
 *   node --import tsx bench/startup.ts [--runs 3] [--no-fresh-clone]
 *
 * Measures, per run: cold start on an empty SQLite database (migrate + seed + Next) to the first /readyz 200,
 * warm restart on the same database, first home page and first REST answer, idle RSS; and, as the
 * reference in the same process, a bare Express server started the same way. Then, unless told not to, a
 * fresh clone of this repository's HEAD started as the README says (`npm ci && npm start`), to ready.
 */
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { BenchRow } from './table'

import { freePort } from '../tests/helpers/ports'
import { HUB_NODE_FLAGS } from './hub-process'
import { ms, reportRows } from './table'

// Time start-up, not a rebuild: bring the production build up to date first.
const { ensureBuilt } = await import('../src/lib/build/next-build')
const { buildServer } = await import('../src/lib/build/server-build')
await buildServer({ root: process.cwd() })
await ensureBuilt({ log: console.log, root: process.cwd() })

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3

const waitFor = async ({ alive, deadline, url }: { alive: () => boolean; deadline: number; url: string }): Promise<void> => {
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`the server exited before ${url} answered`)
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    )
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`${url} did not answer in time`)
}

const rssMb = (pid: number): number => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return kb / 1024
}

const launch = async ({ args, env }: { args: string[]; env: Record<string, string> }) => {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, LOG_LEVEL: 'warn', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const base = `http://127.0.0.1:${port}`
  await waitFor({ alive: () => child.exitCode === null, deadline: Date.now() + 120_000, url: `${base}/readyz` }).catch((error: Error) => {
    child.kill('SIGKILL')
    throw new Error(`${error.message}\n${output}`)
  })
  const readyMs = performance.now() - started
  const stop = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  return { base, child, readyMs, stop }
}

const timed = async (url: string): Promise<number> => {
  const started = performance.now()
  const response = await fetch(url)
  await response.arrayBuffer()
  if (!response.ok) throw new Error(`${url} answered ${response.status}`)
  return performance.now() - started
}

const reference = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-ref-'))
const referenceServer = path.join(reference, 'server.mjs')
fs.writeFileSync(
  referenceServer,
  `import express from ${JSON.stringify(import.meta.resolve('express'))}
const app = express()
app.get('/readyz', (_req, res) => res.json({ status: 'ready' }))
app.listen(Number(process.env.PORT), '127.0.0.1')
process.on('SIGTERM', () => process.exit(0))
`,
)

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const rows: Record<string, number[]> = {}
const record = (name: string, value: number) => (rows[name] ||= []).push(value)

for (let run = 0; run < runs; run++) {
  const ref = await launch({ args: [referenceServer], env: {} })
  record('reference: bare Express ready (ms)', ref.readyMs)
  record('reference: bare Express idle RSS (MB)', rssMb(ref.child.pid!))
  await ref.stop()

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-'))
  const env = { ADMIN_EMAIL: 'startup@example.org', ADMIN_PASSWORD: 'timing the hub start-up', DATA_DIR: dataDir, DATABASE_URL: '' }
  const cold = await launch({ args: [...HUB_NODE_FLAGS, 'dist/start.js'], env })
  record('hub cold start, empty database (ms)', cold.readyMs)
  record('hub first home page (ms)', await timed(`${cold.base}/`))
  record('hub first REST answer (ms)', await timed(`${cold.base}/api/globals/site-settings`))
  await new Promise((resolve) => setTimeout(resolve, 2_000))
  record('hub idle RSS (MB)', rssMb(cold.child.pid!))
  await cold.stop()

  const warm = await launch({ args: [...HUB_NODE_FLAGS, 'dist/start.js'], env })
  record('hub warm restart (ms)', warm.readyMs)
  await warm.stop()
  fs.rmSync(dataDir, { force: true, recursive: true })
}
fs.rmSync(reference, { force: true, recursive: true })

/** `git clone` of this repository's HEAD, then `npm ci && npm start` as the README says, timed to the first /readyz 200. */
const freshClone = async (): Promise<number> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-clone-'))
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-clone-data-'))
  const port = await freePort()
  const log = path.join(dataDir, 'clone.log')
  const started = performance.now()
  execFileSync('git', ['clone', '--quiet', process.cwd(), dir])
  const child = spawn('sh', ['-c', `npm ci --no-audit --no-fund && npm start`], {
    cwd: dir,
    detached: true,
    env: {
      ...process.env,
      ADMIN_EMAIL: 'clone@example.org',
      ADMIN_PASSWORD: 'timing the first start of a new copy',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      PORT: String(port),
    },
    stdio: ['ignore', fs.openSync(log, 'w'), fs.openSync(log, 'a')],
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  try {
    await waitFor({ alive: () => child.exitCode === null, deadline: Date.now() + 600_000, url: `http://127.0.0.1:${port}/readyz` })
    return performance.now() - started
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${fs.readFileSync(log, 'utf8').split('\n').slice(-30).join('\n')}`, { cause: error })
  } finally {
    // npm runs the hub as a grandchild: the whole group is stopped (if it is still running).
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM')
    await exited
    fs.rmSync(dir, { force: true, recursive: true })
    fs.rmSync(dataDir, { force: true, recursive: true })
  }
}
const cloneMs = process.argv.includes('--no-fresh-clone') ? undefined : await freshClone()

console.log(`Start-up benchmark, ${runs} run(s), median shown (node ${process.version}, ${os.cpus().length} cores)`)
const at = (name: string) => median(rows[name]!)!
const startRow = ({ name, title }: { name: string; title: string }): BenchRow => ({
  case: title,
  goal: '≤ 3 s',
  hub: ms(at(name)),
  met: at(name) <= 3_000,
  ratio: at('reference: bare Express ready (ms)') / at(name),
  reference: `bare Express ${ms(at('reference: bare Express ready (ms)'))}`,
})
const table: BenchRow[] = [
  startRow({ name: 'hub warm restart (ms)', title: 'start to ready, existing database' }),
  startRow({ name: 'hub cold start, empty database (ms)', title: 'first start to ready: empty database, migrate and seed' }),
  { case: 'first home page after start (a render)', goal: 'reported', hub: ms(at('hub first home page (ms)')), met: null },
  { case: 'first REST answer after start', goal: 'reported', hub: ms(at('hub first REST answer (ms)')), met: null },
  {
    case: 'RSS 2 s after start, idle',
    goal: '< 300 MB',
    hub: `${at('hub idle RSS (MB)').toFixed(0)} MB`,
    met: at('hub idle RSS (MB)') < 300,
    reference: `bare Express ${at('reference: bare Express idle RSS (MB)').toFixed(0)} MB`,
  },
]
if (cloneMs !== undefined)
  table.push({
    case: 'fresh clone: npm ci && npm start, to ready',
    goal: '< 2 min',
    hub: `${(cloneMs / 1000).toFixed(0)} s`,
    met: cloneMs < 120_000,
  })
reportRows(table)
