/**
 * wrk (Debian's package) as the load generator for HTTP benchmarks: written in C, it leaves the cores to the
 * servers being measured, where a Node client would compete with them. Installed with apt-get when missing and
 * running as root; otherwise null, and the caller falls back to its own client.
 */
import { execFile, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { promisify } from 'node:util'

const WRK = '/usr/bin/wrk'

export type LoadResult = { p50: number; p99: number; rps: number }

/** Whether wrk can be used, installing it first when possible. */
export const wrkAvailable = (): boolean => {
  if (fs.existsSync(WRK)) return true
  if (process.getuid?.() !== 0) return false
  const result = spawnSync('apt-get', ['install', '-y', '-qq', 'wrk'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, stdio: 'ignore' })
  return result.status === 0 && fs.existsSync(WRK)
}

const MS_PER_UNIT: Record<string, number> = { ms: 1, s: 1000, us: 0.001 }

/** "19.20ms" → 19.2; wrk prints latencies in us, ms or s. */
const milliseconds = (text: string): number => {
  const match = /^([\d.]+)(us|ms|s)$/.exec(text)
  if (!match) throw new Error(`wrk printed a latency it could not be read from: ${text}`)
  return Number(match[1]) * MS_PER_UNIT[match[2]!]!
}

/** Loads `url` for `seconds` with `connections` keep-alive connections; any answer but 2xx/3xx fails the run. */
export const wrkLoad = async ({ connections, headers = {}, seconds, url }: { connections: number; headers?: Record<string, string>; seconds: number; url: string }): Promise<LoadResult> => {
  const args = ['-t', '2', '-c', String(connections), '-d', `${seconds}s`, '--latency', ...Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]), url]
  const { stdout } = await promisify(execFile)(WRK, args)
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)
  if (non2xx) throw new Error(`${url} answered ${non2xx[1]} requests with an error status under load`)
  const percentile = (p: string) => milliseconds(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(stdout)?.[1] ?? '')
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1])
  if (!Number.isFinite(rps)) throw new Error(`wrk printed no rate:\n${stdout}`)
  return { p50: percentile('50'), p99: percentile('99'), rps }
}
