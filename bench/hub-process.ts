/** Starting the built hub (or any Node script) as a child process for the benchmarks that measure it over HTTP. */
import type { ChildProcess } from 'node:child_process'

import { spawn } from 'node:child_process'

import { freePort } from '../tests/helpers/ports'

/** Compiles the server bundle and the Next app when their sources changed, as `npm start` does. */
export const buildHub = async () => {
  const { ensureBuilt } = await import('../src/lib/build/next-build')
  const { buildServer } = await import('../src/lib/build/server-build')
  await buildServer({ root: process.cwd() })
  await ensureBuilt({ log: console.log, root: process.cwd() })
}

/**
 * The V8 flags `npm start` gives the web process (package.json): a bounded heap, so memory stays level under
 * traffic instead of growing until V8 decides to collect; no --enable-source-maps, which would keep every
 * loaded Next chunk's source map in memory (+130 MB).
 */
export const HUB_NODE_FLAGS = ['--max-old-space-size=256', '--max-semi-space-size=8']
// Extra flags for the hub under measurement, e.g. BENCH_HUB_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/profile" to see where its time goes.
const extraFlags = (process.env.BENCH_HUB_FLAGS ?? '').split(' ').filter(Boolean)

export type StartedProcess = { base: string; child: ChildProcess; stop: () => Promise<void> }

/** Starts `node <args>` on a free loopback port and waits (up to two minutes) until `readyPath` answers 200. */
export const startProcess = async ({
  args,
  env,
  onStdout,
  readyPath,
}: {
  args: string[]
  env: Record<string, string>
  /** Receives the child's standard output line by line; ignored when not given. */
  onStdout?: (line: string) => void
  readyPath: string
}): Promise<StartedProcess> => {
  const port = await freePort()
  const child = spawn(process.execPath, [...(args[0] === 'dist/start.js' ? [...HUB_NODE_FLAGS, ...extraFlags] : []), ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', onStdout ? 'pipe' : 'ignore', 'ignore'],
  })
  if (onStdout && child.stdout) {
    let pending = ''
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) onStdout(line)
    })
  }
  const base = `http://127.0.0.1:${port}`
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`)
    if (
      await fetch(`${base}${readyPath}`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break
    if (attempt >= 1200) throw new Error(`${args.join(' ')} was not ready after two minutes`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    base,
    child,
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}
