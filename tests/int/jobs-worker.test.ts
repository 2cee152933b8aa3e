import type { ChildProcess } from 'node:child_process'

import { spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { buildServer, serverEntryFile } from '../../src/lib/build/server-build'
import { startTestHub } from '../helpers/hub'
import { scheduleDraftUpdate, waitForStatus } from '../helpers/schedule'
import { waitFor } from '../helpers/wait'

let hub: TestHub
let worker: ChildProcess
let output = ''

beforeAll(async () => {
  // This process is a web instance with JOBS_AUTORUN=false; only the worker runs jobs.
  hub = await startTestHub()
  await buildServer({ root: process.cwd() })
  worker = spawn(process.execPath, [serverEntryFile({ entry: 'worker', root: process.cwd() })], {
    env: { ...process.env, JOBS_CRON: '* * * * * *', LOG_LEVEL: 'info', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  worker.stdout!.on('data', (chunk) => (output += chunk))
  worker.stderr!.on('data', (chunk) => (output += chunk))
  await waitFor({ check: () => output.includes('job worker running') || worker.exitCode !== null, intervalMs: 100, timeoutMs: 60_000 })
  if (!output.includes('job worker running')) throw new Error(`worker did not start:\n${output}`)
})

afterAll(async () => {
  if (worker && worker.exitCode === null) worker.kill('SIGKILL')
  await hub?.cleanup()
})

describe('separate worker (npm run worker)', () => {
  it('publishes a scheduled draft that the web instance does not run itself', async () => {
    expect(hub.payload.crons).toHaveLength(0)
    const draft = await scheduleDraftUpdate({ inSeconds: 1, payload: hub.payload })
    expect(await waitForStatus({ id: draft.id, payload: hub.payload, status: 'published', timeoutMs: 30_000 })).toBe('published')
  })

  it('exits with code 0 on SIGTERM after draining', async () => {
    const exited = new Promise<null | number>((resolve) => worker.once('exit', resolve))
    worker.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(output).toContain('shutdown complete')
  })
})
