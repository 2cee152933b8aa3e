import type { ChildProcess } from 'node:child_process'

import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildServer, serverEntryFile } from '../../src/lib/build/server-build'
import { emptyTestDatabase, testDatabase } from '../helpers/hub'
import { tableCounts } from '../helpers/table-counts'

// Its own bundle: other test files build dist/ at the same time.
const OUT_DIR = path.join('dist', 'tests', `startup-${process.pid}`)
// Rows the job runner adds as it goes (scheduled jobs, their statistics), not start-up work.
const RUNTIME_TABLES = /^payload_jobs|^payload_kv$|^payload_locked_documents|^payload_preferences/

let dir: string
const children: ChildProcess[] = []

type Outcome = { code: null | number; output: string }

/** Starts a built entry point; resolves when it exits, or when a worker reports it is running. */
const run = ({ databaseUrl, entry }: { databaseUrl: string; entry: 'seed' | 'worker' }): Promise<Outcome> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [serverEntryFile({ entry, outDir: OUT_DIR, root: process.cwd() })], {
      env: {
        ...process.env,
        // A generated one-time password: the case where two first administrators once clashed.
        ADMIN_EMAIL: '',
        ADMIN_PASSWORD: '',
        DATA_DIR: dir,
        DATABASE_URL: databaseUrl,
        JOBS_CRON: '* * * * * *',
        LOG_LEVEL: 'info',
        MEDIA_DIR: path.join(dir, 'media'),
        NODE_ENV: 'production',
        PAYLOAD_SECRET: 'one secret for every instance',
        SEED_DEV_USERS: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    children.push(child)
    let output = ''
    const collect = (chunk: Buffer) => {
      output += chunk
      if (entry === 'worker' && output.includes('job worker running')) resolve({ code: 0, output })
    }
    child.stdout!.on('data', collect)
    child.stderr!.on('data', collect)
    child.once('exit', (code) => resolve({ code, output }))
  })

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-startup-'))
  await buildServer({ outDir: OUT_DIR, root: process.cwd() })
})

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  fs.rmSync(dir, { force: true, recursive: true })
  fs.rmSync(path.join(process.cwd(), OUT_DIR), { force: true, recursive: true })
})

describe.skipIf(testDatabase() === 'mongodb')(`instances started together on an empty database (${testDatabase()})`, () => {
  it('migrate and seed once: every instance comes up and the content matches a single start', { timeout: 180_000 }, async () => {
    const reference = await emptyTestDatabase({ dir })
    const alone = await run({ databaseUrl: reference, entry: 'seed' })
    expect(alone.code, alone.output).toBe(0)

    const shared = await emptyTestDatabase({ dir })
    const outcomes = await Promise.all([
      run({ databaseUrl: shared, entry: 'seed' }),
      run({ databaseUrl: shared, entry: 'seed' }),
      run({ databaseUrl: shared, entry: 'worker' }),
    ])
    for (const outcome of outcomes) expect(outcome.code, outcome.output).toBe(0)
    // One first administrator, printed by exactly one of the instances.
    expect(outcomes.filter((outcome) => outcome.output.includes('one-time password:')).length).toBe(1)

    const withoutRuntime = (counts: Record<string, number>) =>
      Object.fromEntries(Object.entries(counts).filter(([table]) => !RUNTIME_TABLES.test(table)))
    const expected = withoutRuntime(await tableCounts({ databaseUrl: reference }))
    const actual = withoutRuntime(await tableCounts({ databaseUrl: shared }))
    expect(expected.people).toBeGreaterThan(0)
    expect(actual).toEqual(expected)
    // The SQLite lock file goes with its holder: nothing is left for the next start to wait on.
    expect(fs.readdirSync(dir).filter((name) => name.includes('startup-lock'))).toEqual([])
  })
})
