import type { PoolClient } from 'pg'

import { commitTransaction, createLocalReq, initTransaction } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { processLiveness } from '../../src/lib/db/liveness'
import { databaseReadiness } from '../../src/lib/db/readiness'
import { CLIENT_IP_HEADER } from '../../src/lib/http/client-ip'
import { submitQuestion } from '../../src/lib/questions/submit'
import { apiClient } from '../helpers/api'
import { startTestApp } from '../helpers/app'
import { startTestHub, testDatabase } from '../helpers/hub'
import { waitFor } from '../helpers/wait'

const POOL = 2
let written = 0
// Organisation names are unique: each write gets its own.
const organisation = (label: string) => ({ name: `${label} ${++written}` }) as never
// Short waits, so "exhausted beyond the queue timeout" takes a second, not five.
const QUEUE_TIMEOUT_MS = 600

let hub: TestHub
let api: ReturnType<typeof apiClient>
let app: Awaited<ReturnType<typeof startTestApp>>
let base: string

beforeAll(async () => {
  hub = await startTestHub({
    env: {
      DATABASE_POOL_MAX: String(POOL),
      DATABASE_POOL_TIMEOUT_MS: String(QUEUE_TIMEOUT_MS),
      QUESTION_RATE_LIMIT_MAX: '100000',
      SQLITE_BUSY_TIMEOUT_MS: String(QUEUE_TIMEOUT_MS),
    },
  })
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  // A stand-in for Next: a page that reads the database and, like Next, answers 500 when the read fails.
  app = await startTestApp({
    livenessLimitMs: 200,
    nextHandler: async (_req, res) => {
      try {
        await hub.payload.create({ collection: 'organisations', data: organisation('From a page') })
        res.status(200).send('rendered')
      } catch {
        res.status(500).send('Sorry, there is a problem with the service')
      }
    },
    payload: hub.payload,
  })
  base = app.base
})

afterAll(async () => {
  await app?.close()
  await hub?.cleanup()
})

/**
 * Makes the database unable to take another write for a while: every PostgreSQL connection checked out, or
 * SQLite's one writer held by an open transaction. Returns the release.
 */
const holdTheDatabase = async (): Promise<() => Promise<void>> => {
  if (hub.payload.db.name === 'postgres') {
    const pool = (hub.payload.db as unknown as { pool: import('pg').Pool }).pool
    const clients: PoolClient[] = []
    for (let n = 0; n < POOL; n++) clients.push(await pool.connect())
    return async () => clients.forEach((client) => client.release())
  }
  const req = await createLocalReq({}, hub.payload)
  await initTransaction(req)
  await hub.payload.create({ collection: 'organisations', data: organisation('Holding the writer'), req })
  return async () => {
    await commitTransaction(req)
  }
}

const question = { email: 'busy@example.org', name: 'Busy Asker', question: 'Sent while every connection was taken: is it kept?' }

describe.skipIf(testDatabase() === 'mongodb')(`when the database cannot take the write in time (${testDatabase()})`, () => {
  it('the API answers 503 with Retry-After and stores nothing; once free, the same request is stored', async () => {
    const before = (await hub.payload.count({ collection: 'questions' })).totalDocs
    const release = await holdTheDatabase()
    let response: Response
    try {
      response = await api.raw({ body: question, headers: { [CLIENT_IP_HEADER]: '192.0.2.1' }, method: 'POST', path: 'questions' })
    } finally {
      await release()
    }
    expect(response.status).toBe(503)
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await response.json()).errors[0].message).toMatch(/try again/i)
    expect((await hub.payload.count({ collection: 'questions' })).totalDocs).toBe(before)
    const again = await api.raw({ body: question, headers: { [CLIENT_IP_HEADER]: '192.0.2.1' }, method: 'POST', path: 'questions' })
    expect(again.status).toBe(201)
    expect(await databaseReadiness({ payload: hub.payload })).toEqual({ ok: true })
  })

  it('the site form keeps every word typed and says it was not sent', async () => {
    const form = new FormData()
    for (const [key, value] of Object.entries({ ...question, jobTitle: 'Practice nurse', telephone: '01632 960 001' })) form.set(key, value)
    const release = await holdTheDatabase()
    let result: Awaited<ReturnType<typeof submitQuestion>>
    try {
      result = await submitQuestion({ form, ip: '198.51.100.1', payload: hub.payload })
    } finally {
      await release()
    }
    expect(result).toMatchObject({
      kind: 'unavailable',
      values: {
        email: question.email,
        jobTitle: 'Practice nurse',
        name: question.name,
        question: question.question,
        telephone: '01632 960 001',
      },
    })
  })

  it('a page that fails for want of the database is a 503 with Retry-After, not a 500', async () => {
    const release = await holdTheDatabase()
    let response: Response
    try {
      response = await fetch(`${base}/some-page`)
    } finally {
      await release()
    }
    expect(response.status).toBe(503)
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
    const after = await fetch(`${base}/some-page`)
    expect(after.status).toBe(200)
  })

  it('/healthz turns 503 while writes queue behind a connection held far too long, and ok again after', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200)
    const release = await holdTheDatabase()
    try {
      // A write now waits behind the held connections; past the (test's 200 ms) limit the process counts as wedged.
      const waiting = hub.payload.create({ collection: 'organisations', data: organisation('Waiting') }).catch(() => null)
      expect(await waitFor({ check: async () => (await fetch(`${base}/healthz`)).status === 503, timeoutMs: QUEUE_TIMEOUT_MS })).toBe(true)
      const body = await (await fetch(`${base}/healthz`)).json().catch(() => null)
      if (body) expect(body.status).toBe('wedged')
      await waiting
    } finally {
      await release()
    }
    expect(processLiveness({ limitMs: 200 })).toEqual({ ok: true })
    expect((await fetch(`${base}/healthz`)).status).toBe(200)
  })
})
