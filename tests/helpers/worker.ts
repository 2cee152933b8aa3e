import type { ChildProcess } from 'node:child_process'

import { spawn } from 'node:child_process'

import { serverEntryFile } from '../../src/lib/build/server-build'
import { buildCommands } from './commands'
import { loopbackSmtp } from './smtp'
import { waitFor } from './wait'

/** Everything the workers of one test printed, in order; read it to wait for or check a log line. */
export type WorkerOutput = { text: string }

/** Polls until `check` holds; the deadline only bounds a hang, it is not what a test measures. */
export const until = async ({
  check,
  output,
  timeoutMs = 120_000,
  what,
}: {
  check: () => boolean | Promise<boolean>
  output?: WorkerOutput
  timeoutMs?: number
  what: string
}) => {
  if (!(await waitFor({ check, intervalMs: 100, timeoutMs })))
    throw new Error(`timed out waiting until ${what}${output ? `\n--- worker output ---\n${output.text.slice(-4000)}` : ''}`)
}

/**
 * Starts the built job worker (`npm run worker`'s dist/worker.js, from `outDir`) with the test's
 * environment plus `env`, and waits until it says it is running. Its output is appended to `output`.
 */
export const startBuiltWorker = async ({
  env,
  outDir,
  output,
}: {
  env: Record<string, string>
  outDir: string
  output: WorkerOutput
}): Promise<ChildProcess> => {
  const worker = spawn(process.execPath, [serverEntryFile({ entry: 'worker', outDir, root: process.cwd() })], {
    env: { ...process.env, LOG_LEVEL: 'info', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const started = output.text.length
  worker.stdout!.on('data', (chunk) => (output.text += chunk))
  worker.stderr!.on('data', (chunk) => (output.text += chunk))
  await until({
    check: () => output.text.slice(started).includes('job worker running') || worker.exitCode !== null,
    output,
    timeoutMs: 60_000,
    what: 'the worker starts',
  })
  if (worker.exitCode !== null) throw new Error(`worker exited with ${worker.exitCode}:\n${output.text}`)
  return worker
}

/**
 * The built workers of one test file, from a bundle of its own (other worker tests build dist/ at the same
 * time), each sending mail to the test's SMTP server. `stop` kills any still running and removes the bundle.
 */
export const builtWorkers = async ({ name, output, smtpPort }: { name: string; output: WorkerOutput; smtpPort: number }) => {
  const bundle = await buildCommands({ name })
  const workers: ChildProcess[] = []
  const killAll = () => {
    for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL')
  }
  return {
    killAll,
    start: async ({ env }: { env: Record<string, string> }) => {
      const worker = await startBuiltWorker({ env: { ...env, ...loopbackSmtp({ port: smtpPort }) }, outDir: bundle.outDir, output })
      workers.push(worker)
      return worker
    },
    stop: () => {
      killAll()
      bundle.remove()
    },
  }
}

/** Kills the worker with SIGKILL, as a crash or an operator's `kill -9` would, and waits until it is gone. */
export const killWorker = async ({ worker }: { worker: ChildProcess }) => {
  const gone =
    worker.exitCode !== null || worker.signalCode !== null ? Promise.resolve() : new Promise((resolve) => worker.once('exit', resolve))
  worker.kill('SIGKILL')
  await gone
}

/** The JSON log lines of `output` with this `msg`. */
export const logLines = ({ msg, output, since = 0 }: { msg: string; output: WorkerOutput; since?: number }): Record<string, unknown>[] =>
  output.text
    .slice(since)
    .split('\n')
    .flatMap((line) => {
      if (!line.includes(msg)) return []
      try {
        const entry = JSON.parse(line) as Record<string, unknown>
        return entry.msg === msg ? [entry] : []
      } catch {
        return []
      }
    })
