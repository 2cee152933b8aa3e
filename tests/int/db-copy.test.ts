import type { Pool } from 'pg'

import { createClient } from '@libsql/client'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { normaliseValue, rowDigest } from '../../src/lib/db/row-digest'
import { findDelivery } from '../../src/lib/email/deliveries'
import { digestOf } from '../../src/lib/search/digest'
import { createEmbeddedEngine } from '../../src/lib/search/embedded'
import { loadAllSearchDocuments } from '../../src/lib/search/source'
import { rebuildSearchIndex } from '../../src/lib/search/sync'
import { buildCommands } from '../helpers/commands'
import { COPY_JOB_MESSAGE_ID, COPY_SEARCH_QUERIES, COPY_USER } from '../helpers/copy-fixture'
import { startTestHub, testDatabase } from '../helpers/hub'

type SourceSummary = {
  draftId: number
  hits: Record<string, string[]>
  jobId: number | string
  publishedId: number
  questionId: number
  searchDocuments: string[]
  userId: number
}

const onPostgres = testDatabase() === 'postgres'
if (!onPostgres) console.info('db:copy tests run in the PostgreSQL pass only: they need the private PostgreSQL cluster as well as SQLite')

describe('row digest', () => {
  it('agrees across the two representations of a value and differs when the value does', () => {
    const columns = [
      { key: 'flag', type: 'boolean' },
      { key: 'at', type: 'timestamp' },
      { key: 'data', type: 'jsonb' },
      { key: 'n', type: 'numeric' },
      { key: 'title', type: 'varchar' },
    ]
    const sqlite = { at: '2026-11-23T15:37:56.123Z', data: { b: [1, { y: 2, x: 1 }], a: 'x' }, flag: 1, n: 2.5, title: 'A' }
    const postgres = { at: '2026-11-23 15:37:56.123+00', data: { a: 'x', b: [1, { x: 1, y: 2 }] }, flag: true, n: '2.5', title: 'A' }
    expect(rowDigest({ columns, row: sqlite })).toBe(rowDigest({ columns, row: postgres }))
    for (const change of [
      { flag: false },
      { at: '2026-11-23 15:37:56.124+00' },
      { data: { a: 'x', b: [{ x: 1, y: 2 }, 1] } },
      { title: '' },
      { n: null },
    ]) {
      expect(rowDigest({ columns, row: { ...postgres, ...change } })).not.toBe(rowDigest({ columns, row: sqlite }))
    }
    expect(normaliseValue({ type: 'timestamp', value: null })).toBeNull()
  })
})

