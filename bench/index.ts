/**
 * Every benchmark, one after another, then one table of all their rows (bench/table.ts).
 *
 *   npm run bench [-- --only pages,search] [-- --skip soak] [-- --soak-minutes 30]
 *
 * Each benchmark runs in its own process, as `npm run bench:<name>` would run it alone, so none inherits
 * another's memory or warm caches; they run in turn, never together, so none competes for the cores.
 * `--soak-minutes N` sets both halves of the soak (idle, then mixed traffic); the default is the goal's 30.
 * Exits non-zero when a benchmark fails (not when a goal is missed: the table says which are).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { BenchRow } from './table'

import { formatTable } from './table'

const option = (name: string): string | undefined => {
  const index = process.argv.indexOf(`--${name}`)
  return index > 0 ? process.argv[index + 1] : undefined
}
const soakMinutes = option('soak-minutes') ?? '30'
const BENCHMARKS: { args: string[]; name: string; nodeArgs?: string[] }[] = [
  { args: [], name: 'startup' },
  { args: [], name: 'pages' },
  { args: [], name: 'search' },
  { args: [], name: 'newsletter' },
  { args: ['--idle-minutes', soakMinutes, '--mixed-minutes', soakMinutes], name: 'soak' },
]
const only = option('only')?.split(',')
const skip = option('skip')?.split(',') ?? []
const unknown = [...(only ?? []), ...skip].filter((name) => !BENCHMARKS.some((bench) => bench.name === name))
if (unknown.length) {
  console.error(`No benchmark called ${unknown.join(', ')}; there are: ${BENCHMARKS.map((bench) => bench.name).join(', ')}`)
  process.exit(2)
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-rows-'))
const rows: BenchRow[] = []
const failed: string[] = []
const started = performance.now()
for (const bench of BENCHMARKS) {
  if ((only && !only.includes(bench.name)) || skip.includes(bench.name)) continue
  const file = path.join(dir, `${bench.name}.json`)
  console.log(`\n== ${bench.name}`)
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', ...(bench.nodeArgs ?? []), `bench/${bench.name}.ts`, ...bench.args, '--rows-out', file],
    { stdio: 'inherit' },
  )
  if (result.status !== 0 || !fs.existsSync(file)) {
    failed.push(bench.name)
    continue
  }
  rows.push(...(JSON.parse(fs.readFileSync(file, 'utf8')) as BenchRow[]).map((row) => ({ ...row, case: `${bench.name}: ${row.case}` })))
}
fs.rmSync(dir, { force: true, recursive: true })

console.log(
  `\nAll benchmarks (${((performance.now() - started) / 60_000).toFixed(0)} min; node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB):\n`,
)
console.log(formatTable(rows))
const missed = rows.filter((row) => row.met === false).length
console.log(
  `\n${rows.filter((row) => row.met === true).length} goals met, ${missed} not met${failed.length ? `; failed to run: ${failed.join(', ')}` : ''}`,
)
if (failed.length) process.exit(1)
