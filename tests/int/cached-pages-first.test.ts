import type { IncomingHttpHeaders, RequestListener, Server } from 'node:http'
import type { Payload } from 'payload'

import http from 'node:http'
import { Writable } from 'node:stream'
import zlib from 'node:zlib'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { invalidatePageCache } from '../../src/lib/cache/page-cache'
import { cachedPagesFirst, createApp } from '../../src/server/app'
import { apiClient } from '../helpers/api'
import { listenOnLoopback } from '../helpers/app'
import { createUser, startTestHub, testDatabase } from '../helpers/hub'
import { waitFor } from '../helpers/wait'

let hub: TestHub
let payload: Payload
let server: Server
let port: number
let throughExpress = 0
let renders = 0
const logLines: Record<string, unknown>[] = []

beforeAll(async () => {
  hub = await startTestHub()
  payload = hub.payload
  const logger = pino(
    { level: 'info' },
    new Writable({ write: (chunk, _encoding, done) => (logLines.push(JSON.parse(String(chunk))), done()) }),
  )
  const app = createApp({
    dev: false,
    logger,
    // Stands in for Next: a page for whoever Payload says the visitor is, long enough to be compressed.
    nextHandler: async (req, res) => {
      renders++
      const { user } = await payload.auth({ headers: new Headers({ cookie: req.headers.cookie ?? '' }) })
      const reader = user ? (user as { roles?: string[] }).roles?.join(',') || 'no role' : 'nobody'
      res.setHeader('Vary', 'rsc')
      res.type('html').send(`<main>${'<p>Foot checks at every annual review.</p>'.repeat(60)}<p>render ${renders} for ${reader}</p></main>`)
    },
    payload,
    state: { draining: false },
    trustProxy: 1,
  })
  const counted: RequestListener = (req, res) => {
    throughExpress++
    app(req, res)
  }
  ;({ port, server } = await listenOnLoopback({ listener: cachedPagesFirst({ app: counted, dev: false, logger, trustProxy: 1 }) }))
})

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  await hub?.cleanup()
})

type Answer = { body: Buffer; headers: IncomingHttpHeaders; status: number; viaExpress: boolean }

// node:http rather than fetch: fetch decompresses bodies and hides Content-Encoding and Content-Length.
const send = ({
  headers = {},
  method = 'GET',
  path = '/care-areas/foot-care',
}: { headers?: Record<string, string>; method?: string; path?: string } = {}) =>
  new Promise<Answer>((resolve, reject) => {
    const before = throughExpress
    const req = http.request({ headers, host: '127.0.0.1', method, path, port }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ body: Buffer.concat(chunks), headers: res.headers, status: res.statusCode!, viaExpress: throughExpress > before }),
      )
    })
    req.on('error', reject)
    req.end()
  })

const decoded = ({ body, headers }: Answer): string =>
  (headers['content-encoding'] === 'br'
    ? zlib.brotliDecompressSync(body)
    : headers['content-encoding'] === 'gzip'
      ? zlib.gunzipSync(body)
      : body
  ).toString('utf8')

const withoutPerRequest = (headers: IncomingHttpHeaders) => {
  const { connection: _c, date: _d, 'keep-alive': _k, 'x-request-id': _r, ...rest } = headers
  return rest
}

/** Waits until the stored page's compressed copies are made (just after the first render). */
// Both compressed copies are made on the thread pool, each in its own time: wait until each is stored.
const settle = async () => {
  for (const encoding of ['br', 'gzip']) {
    const stored = await waitFor({
      check: async () => (await send({ headers: { 'accept-encoding': encoding } })).headers['content-encoding'] === encoding,
      intervalMs: 10,
      timeoutMs: 5_000,
    })
    expect(stored, `${encoding} copy stored`).toBe(true)
  }
}