describe.skipIf(!onPostgres)('npm run db:copy (SQLite to PostgreSQL)', () => {
  let commands: Awaited<ReturnType<typeof buildCommands>>
  let hub: TestHub
  let summary: SourceSummary
  let copyOutput = ''
  let targetUrl = ''
  const secret = randomBytes(16).toString('hex')
  // Made in beforeAll: a skipped suite still runs this body to collect its tests.
  let sourceDir = ''
  let sourceEnv: Record<string, string> = {}

  const serverUrl = () => inject('postgresUrl')
  const newDatabase = async (): Promise<string> => {
    const name = `copy_${randomBytes(5).toString('hex')}`
    const client = new pg.Client({ connectionString: serverUrl() })
    await client.connect()
    await client.query(`CREATE DATABASE "${name}"`)
    await client.end()
    return serverUrl().replace(/\/[^/]*$/, `/${name}`)
  }
  const onDatabase = async <T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      return await work(client)
    } finally {
      await client.end()
    }
  }
  const tableCounts = (client: pg.Client) =>
    client
      .query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`)
      .then(async ({ rows }) => {
        const counts: Record<string, number> = {}
        for (const { table_name: table } of rows)
          counts[table] = Number((await client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n)
        return counts
      })
  const sqliteCounts = async (): Promise<Record<string, number>> => {
    const client = createClient({ url: `file:${path.join(sourceDir, 'hub.db')}` })
    try {
      const tables = (
        await client.execute(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`)
      ).rows
      const counts: Record<string, number> = {}
      for (const { name } of tables)
        counts[String(name)] = Number((await client.execute(`SELECT count(*) AS n FROM "${String(name)}"`)).rows[0].n)
      return counts
    } finally {
      client.close()
    }
  }

  beforeAll(async () => {
    sourceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-copy-source-'))
    sourceEnv = {
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
      DATA_DIR: sourceDir,
      DATABASE_URL: '',
      JOBS_AUTORUN: 'false',
      LOG_LEVEL: 'warn',
      MEDIA_DIR: path.join(sourceDir, 'media'),
      PAYLOAD_SECRET: secret,
    }
    commands = await buildCommands({ name: 'db-copy' })
    const fixture = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/copy-source.ts'], {
        env: { ...process.env, ...sourceEnv },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let output = ''
      child.stdout.on('data', (chunk) => (output += chunk))
      child.stderr.on('data', (chunk) => (output += chunk))
      child.on('close', (code) =>
        code === 0 ? resolve(output) : reject(new Error(`the SQLite source was not built (${code}):\n${output}`)),
      )
    })
    summary = JSON.parse(fixture.match(/^COPY-SOURCE (.*)$/m)![1])
    targetUrl = await newDatabase()
    const copy = await commands.run({ args: ['--to', targetUrl], entry: 'db-copy', env: sourceEnv })
    copyOutput = `${copy.stdout}\n${copy.stderr}`
    if (copy.code !== 0) throw new Error(`db:copy exited with ${copy.code}:\n${copyOutput}`)
    hub = await startTestHub({ databaseUrl: targetUrl, env: { PAYLOAD_SECRET: secret } })
  }, 300_000)

  afterAll(async () => {
    commands?.remove()
    await hub?.cleanup()
    if (sourceDir) fs.rmSync(sourceDir, { force: true, recursive: true })
  })

  it('copies every table with the same rows, and says so table by table', async () => {
    expect(copyOutput).toMatch(/All \d+ tables match/)
    const source = await sqliteCounts()
    const target = await tableCounts((hub.payload.db as unknown as { pool: Pool }).pool as never)
    expect(Object.keys(target).sort()).toEqual(Object.keys(source).sort())
    expect(target).toEqual(source)
    for (const table of [
      '_pages_v',
      'payload_jobs',
      'payload_kv',
      'search_changes',
      'subscribers',
      'questions',
      'payload_locked_documents_rels',
      'payload_preferences_rels',
      'users_roles',
    ]) {
      expect(target[table], table).toBeGreaterThan(0)
      expect(copyOutput).toMatch(new RegExp(`^${table}\\s+${source[table]}\\s+${source[table]}\\s+\\w+\\s+ok$`, 'm'))
    }
  })

  it('keeps drafts and versions: the published page is served as published, its later draft as the draft', async () => {
    const { payload } = hub
    const published = await payload.findByID({ collection: 'pages', depth: 0, id: summary.publishedId })
    expect(published.title).toBe('Retinopathy screening pathway')
    expect(published._status).toBe('published')
    const draft = await payload.findByID({ collection: 'pages', depth: 0, draft: true, id: summary.publishedId })
    expect(draft.title).toBe('Retinopathy screening pathway (revised)')
    const neverPublished = await payload.findByID({ collection: 'pages', depth: 0, draft: true, id: summary.draftId })
    expect(neverPublished.title).toBe('Draft page v3')
    const versions = await payload.findVersions({ collection: 'pages', depth: 0, where: { parent: { equals: summary.draftId } } })
    expect(versions.docs.map((version) => version.version.title).sort()).toEqual(['Draft page v1', 'Draft page v2', 'Draft page v3'])
    expect(neverPublished._status).toBe('draft')
    // The public (no user, access rules applied) sees the published page and not the draft-only one.
    const publicView = await payload.find({ collection: 'pages', depth: 0, limit: 100, overrideAccess: false })
    expect(publicView.docs.map((doc) => doc.id)).toContain(summary.publishedId)
    expect(publicView.docs.map((doc) => doc.id)).not.toContain(summary.draftId)
  })

  it('builds a search index from the copy that finds the same documents', async () => {
    const documents = await loadAllSearchDocuments({ payload: hub.payload })
    expect(documents.map((doc) => `${doc.id} ${digestOf(doc)}`).sort()).toEqual(summary.searchDocuments)
    const engine = createEmbeddedEngine()
    await rebuildSearchIndex({ engine, payload: hub.payload })
    for (const q of COPY_SEARCH_QUERIES) {
      const hits = (await engine.search({ pageSize: 100, q, viewer: 'public' })).hits.map((hit) => hit.id).sort()
      expect(hits, q).toEqual(summary.hits[q])
    }
    expect(summary.hits['retinopathy screening']).toContain(`pages:${summary.publishedId}`)
  })

  it('lets a user sign in with the same password, and only with it', async () => {
    const login = await hub.payload.login({ collection: 'users', data: COPY_USER })
    expect(login.user?.id).toBe(summary.userId)
    expect(login.token).toBeTruthy()
    await expect(hub.payload.login({ collection: 'users', data: { ...COPY_USER, password: `${COPY_USER.password}x` } })).rejects.toThrow()
  })

  it('runs a job that was queued before the copy', async () => {
    expect(await findDelivery({ messageId: COPY_JOB_MESSAGE_ID, payload: hub.payload })).toBeNull()
    await hub.payload.jobs.runByID({ id: summary.jobId })
    const delivery = await findDelivery({ messageId: COPY_JOB_MESSAGE_ID, payload: hub.payload })
    expect(delivery?.transport).toBe('outbox')
    expect((await hub.payload.count({ collection: 'payload-jobs', where: { id: { equals: summary.jobId } } })).totalDocs).toBe(0)
  })

  it('gives new documents ids after the copied ones (sequences continue)', async () => {
    const question = await hub.payload.create({
      collection: 'questions',
      data: { email: 'new@example.org', name: 'New Asker', question: 'Asked after moving to PostgreSQL: is it all there?' } as never,
    })
    expect(Number(question.id)).toBeGreaterThan(summary.questionId)
    const subscriber = (
      await hub.payload.find({ collection: 'subscribers', depth: 0, where: { email: { equals: 'copy.subscriber@example.org' } } })
    ).docs[0]
    expect(subscriber.status).toBe('unconfirmed')
    expect(subscriber.consents?.length).toBe(1)
    expect(await hub.payload.kv.get('copy-test')).toEqual({ list: [1, 'two', { a: null, z: true }], when: '2026-12-01' })
  })

  it('refuses a target that is not empty, and leaves it untouched', async () => {
    const before = await onDatabase(targetUrl, tableCounts)
    const again = await commands.run({ args: ['--to', targetUrl], entry: 'db-copy', env: sourceEnv })
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/The target database is not empty \(rows in .*pages.*\): nothing was copied/)
    expect(await onDatabase(targetUrl, tableCounts)).toEqual(before)

    // Another application's table with one row: refused before any migration runs.
    const foreign = await newDatabase()
    await onDatabase(foreign, (client) =>
      client.query(`CREATE TABLE pages (id serial PRIMARY KEY, title text); INSERT INTO pages (title) VALUES ('keep me')`),
    )
    const refused = await commands.run({ args: ['--to', foreign], entry: 'db-copy', env: sourceEnv })
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/not empty \(rows in pages\)/)
    expect(await onDatabase(foreign, tableCounts)).toEqual({ pages: 1 })
    expect((await onDatabase(foreign, (client) => client.query('SELECT title FROM pages'))).rows).toEqual([{ title: 'keep me' }])
  })
})
