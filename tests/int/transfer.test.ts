import type { IncomingHttpHeaders, Server } from 'node:http'

import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { invalidatePageCache } from '../../src/lib/cache/page-cache'
import { assetPath } from '../../src/lib/http/static-assets'
import { SCRIPT, START_SCRIPT, STYLESHEET } from '../../src/lib/routes'
import { cachedPagesFirst, createApp } from '../../src/server/app'
import { listenOnLoopback } from '../helpers/app'
import { createUser, startTestHub, testDatabase } from '../helpers/hub'
import { waitFor } from '../helpers/wait'

let hub: TestHub
let server: Server
let port: number
let edition = 1

const stylesheetFile = path.resolve('node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css')

beforeAll(async () => {
  hub = await startTestHub()
  const logger = pino({ level: 'silent' })
  const app = createApp({
    dev: false,
    logger,
    // Stands in for Next: pages written in pieces, as Next streams them, and a JSON answer.
    nextHandler: (req, res) => {
      if (req.path === '/api/things') {
        res.json({ docs: Array.from({ length: 80 }, (_, index) => ({ id: index, title: `Retinal screening ${index}` })) })
        return
      }
      res.setHeader('Vary', 'rsc')
      res.setHeader('Cache-Control', 'private, no-cache, no-store, max-age=0, must-revalidate')
      res.type('html')
      res.write('<main>')
      for (let part = 0; part < 40; part++) res.write(`<p>Structured education for every newly diagnosed adult, part ${part}.</p>`)
      res.end(`<p>edition ${edition}</p></main>`)
    },
    payload: hub.payload,
    state: { draining: false },
    trustProxy: 0,
  })
  ;({ port, server } = await listenOnLoopback({ listener: cachedPagesFirst({ app, dev: false, logger, trustProxy: 0 }) }))
})

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  await hub?.cleanup()
})

type Answer = { body: Buffer; headers: IncomingHttpHeaders; status: number }

// node:http rather than fetch: fetch asks for compression itself and undoes it, hiding what was sent.
const send = ({
  headers = {},
  method = 'GET',
  path: address,
  to = port,
}: {
  headers?: Record<string, string>
  method?: string
  path: string
  to?: number
}) =>
  new Promise<Answer>((resolve, reject) => {
    http
      .request({ headers, host: '127.0.0.1', method, path: address, port: to }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ body: Buffer.concat(chunks), headers: res.headers, status: res.statusCode! }))
      })
      .on('error', reject)
      .end()
  })

const decoded = ({ body, headers }: Answer): Buffer =>
  headers['content-encoding'] === 'br'
    ? zlib.brotliDecompressSync(body)
    : headers['content-encoding'] === 'gzip'
      ? zlib.gunzipSync(body)
      : body

const varies = (answer: Answer) =>
  String(answer.headers.vary)
    .split(',')
    .map((name) => name.trim().toLowerCase())

