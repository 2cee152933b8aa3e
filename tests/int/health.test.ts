import type { Server } from 'node:http'

import fs from 'node:fs'
import path from 'node:path'
import pino from 'pino'
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'
import type { PostgresCluster } from '../helpers/postgres'

import { createApp } from '../../src/server/app'
import { startTestHub, testDatabase } from '../helpers/hub'
import { startPostgresCluster } from '../helpers/postgres'
import { waitFor } from '../helpers/wait'

let hub: TestHub
let cluster: PostgresCluster | undefined
let server: Server
let base: string
const state = { draining: false }
const logLines: string[] = []

beforeAll(async () => {
  // On PostgreSQL this file stops its database, so it gets a cluster of its own.
  if (testDatabase() === 'postgres') cluster = await startPostgresCluster()
  hub = await startTestHub({ databaseUrl: cluster?.createDatabase('health') })
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(chunk.toString())
      done()
    },
  })
  const app = createApp({ dev: false, logger: pino(sink), payload: hub.payload, state, trustProxy: 1 })
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const address = server.address() as { port: number }
  base = `http://127.0.0.1:${address.port}`
})

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  await hub?.cleanup()
  cluster?.remove()
})

const get = async (pathname: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${base}${pathname}`, { headers })
  return { body: await response.json().catch(() => null), headers: response.headers, status: response.status }
}

describe('health checks', () => {
  it('/healthz answers while the process is alive', async () => {
    const { body, status } = await get('/healthz')
    expect(status).toBe(200)
    expect(body.status).toBe('ok')
  })

  it('/readyz answers 200 when the database is reachable', async () => {
    const { body, status } = await get('/readyz')
    expect(status).toBe(200)
    expect(body).toMatchObject({ status: 'ready' })
  })

  it.skipIf(testDatabase() !== 'sqlite')(
    '/readyz answers 503 with a reason when the database file is gone, then recovers (SQLite only)',
    async () => {
      const file = hub.databaseUrl.replace(/^file:/, '')
      fs.renameSync(file, `${file}.moved`)
      try {
        const down = await get('/readyz')
        expect(down.status).toBe(503)
        expect(down.body.status).toBe('unavailable')
        expect(down.body.reason).toMatch(/database unreachable/)
      } finally {
        fs.renameSync(`${file}.moved`, file)
      }
      expect((await get('/readyz')).status).toBe(200)
    },
  )

  it.skipIf(testDatabase() !== 'sqlite')('/readyz answers 503 when the database file is not a database (SQLite only)', async () => {
    const file = hub.databaseUrl.replace(/^file:/, '')
    const original = path.join(path.dirname(file), 'original.db')
    fs.renameSync(file, original)
    fs.writeFileSync(file, 'this is not a database file')
    try {
      const down = await get('/readyz')
      expect(down.status).toBe(503)
      expect(down.body.reason).toMatch(/not a SQLite database/)
    } finally {
      fs.renameSync(original, file)
    }
    expect((await get('/readyz')).status).toBe(200)
  })

  it.skipIf(testDatabase() !== 'sqlite' || process.getuid?.() === 0)(
    '/readyz answers 503 when the database file is unreadable (SQLite, and not as root: root reads any file)',
    async () => {
      const file = hub.databaseUrl.replace(/^file:/, '')
      fs.chmodSync(file, 0o000)
      try {
        expect((await get('/readyz')).status).toBe(503)
      } finally {
        fs.chmodSync(file, 0o644)
      }
    },
  )

  it.skipIf(testDatabase() !== 'postgres')('/readyz answers 503 when PostgreSQL is down, then recovers (PostgreSQL run only)', async () => {
    // Leave idle connections in the pool: when the server goes away each of them reports an error.
    await Promise.all([1, 2, 3].map(() => hub.payload.count({ collection: 'users' })))
    cluster!.stop()
    try {
      const down = await get('/readyz')
      expect(down.status).toBe(503)
      expect(down.body.reason).toMatch(/database unreachable/)
    } finally {
      cluster!.start()
    }
    let status = 0
    await waitFor({ check: async () => (status = (await get('/readyz')).status) === 200, intervalMs: 250, timeoutMs: 10_000 })
    expect(status).toBe(200)
    // The process survived the dropped connections and queries work again.
    expect((await hub.payload.count({ collection: 'users' })).totalDocs).toBeGreaterThanOrEqual(0)
  })

  it('/readyz answers 503 while shutting down', async () => {
    state.draining = true
    try {
      const { body, status } = await get('/readyz')
      expect(status).toBe(503)
      expect(body.reason).toBe('shutting down')
    } finally {
      state.draining = false
    }
  })
})

describe('security headers', () => {
  it('sets CSP, nosniff and referrer policy on every response', async () => {
    const { headers } = await get('/healthz')
    expect(headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(headers.get('content-security-policy')).toContain("object-src 'none'")
    expect(headers.get('x-content-type-options')).toBe('nosniff')
    expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(headers.get('x-powered-by')).toBeNull()
  })

  it('adds HSTS only when the request came over TLS', async () => {
    expect((await get('/healthz')).headers.get('strict-transport-security')).toBeNull()
    const secure = await get('/healthz', { 'x-forwarded-proto': 'https' })
    expect(secure.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
  })
})

describe('request log', () => {
  it('writes one structured line per request without query strings', async () => {
    logLines.length = 0
    await get('/healthz?email=someone@example.org')
    // Lines are written when a response finishes, which may be just after the client has it: once a later
    // request's line is in, everything the first one logs is in too.
    await get('/log-barrier')
    const linesFor = (pathname: string) => logLines.map((line) => JSON.parse(line)).filter((line) => line.path === pathname)
    expect(await waitFor({ check: () => linesFor('/log-barrier').length > 0, timeoutMs: 5_000 })).toBe(true)
    const lines = linesFor('/healthz')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ method: 'GET', path: '/healthz', status: 200 })
    expect(typeof lines[0].ms).toBe('number')
    expect(logLines.join('')).not.toContain('someone@example.org')
    expect(logLines.join('')).not.toContain('127.0.0.1')
  })
})
