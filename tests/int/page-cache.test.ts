import type { Server } from 'node:http'

import express from 'express'
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import zlib from 'node:zlib'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { forgetSessions, knownAudience, requestAudience } from '../../src/lib/cache/audience'
import { sharePageCacheInvalidations } from '../../src/lib/cache/broadcast'
import { invalidatePageCache, pageCache, pageCacheStats } from '../../src/lib/cache/page-cache'
import { createUser, startTestHub, testDatabase } from '../helpers/hub'
import { waitFor } from '../helpers/wait'

let server: Server
let base: string
let renders = 0

beforeAll(async () => {
  const app = express()
  app.use(pageCache())
  app.get('/page', (_req, res) => {
    renders++
    res.type('html').send(`<p>render ${renders}</p>`)
  })
  app.get('/big', (_req, res) => {
    renders++
    res
      .type('html')
      .send(`<main>${'<p>Commissioning considerations for long-term conditions.</p>'.repeat(200)}<p>render ${renders}</p></main>`)
  })
  // Pages of a given size in kilobytes, of text that compresses poorly, so the cache's byte limit is reached quickly.
  app.get('/sized/:kb/:n', (req, res) => {
    renders++
    res.type('html').send(`<main>${randomBytes(Math.round((Number(req.params.kb) * 1024 * 3) / 4)).toString('base64')}</main>`)
  })
  app.get('/gzipped', (_req, res) => {
    renders++
    res.type('html').setHeader('Content-Encoding', 'gzip')
    res.send(zlib.gzipSync(`<p>render ${renders}</p>`))
  })
  // Headers handed to writeHead itself, as a handler streaming its own gzip might.
  app.get('/gzipped-head', (_req, res) => {
    renders++
    res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Type': 'text/html' })
    res.end(zlib.gzipSync(`<p>render ${renders}</p>`))
  })
  app.get('/broken', (_req, res) => {
    renders++
    res.status(500).type('html').send('<p>error</p>')
  })
  app.get('/admin/thing', (_req, res) => {
    renders++
    res.type('html').send('<p>admin</p>')
  })
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
})

