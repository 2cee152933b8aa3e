/**
 * wrk (Debian's package) as the load generator for HTTP benchmarks: written in C, it leaves the cores to the
 * servers being measured, where a Node client would compete with them. Installed with apt-get when missing and
 * running as root; otherwise null, and the caller falls back to its own client.
 */
import { execFile, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const WRK = '/usr/bin/wrk'

/** Latencies in ms; `timeouts`: requests wrk gave up on after its 2 s timeout (not in the latencies). */
export type LoadResult = { max: number; p50: number; p99: number; rps: number; timeouts: number }

/** Whether wrk can be used, installing it first when possible. */
export const wrkAvailable = (): boolean => {
  if (fs.existsSync(WRK)) return true
  if (process.getuid?.() !== 0) return false
  const result = spawnSync('apt-get', ['install', '-y', '-qq', 'wrk'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: 'ignore',
  })
  return result.status === 0 && fs.existsSync(WRK)
}

const MS_PER_UNIT: Record<string, number> = { ms: 1, s: 1000, us: 0.001 }

/** "19.20ms" → 19.2; wrk prints latencies in us, ms or s. */
const milliseconds = (text: string): number => {
  const match = /^([\d.]+)(us|ms|s)$/.exec(text)
  if (!match) throw new Error(`wrk printed a latency it could not be read from: ${text}`)
  return Number(match[1]) * MS_PER_UNIT[match[2]!]!
}

// Each request asks for its own address (`?n=<counter>`), so none is answered from the page cache.
const UNIQUE_ADDRESSES = `counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "?n=" .. counter .. "-" .. math.random(1e9))
end`

/**
 * Loads `url` for `seconds` with `connections` keep-alive connections; any answer but 2xx/3xx fails the run.
 * `unique` gives every request its own query string (a cache miss each time).
 */
export const wrkLoad = async ({
  connections,
  headers = {},
  seconds,
  unique = false,
  url,
}: {
  connections: number
  headers?: Record<string, string>
  seconds: number
  unique?: boolean
  url: string
}): Promise<LoadResult> => {
  const script = unique ? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wrk-')), 'unique.lua') : undefined
  if (script) fs.writeFileSync(script, UNIQUE_ADDRESSES)
  const threads = String(Math.min(2, connections))
  const args = [
    '-t',
    threads,
    '-c',
    String(connections),
    '-d',
    `${seconds}s`,
    '--latency',
    ...(script ? ['-s', script] : []),
    ...Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]),
    url,
  ]
  const { stdout } = await promisify(execFile)(WRK, args)
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)
  if (non2xx) throw new Error(`${url} answered ${non2xx[1]} requests with an error status under load`)
  const percentile = (p: string) => milliseconds(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(stdout)?.[1] ?? '')
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1])
  if (!Number.isFinite(rps)) throw new Error(`wrk printed no rate:\n${stdout}`)
  // "Latency   avg   stdev   max   +/- stdev"
  const max = milliseconds(/^\s+Latency\s+\S+\s+\S+\s+(\S+)/m.exec(stdout)?.[1] ?? '')
  const timeouts = Number(/Socket errors:.*timeout (\d+)/.exec(stdout)?.[1] ?? 0)
  if (script) fs.rmSync(path.dirname(script), { force: true, recursive: true })
  return { max, p50: percentile('50'), p99: percentile('99'), rps, timeouts }
}