describe(`transfer: compression, Vary, fingerprinted assets and revalidation (${testDatabase()})`, () => {
  it('sends the stylesheet fingerprinted, precompressed as the client accepts, cached for a year as immutable', async () => {
    const address = assetPath({ name: 'stylesheet' })
    expect(address).toMatch(/^\/assets\/nhsuk-frontend\.min\.[0-9a-f]{12}\.css$/)
    const file = fs.readFileSync(stylesheetFile)
    // Compressed on the thread pool after start: wait until both copies are served.
    for (const encoding of ['br', 'gzip']) {
      const ready = await waitFor({
        check: async () =>
          (await send({ headers: { 'accept-encoding': encoding }, path: address })).headers['content-encoding'] === encoding,
        intervalMs: 20,
        timeoutMs: 10_000,
      })
      expect(ready, `${encoding} copy`).toBe(true)
    }
    const br = await send({ headers: { 'accept-encoding': 'gzip, deflate, br' }, path: address })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.body.length).toBeLessThan(40_000)
    expect(Number(br.headers['content-length'])).toBe(br.body.length)
    expect(decoded(br).equals(file)).toBe(true)
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(br.headers['content-type']).toMatch(/^text\/css/)
    expect(varies(br)).toContain('accept-encoding')

    const gzip = await send({ headers: { 'accept-encoding': 'gzip' }, path: address })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(decoded(gzip).equals(file)).toBe(true)

    // No Accept-Encoding, or every coding refused: the file as it is, never a body the client cannot read.
    const refusals: Record<string, string>[] = [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'br;q=0, gzip;q=0' }]
    for (const headers of refusals) {
      const plain = await send({ headers, path: address })
      expect(plain.headers['content-encoding'], JSON.stringify(headers)).toBeUndefined()
      expect(plain.body.equals(file)).toBe(true)
      expect(varies(plain)).toContain('accept-encoding')
    }
  })

  it('answers 304 to a client holding the same copy, 200 to one holding another', async () => {
    const address = assetPath({ name: 'stylesheet' })
    const first = await send({ headers: { 'accept-encoding': 'br' }, path: address })
    expect(first.headers.etag).toBeTruthy()
    const again = await send({ headers: { 'accept-encoding': 'br', 'if-none-match': first.headers.etag! }, path: address })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    // Each encoding is its own representation, with its own tag.
    const other = await send({ headers: { 'if-none-match': first.headers.etag! }, path: address })
    expect(other.status).toBe(200)
    expect(other.headers.etag).not.toBe(first.headers.etag)
  })

  it('the plain names and other releases still answer, revalidated on each use; the start-up module imports the fingerprinted script', async () => {
    const stale = STYLESHEET.replace(/\.css$/, '.0123456789ab.css')
    for (const address of [STYLESHEET, stale, SCRIPT]) {
      const answer = await send({ headers: { 'accept-encoding': 'gzip' }, path: address })
      expect(answer.status, address).toBe(200)
      expect(answer.headers['cache-control'], address).toBe('public, no-cache')
    }
    const start = await send({ path: assetPath({ name: 'start' }) })
    expect(start.headers['content-type']).toMatch(/^text\/javascript/)
    expect(start.body.toString()).toContain(`from '${assetPath({ name: 'script' })}'`)
    expect(start.headers['cache-control']).toContain('immutable')
    const plainStart = await send({ path: START_SCRIPT })
    expect(plainStart.body.equals(start.body)).toBe(true)
    expect(plainStart.headers['cache-control']).toBe('public, no-cache')
    const script = await send({ path: assetPath({ name: 'script' }) })
    expect(script.headers['cache-control']).toContain('immutable')
  })

  it('compresses a page as it is rendered, and stores it for everyone in the form each accepts', async () => {
    invalidatePageCache()
    const miss = await send({ headers: { 'accept-encoding': 'gzip, br' }, path: '/care-areas/education' })
    expect(miss.headers['x-cache']).toBe('MISS')
    expect(miss.headers['content-encoding']).toBe('br')
    expect(varies(miss)).toEqual(expect.arrayContaining(['rsc', 'accept-encoding']))
    const page = decoded(miss).toString()
    expect(page).toContain('edition 1')

    // Stored from what was rendered, not from what was compressed for that one client.
    const plain = await send({ path: '/care-areas/education' })
    expect(plain.headers['x-cache']).toBe('HIT')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(page)
    expect(varies(plain).filter((name) => name === 'accept-encoding')).toHaveLength(1)

    const gzip = await waitFor({
      check: async () =>
        (await send({ headers: { 'accept-encoding': 'gzip' }, path: '/care-areas/education' })).headers['content-encoding'] === 'gzip',
      intervalMs: 20,
      timeoutMs: 5_000,
    })
    expect(gzip).toBe(true)
    const refused = await send({ headers: { 'accept-encoding': 'gzip;q=0, br;q=0' }, path: '/care-areas/education' })
    expect(refused.headers['content-encoding']).toBeUndefined()
  })

  it('tags stored pages and answers 304 while they are unchanged, 200 with a new tag once content changes', async () => {
    invalidatePageCache()
    await send({ path: '/updates/network-news' })
    const stored = await send({ headers: { 'accept-encoding': 'br' }, path: '/updates/network-news' })
    const tag = stored.headers.etag!
    expect(tag).toMatch(/^W\/".+"$/)
    expect(stored.headers['cache-control']).toBe('private, no-cache')

    const unchanged = await send({ headers: { 'accept-encoding': 'br', 'if-none-match': tag }, path: '/updates/network-news' })
    expect(unchanged.status).toBe(304)
    expect(unchanged.body.length).toBe(0)
    expect(unchanged.headers.etag).toBe(tag)
    expect(unchanged.headers['content-encoding']).toBeUndefined()
    expect(varies(unchanged)).toContain('accept-encoding')
    // Through Express too (a cookie of no known session is checked there first).
    const checked = await send({ headers: { cookie: 'payload-token=not-a-session', 'if-none-match': tag }, path: '/updates/network-news' })
    expect(checked.status).toBe(304)
    // A client asking for a fresh copy gets one.
    const forced = await send({ headers: { 'cache-control': 'no-cache', 'if-none-match': tag }, path: '/updates/network-news' })
    expect(forced.status).toBe(200)

    edition++
    invalidatePageCache()
    const changed = await send({ headers: { 'if-none-match': tag }, path: '/updates/network-news' })
    expect(changed.status).toBe(200)
    expect(changed.body.toString()).toContain(`edition ${edition}`)
    const retagged = await send({ path: '/updates/network-news' })
    expect(retagged.headers.etag).not.toBe(tag)
  })

  it('compresses other answers too (API JSON), with Vary, and only for clients that ask', async () => {
    const gzip = await send({ headers: { 'accept-encoding': 'gzip' }, path: '/api/things' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(varies(gzip)).toContain('accept-encoding')
    expect(JSON.parse(decoded(gzip).toString()).docs).toHaveLength(80)
    const plain = await send({ path: '/api/things' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(JSON.parse(plain.body.toString()).docs).toHaveLength(80)
  })

  it('a HEAD of a stored page has the headers and length of its GET, and no body', async () => {
    invalidatePageCache()
    await send({ path: '/care-areas/head-check' })
    const readers: Record<string, string>[] = [{}, { 'accept-encoding': 'br' }, { cookie: 'payload-token=not-a-session' }]
    for (const headers of readers) {
      const got = await send({ headers, path: '/care-areas/head-check' })
      const head = await send({ headers, method: 'HEAD', path: '/care-areas/head-check' })
      expect(head.status).toBe(200)
      expect(head.body.length).toBe(0)
      expect(head.headers['content-length'], JSON.stringify(headers)).toBe(got.headers['content-length'])
      expect(head.headers['content-encoding']).toBe(got.headers['content-encoding'])
    }
  })

  it("a signed-in reader's copy is never kept by the browser: no-store, no tag, no 304", async () => {
    const account = await createUser({ payload: hub.payload, roles: ['professional'] })
    const { token } = await hub.payload.login({ collection: 'users', data: { email: account.email, password: account.password } })
    const cookie = `payload-token=${token}`
    invalidatePageCache()
    const publicCopy = await send({ path: '/care-areas/professional-check' })
    await send({ path: '/care-areas/professional-check' })
    const publicTag = (await send({ path: '/care-areas/professional-check' })).headers.etag!
    expect(publicTag).toBeTruthy()
    expect(publicCopy.status).toBe(200)
    await send({ headers: { cookie }, path: '/care-areas/professional-check' })
    const stored = await send({ headers: { cookie }, path: '/care-areas/professional-check' })
    expect(stored.headers['x-cache']).toBe('HIT')
    expect(stored.headers['cache-control']).toContain('no-store')
    expect(stored.headers.etag).toBeUndefined()
    const asked = await send({ headers: { cookie, 'if-none-match': publicTag }, path: '/care-areas/professional-check' })
    expect(asked.status).toBe(200)
    expect(asked.body.length).toBeGreaterThan(0)
  })

  it('a byte range is sent as the bytes asked for, never compressed', async () => {
    const favicon = fs.readFileSync(path.resolve('node_modules/nhsuk-frontend/dist/nhsuk/assets/images/favicon.ico'))
    const whole = await send({ headers: { 'accept-encoding': 'gzip' }, path: '/assets/images/favicon.ico' })
    expect(whole.headers['content-encoding'], 'compressible, so compressed whole').toBe('gzip')
    const part = await send({ headers: { 'accept-encoding': 'gzip, br', range: 'bytes=0-1499' }, path: '/assets/images/favicon.ico' })
    expect(part.status).toBe(206)
    expect(part.headers['content-encoding']).toBeUndefined()
    expect(part.body.equals(favicon.subarray(0, 1500))).toBe(true)
  })
})