describe(`stored pages answered before Express (${testDatabase()})`, () => {
  it('a stored page is answered without Express, with the same headers and body Express would send', async () => {
    invalidatePageCache()
    const miss = await send()
    expect(miss).toMatchObject({ status: 200, viaExpress: true })
    expect(miss.headers['x-cache']).toBe('MISS')
    await settle()
    const fast = await send()
    expect(fast).toMatchObject({ status: 200, viaExpress: false })
    // A cookie of no known session is checked through Express, then given the same public copy.
    const checked = await send({ headers: { cookie: 'payload-token=not-a-session' } })
    expect(checked.viaExpress).toBe(true)
    expect(withoutPerRequest(fast.headers)).toEqual(withoutPerRequest(checked.headers))
    expect(fast.body.equals(checked.body)).toBe(true)
    expect(decoded(fast)).toBe(decoded(miss))
    for (const header of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'x-request-id']) {
      expect(fast.headers[header], header).toBeTruthy()
    }
    expect(fast.headers.vary).toBe('rsc, Accept-Encoding')
    expect(fast.headers['strict-transport-security']).toBeUndefined()
  })

  it('HSTS is sent when a trusted proxy says the reader came over HTTPS, a request id is echoed and every answer is logged', async () => {
    invalidatePageCache()
    await send()
    const answer = await send({ headers: { 'x-forwarded-proto': 'https', 'x-request-id': 'reader-trace-1' } })
    expect(answer.viaExpress).toBe(false)
    expect(answer.headers['strict-transport-security']).toMatch(/max-age=\d+/)
    expect(answer.headers['x-request-id']).toBe('reader-trace-1')
    expect(logLines.find((line) => line.reqId === 'reader-trace-1')).toMatchObject({
      method: 'GET',
      path: '/care-areas/foot-care',
      status: 200,
    })
  })

  it('each reader gets the smallest body they accept: Brotli first, gzip, or as rendered', async () => {
    invalidatePageCache()
    const plain = await send()
    await settle()
    const cases: [string, string | undefined][] = [
      ['gzip, deflate, br', 'br'],
      ['br;q=0.5, gzip', 'gzip'],
      ['br;q=0, gzip;q=0', undefined],
      ['identity', undefined],
    ]
    for (const [acceptEncoding, expected] of cases) {
      const answer = await send({ headers: { 'accept-encoding': acceptEncoding } })
      expect(answer.viaExpress, acceptEncoding).toBe(false)
      expect(answer.headers['content-encoding'], acceptEncoding).toBe(expected)
      expect(Number(answer.headers['content-length'])).toBe(answer.body.length)
      expect(decoded(answer)).toBe(decoded(plain))
    }
  })

  it('HEAD is answered from the store without a body; RSC requests and writes always go through Express', async () => {
    invalidatePageCache()
    const page = await send()
    const head = await send({ method: 'HEAD' })
    expect(head).toMatchObject({ status: 200, viaExpress: false })
    expect(head.body.length).toBe(0)
    expect(Number(head.headers['content-length'])).toBe(page.body.length)
    expect((await send({ headers: { rsc: '1' } })).viaExpress).toBe(true)
    expect((await send({ headers: { 'next-router-prefetch': '1' } })).viaExpress).toBe(true)
    expect((await send({ method: 'POST' })).viaExpress).toBe(true)
    expect((await send({ path: '/care-areas/foot-care?view=print' })).viaExpress).toBe(true)
  })

  it("a professional's remembered session is served without Express; once signed out, Express checks it and serves the public copy", async () => {
    invalidatePageCache()
    const account = await createUser({ payload, roles: ['professional'] })
    const { token } = await payload.login({ collection: 'users', data: { email: account.email, password: account.password } })
    const cookie = `payload-token=${token}`
    const first = await send({ headers: { cookie } })
    expect(first.viaExpress).toBe(true)
    expect(decoded(first)).toContain('for professional')
    const again = await send({ headers: { cookie } })
    expect(again.viaExpress).toBe(false)
    expect(decoded(again)).toBe(decoded(first))
    const api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
    expect((await api.rest({ method: 'POST', path: 'users/logout', token })).status).toBe(200)
    const signedOut = await send({ headers: { cookie } })
    expect(signedOut.viaExpress).toBe(true)
    expect(decoded(signedOut)).toContain('for nobody')
  })
})
