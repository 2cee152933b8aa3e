import type { ChildProcess } from 'node:child_process'

import { expect, test } from '@playwright/test'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

import type { PostgresCluster } from '../helpers/postgres'

import { postgresAvailable, startPostgresCluster } from '../helpers/postgres'
import { waitFor } from '../helpers/wait'

// A hub of its own on a private PostgreSQL cluster, so the database can be stopped under it.
const port = String(Number(process.env.E2E_PORT) + 2)
const base = `http://127.0.0.1:${port}`
let cluster: PostgresCluster
let databaseUrl: string
let server: ChildProcess
let dataDir: string
let output = ''

/** Polls until `check` holds, true if it did in time; a request that fails counts as not yet. */
const until = (check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> =>
  waitFor({ check: () => check().catch(() => false), intervalMs: 200, timeoutMs })

// Questions of the burst below (outage-100 to outage-119) stored, or being inserted by a hub connection.
const BURST_AT_WORK = `SELECT (
  (SELECT count(*) FROM questions WHERE email LIKE 'outage-1__@example.org')
  + (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle' AND query ILIKE 'insert into "questions"%')
)::int AS n`

const status = (pathname: string, init?: RequestInit) => fetch(`${base}${pathname}`, init).then((response) => response.status)

const ask = (n: number) =>
  fetch(`${base}/api/questions`, {
    body: JSON.stringify({
      email: `outage-${n}@example.org`,
      name: `Outage Asker ${n}`,
      question: `Question ${n} sent around a database outage.`,
    }),
    headers: { 'content-type': 'application/json', origin: base },
    method: 'POST',
  })

test.describe('a PostgreSQL outage', () => {
  test.skip(!postgresAvailable(), 'PostgreSQL binaries not found (set POSTGRES_BIN)')
  test.describe.configure({ mode: 'serial', timeout: 180_000 })

  test.beforeAll(async () => {
    test.setTimeout(240_000)
    cluster = await startPostgresCluster()
    databaseUrl = cluster.createDatabase('outage')
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-e2e-outage-'))
    server = spawn(process.execPath, ['dist/start.js'], {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        DATABASE_POOL_MAX: '4',
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: 'fatal',
        MEDIA_DIR: path.join(dataDir, 'media'),
        PORT: port,
        QUESTION_RATE_LIMIT_MAX: '1000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    server.stdout!.on('data', (chunk) => (output += chunk))
    server.stderr!.on('data', (chunk) => (output += chunk))
    expect(await until(async () => (await status('/readyz')) === 200, 200_000), output).toBe(true)
  })

  test.afterAll(() => {
    if (server?.exitCode === null) server.kill('SIGKILL')
    cluster?.remove()
    fs.rmSync(dataDir, { force: true, recursive: true })
  })

  test('pages answer 503 with Retry-After, search falls back, forms keep what was typed, and all is well seconds after', async ({
    browser,
  }) => {
    // Visited once while the database is up, as any running hub has been.
    for (const pathname of ['/', '/ask', '/search?q=diabetes']) expect(await status(pathname)).toBe(200)
    const withScript = await browser.newPage()
    await withScript.goto(`${base}/ask`)
    const noScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage()
    await noScript.goto(`${base}/ask`)
    const typed = { email: 'kept@example.org', name: 'Kept Asker', question: 'Typed while the database was down: is it still here?' }
    for (const form of [withScript, noScript]) {
      await form.getByLabel('Full name').fill(typed.name)
      await form.getByLabel('Email address').fill(typed.email)
      await form.getByLabel('Your question').fill(typed.question)
    }

    cluster.stop()
    try {
      expect(await status('/readyz')).toBe(503)
      // The process itself is fine: nothing for a supervisor to restart.
      expect(await status('/healthz')).toBe(200)

      // A page that needs the database: 503 and a time to come back.
      const page = await fetch(`${base}/updates?page=1&outage=1`)
      expect(page.status).toBe(503)
      expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0)

      // Search answers from the index it holds, as the API does.
      const search = await fetch(`${base}/search?q=diabetes`)
      expect(search.status).toBe(200)
      expect(await search.text()).toMatch(/results? for|result/i)
      expect((await fetch(`${base}/api/search?q=diabetes`)).status).toBe(200)

      // The API refuses clearly.
      const refused = await ask(0)
      expect(refused.status).toBe(503)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)

      // With JavaScript: the form says it was not sent and keeps every word.
      await withScript.getByRole('button', { name: 'Send your question' }).click()
      await expect(withScript.locator('.nhsuk-error-summary')).toContainText('has not been sent')
      await expect(withScript.getByLabel('Your question')).toHaveValue(typed.question)
      await expect(withScript.getByLabel('Full name')).toHaveValue(typed.name)

      // Without JavaScript: a 503 page with the form and every word.
      const [response] = await Promise.all([
        noScript.waitForResponse((answer) => answer.request().method() === 'POST'),
        noScript.getByRole('button', { name: 'Send your question' }).click(),
      ])
      expect(response.status()).toBe(503)
      await expect(noScript.getByLabel('Your question')).toHaveValue(typed.question)
      await expect(noScript.getByLabel('Email address')).toHaveValue(typed.email)

      // Signing in: not "wrong password", but unavailable, with the email kept and the password not.
      const signIn = await fetch(`${base}/login/session`, {
        body: new URLSearchParams({ email: 'someone@example.org', next: '/', password: 'a password typed' }),
        headers: { origin: base },
        method: 'POST',
        redirect: 'manual',
      })
      expect(signIn.status).toBe(503)
      const signInPage = await signIn.text()
      expect(signInPage).toContain('value="someone@example.org"')
      expect(signInPage).not.toContain('a password typed')

      // Feedback: the comment comes back ready to send again.
      const feedback = await fetch(`${base}/feedback`, {
        body: new URLSearchParams({ comment: 'A comment worth keeping', page: '1', returnTo: '/', useful: 'yes' }),
        headers: { origin: base },
        method: 'POST',
        redirect: 'manual',
      })
      expect(feedback.status).toBe(503)
      expect(await feedback.text()).toContain('A comment worth keeping')
    } finally {
      cluster.start()
    }
    // Serving again within seconds of the database's return.
    expect(await until(async () => (await status('/readyz')) === 200, 15_000)).toBe(true)
    expect(await until(async () => (await ask(1)).status === 201, 15_000)).toBe(true)
    await withScript.getByRole('button', { name: 'Send your question' }).click()
    await expect(withScript).toHaveURL(/\/ask\/thank-you/)
  })

  test('requests in flight when the database goes all end, and nothing is left holding a transaction', async () => {
    const monitor = new pg.Client({ connectionString: databaseUrl })
    await monitor.connect()
    const inFlight = Array.from({ length: 20 }, (_, n) => ask(100 + n).then((response) => response.status))
    try {
      // The database goes once the hub is at work on them: one is being written (in a transaction) or stored.
      const atWork = await waitFor({
        check: async () => (await monitor.query(BURST_AT_WORK)).rows[0].n > 0,
        intervalMs: 10,
        timeoutMs: 30_000,
      })
      expect(atWork, 'no question of the burst reached the database').toBe(true)
    } finally {
      await monitor.end()
    }
    cluster.stop()
    let statuses: number[]
    try {
      statuses = await Promise.all(inFlight)
    } finally {
      cluster.start()
    }
    for (const code of statuses) expect([201, 503]).toContain(code)
    expect(await until(async () => (await status('/readyz')) === 200, 15_000)).toBe(true)
    expect(await until(async () => (await ask(200)).status === 201, 15_000)).toBe(true)
    // Each accepted question is stored, and no session sits idle in a transaction.
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    try {
      const stored = await client.query(`SELECT count(*)::int AS n FROM questions WHERE email LIKE 'outage-1__@example.org'`)
      expect(stored.rows[0].n).toBe(statuses.filter((code) => code === 201).length)
      const idle = await client.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
      )
      expect(idle.rows[0].n).toBe(0)
    } finally {
      await client.end()
    }
  })
})