const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${base}${path}`, { headers })
  return { body: await response.text(), cache: response.headers.get('x-cache'), status: response.status }
}

/** The raw response: fetch would undo the Content-Encoding this checks. */
const raw = (path: string, headers: Record<string, string>) =>
  new Promise<{ body: Buffer; cache?: string; encoding?: string; length: number; vary?: string }>((resolve, reject) => {
    http
      .get(`${base}${path}`, { headers }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            body: Buffer.concat(chunks),
            cache: response.headers['x-cache'] as string | undefined,
            encoding: response.headers['content-encoding'],
            length: Number(response.headers['content-length']),
            vary: response.headers.vary,
          }),
        )
      })
      .on('error', reject)
  })

describe('page cache', () => {
  it('serves a stored page compressed as the client accepts it, the same page in every encoding', async () => {
    invalidatePageCache()
    const rendered = await raw('/big', { 'accept-encoding': 'gzip, br' })
    expect(rendered).toMatchObject({ cache: 'MISS', encoding: undefined })
    // Compressed off the serving thread: until each copy is ready the page goes out as rendered.
    const compressed = async () =>
      (await raw('/big', { 'accept-encoding': 'br' })).encoding === 'br' &&
      (await raw('/big', { 'accept-encoding': 'gzip' })).encoding === 'gzip'
    expect(await waitFor({ check: compressed, intervalMs: 10, timeoutMs: 5_000 })).toBe(true)
    const br = await raw('/big', { 'accept-encoding': 'gzip, deflate, br' })
    expect(br).toMatchObject({ cache: 'HIT', encoding: 'br', length: br.body.length })
    expect(br.vary).toMatch(/accept-encoding/i)
    expect(zlib.brotliDecompressSync(br.body).equals(rendered.body)).toBe(true)
    expect(br.body.length).toBeLessThan(rendered.body.length / 4)
    const gzip = await raw('/big', { 'accept-encoding': 'br;q=0, gzip' })
    expect(gzip.encoding).toBe('gzip')
    expect(zlib.gunzipSync(gzip.body).equals(rendered.body)).toBe(true)
    for (const accept of ['identity', 'br;q=0, gzip;q=0', 'deflate']) {
      const plain = await raw('/big', { 'accept-encoding': accept })
      expect(plain.encoding, accept).toBeUndefined()
      expect(plain.body.equals(rendered.body), accept).toBe(true)
    }
    expect((await raw('/big', {})).body.equals(rendered.body)).toBe(true)
    expect(pageCacheStats().bytes).toBe(rendered.body.length + br.body.length + gzip.body.length)
  })

  it('keeps within its byte limit by dropping the least recently used pages, and never stores an oversized one', async () => {
    invalidatePageCache()
    const LIMIT = 64 * 1024 * 1024
    // Each about 1.5 MB as rendered, plus its Brotli and gzip copies: 30 of them are well over the limit.
    expect((await get('/sized/1500/0')).cache).toBe('MISS')
    const compressed = async (path: string) =>
      (await raw(path, { 'accept-encoding': 'br' })).encoding === 'br' &&
      (await raw(path, { 'accept-encoding': 'gzip' })).encoding === 'gzip'
    for (let n = 1; n < 30; n++) {
      await get(`/sized/1500/${n}`)
      // Its compressed copies are counted once made (off the request thread).
      expect(await waitFor({ check: () => compressed(`/sized/1500/${n}`), timeoutMs: 10_000 }), `page ${n} compressed`).toBe(true)
      // Reading the first page again keeps it the most recently used: it outlives every page stored after it.
      expect((await get('/sized/1500/0')).cache, `read ${n}`).toBe('HIT')
    }
    expect(pageCacheStats().bytes).toBeLessThanOrEqual(LIMIT)
    expect(pageCacheStats().entries).toBeLessThan(30)
    expect((await get('/sized/1500/1')).cache).toBe('MISS')
    expect((await get('/sized/1500/29')).cache).toBe('HIT')
    // Over 2 MB as rendered: served, never stored.
    expect((await get('/sized/2100/0')).cache).toBe('MISS')
    expect((await get('/sized/2100/0')).cache).toBe('MISS')
  })

  it('serves a repeated anonymous read from memory without rendering again', async () => {
    invalidatePageCache()
    const first = await get('/page')
    const second = await get('/page')
    expect(first.cache).toBe('MISS')
    expect(second.cache).toBe('HIT')
    expect(second.body).toBe(first.body)
  })

  it('renders afresh for signed-in visitors and never stores their pages', async () => {
    invalidatePageCache()
    const signedIn = await get('/page', { cookie: 'payload-token=abc' })
    expect(signedIn.cache).toBeNull()
    expect((await get('/page')).cache).toBe('MISS')
    const again = await get('/page', { cookie: 'payload-token=abc' })
    expect(again.body).not.toBe(signedIn.body)
  })

  it('keeps no page past midnight in London (pages say what is open or due today), clock changes included', async () => {
    // Only Date is faked: the server's sockets and timers run as usual.
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      // The night the clocks go back: 23:59:59 BST is 22:59:59 UTC, midnight BST is 23:00 UTC.
      vi.setSystemTime(new Date('2026-10-24T22:59:58.500Z'))
      invalidatePageCache()
      await get('/page')
      expect((await get('/page')).cache).toBe('HIT')
      vi.setSystemTime(new Date('2026-10-24T22:59:59.900Z'))
      expect((await get('/page')).cache, 'still the same UK day').toBe('HIT')
      vi.setSystemTime(new Date('2026-10-24T23:00:01Z'))
      expect((await get('/page')).cache, 'a new UK day').toBe('MISS')
      expect((await get('/page')).cache).toBe('HIT')
      // Midnight UTC is 1 am in London then: no new day, nothing dropped.
      vi.setSystemTime(new Date('2026-10-25T00:00:02Z'))
      expect((await get('/page')).cache).toBe('HIT')
      // In winter London midnight is midnight UTC.
      vi.setSystemTime(new Date('2026-12-02T23:59:58Z'))
      await get('/page')
      expect((await get('/page')).cache).toBe('HIT')
      vi.setSystemTime(new Date('2026-12-03T00:00:00.500Z'))
      expect((await get('/page')).cache).toBe('MISS')
    } finally {
      vi.useRealTimers()
    }
  })

  it('is emptied by any content change', async () => {
    invalidatePageCache()
    await get('/page')
    expect((await get('/page')).cache).toBe('HIT')
    invalidatePageCache()
    expect(pageCacheStats().entries).toBe(0)
    expect((await get('/page')).cache).toBe('MISS')
  })

  it('does not store errors or admin and API responses', async () => {
    invalidatePageCache()
    await get('/broken')
    expect((await get('/broken')).cache).toBe('MISS')
    await get('/admin/thing')
    expect((await get('/admin/thing')).cache).toBeNull()
    // A body compressed for one client is not kept for others, who may not take gzip.
    await get('/gzipped', { 'accept-encoding': 'gzip' })
    expect((await raw('/gzipped', {})).cache).toBe('MISS')
    await get('/gzipped-head', { 'accept-encoding': 'gzip' })
    expect((await raw('/gzipped-head', {})).cache).toBe('MISS')
  })
})

describe.skipIf(testDatabase() !== 'postgres')('sharing invalidations between instances (PostgreSQL run only)', () => {
  let hub: TestHub
  let stop: () => Promise<void>

  beforeAll(async () => {
    hub = await startTestHub()
    stop = await sharePageCacheInvalidations({ payload: hub.payload })
  })

  afterAll(async () => {
    await stop?.()
    await hub?.cleanup()
  })

  it("a NOTIFY from another instance empties this instance's cache", async () => {
    await get('/page')
    expect((await get('/page')).cache).toBe('HIT')
    const other = new pg.Client({ connectionString: hub.databaseUrl })
    await other.connect()
    await other.query("SELECT pg_notify('hub_page_cache', 'another-instance pages')")
    await other.end()
    expect(await waitFor({ check: () => pageCacheStats().entries === 0, intervalMs: 20, timeoutMs: 5_000 })).toBe(true)
  })

  it('a local invalidation is announced to the other instances', async () => {
    const other = new pg.Client({ connectionString: hub.databaseUrl })
    await other.connect()
    await other.query('LISTEN hub_page_cache')
    const heard = new Promise<string>((resolve) => other.on('notification', (message) => resolve(message.payload ?? '')))
    invalidatePageCache()
    expect(await heard).toMatch(/^\d+-\S+ pages$/)
    await other.end()
  })

  it("a sign-out elsewhere reaches this instance's memory of sessions, and one here is announced", async () => {
    const account = await createUser({ payload: hub.payload, roles: ['professional'] })
    const { token } = await hub.payload.login({ collection: 'users', data: { email: account.email, password: account.password } })
    const req = { headers: { cookie: `payload-token=${token}` } }
    expect(await requestAudience({ payload: hub.payload })(req)).toBe('professional')
    expect(knownAudience(req)).toBe('professional')
    const other = new pg.Client({ connectionString: hub.databaseUrl })
    await other.connect()
    await other.query("SELECT pg_notify('hub_page_cache', 'another-instance sessions')")
    expect(await waitFor({ check: () => knownAudience(req) === undefined, intervalMs: 20, timeoutMs: 5_000 })).toBe(true)
    await other.query('LISTEN hub_page_cache')
    const heard = new Promise<string>((resolve) => other.on('notification', (message) => resolve(message.payload ?? '')))
    forgetSessions()
    expect(await heard).toMatch(/^\d+-\S+ sessions$/)
    await other.end()
  })
})
