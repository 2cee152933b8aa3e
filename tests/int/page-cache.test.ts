import type { Server } from 'node:http'

import express from 'express'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { sharePageCacheInvalidations } from '../../src/lib/cache/broadcast'
import { invalidatePageCache, pageCache, pageCacheStats } from '../../src/lib/cache/page-cache'
import { startTestHub, testDatabase } from '../helpers/hub'

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

describe('page cache', () => {
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

  it('a NOTIFY from another instance empties this instance\'s cache', async () => {
    await get('/page')
    expect((await get('/page')).cache).toBe('HIT')
    const other = new pg.Client({ connectionString: hub.databaseUrl })
    await other.connect()
    await other.query("SELECT pg_notify('hub_page_cache', 'another-instance')")
    await other.end()
    let entries = pageCacheStats().entries
    for (let attempt = 0; attempt < 50 && entries > 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      entries = pageCacheStats().entries
    }
    expect(entries).toBe(0)
  })

  it('a local invalidation is announced to the other instances', async () => {
    const other = new pg.Client({ connectionString: hub.databaseUrl })
    await other.connect()
    await other.query('LISTEN hub_page_cache')
    const heard = new Promise<string>((resolve) => other.on('notification', (message) => resolve(message.payload ?? '')))
    invalidatePageCache()
    expect(await heard).toMatch(/^\d+-/)
    await other.end()
  })
})
