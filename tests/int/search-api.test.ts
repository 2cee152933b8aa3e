import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { CLIENT_IP_HEADER } from '../../src/lib/http/client-ip'
import { searchLimiter } from '../../src/lib/search/api'
import { searchRuntime } from '../../src/lib/search/runtime'
import { apiClient } from '../helpers/api'
import { startTestApp } from '../helpers/app'
import { createUser, startTestHub } from '../helpers/hub'

let hub: TestHub
let api: ReturnType<typeof apiClient>
let professional: string | undefined

beforeAll(async () => {
  hub = await startTestHub()
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  professional = (await api.login(await createUser({ payload: hub.payload, roles: ['professional'] }))).token
  const runtime = searchRuntime()
  await runtime.engine.clear()
  await runtime.engine.upsert([
    {
      audience: 'public',
      careArea: 'Diagnosis',
      id: 'pages:1',
      title: 'Retinal screening',
      type: 'guidance',
      url: '/care-areas/diagnosis/retinal-screening',
      body: 'Annual retinal screening for people with diabetes.',
    },
    {
      audience: 'professional',
      careArea: 'Diagnosis',
      id: 'pages:2',
      title: 'Retinal screening service specification',
      type: 'guidance',
      url: '/care-areas/diagnosis/spec',
      body: 'Specification for commissioners of retinal screening.',
    },
    {
      audience: 'public',
      id: 'updates:1',
      title: 'Screening update',
      type: 'update',
      url: '/updates/screening',
      body: 'News about retinal screening uptake.',
    },
  ])
  runtime.ready = true
})

afterAll(async () => {
  searchRuntime().ready = false
  await hub?.cleanup()
})

const search = (query: string, token?: string, ip = '192.0.2.90') =>
  api.rest({ headers: { [CLIENT_IP_HEADER]: ip }, path: `search?${query}`, token })

describe('GET /api/search', () => {
  it('returns hits, facets, total and timing; professional items only for professionals', async () => {
    const anonymous = await search('q=retinal')
    expect(anonymous.status).toBe(200)
    expect(anonymous.json.hits.map((hit: { id: string }) => hit.id).sort()).toEqual(['pages:1', 'updates:1'])
    expect(anonymous.json.total).toBe(2)
    expect(anonymous.json.facets.type).toEqual({ guidance: 1, update: 1 })
    expect(typeof anonymous.json.tookMs).toBe('number')
    const signedIn = await search('q=retinal', professional)
    expect(signedIn.json.total).toBe(3)
    expect(signedIn.json.facets.type.guidance).toBe(2)
  })

  it('filters by type and care area', async () => {
    const { json } = await search('q=retinal&type=update')
    expect(json.hits.map((hit: { id: string }) => hit.id)).toEqual(['updates:1'])
  })

  it.each([
    ['q=', 'q'],
    [`q=${'x'.repeat(201)}`, 'q'],
    ['q=retinal&type=recipe', 'type'],
    ['q=retinal&page=0', 'page'],
    ['q=retinal&page=abc', 'page'],
  ])('answers %s with 400 naming %s', async (query, field) => {
    const { json, status } = await search(query)
    expect(status).toBe(400)
    expect(json.errors[0].field).toBe(field)
  })

  it('is rate-limited per address with a 429', async () => {
    await searchLimiter.reset()
    for (let sent = 0; sent < searchLimiter.points(); sent++) await search('q=retinal', undefined, '198.51.100.99')
    const limited = await search('q=retinal', undefined, '198.51.100.99')
    expect(limited.status).toBe(429)
    expect((await search('q=retinal', undefined, '198.51.100.100')).status).toBe(200)
    await searchLimiter.reset()
  })

  it('answers from the database (mode "database") while the index is not ready, instead of failing', async () => {
    searchRuntime().ready = false
    try {
      const { json, status } = await search('q=retinal')
      expect(status).toBe(200)
      expect(json.mode).toBe('database')
      // This test database holds none of the documents put straight into the engine above.
      expect(json.total).toBe(0)
    } finally {
      searchRuntime().ready = true
    }
    expect((await search('q=retinal')).json.mode).toBe('engine')
  })
})

describe('GET /api/search in the Express layer', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>
  const passedOn: string[] = []
  let editor: string | undefined

  beforeAll(async () => {
    editor = (await api.login(await createUser({ payload: hub.payload, roles: ['editor'] }))).token
    // Stands in for Next, and so for the Payload endpoint: records what the Express layer did not answer itself.
    app = await startTestApp({
      nextHandler: (req, res) => {
        passedOn.push(req.originalUrl)
        res.status(299).json({ from: 'next' })
      },
      payload: hub.payload,
    })
  })
  afterAll(async () => app?.close())

  const get = async (query: string, token?: string) => {
    const response = await fetch(`${app.base}/api/search?${query}`, { headers: token ? { cookie: `payload-token=${token}` } : {} })
    return { json: (await response.json()) as Record<string, any>, response }
  }

  it('answers anonymous and professional readers itself, each with what they may see', async () => {
    const anonymous = await get('q=retinal')
    expect(anonymous.response.status).toBe(200)
    expect(anonymous.response.headers.get('cache-control')).toBe('private, no-store')
    expect(anonymous.json.mode).toBe('engine')
    expect(anonymous.json.hits.map((hit: { id: string }) => hit.id).sort()).toEqual(['pages:1', 'updates:1'])
    const signedIn = await get('q=retinal&type=guidance', professional)
    expect(signedIn.json.hits.map((hit: { id: string }) => hit.id).sort()).toEqual(['pages:1', 'pages:2'])
    expect(passedOn).toEqual([])
  })

  it('answers bad input with 400 naming the field', async () => {
    const { json, response } = await get('q=retinal&page=abc')
    expect(response.status).toBe(400)
    expect(json.errors[0].field).toBe('page')
  })

  it('passes staff on to the Payload endpoint, which checks the session itself', async () => {
    const { response } = await get('q=retinal', editor)
    expect(response.status).toBe(299)
    expect(passedOn).toEqual(['/api/search?q=retinal'])
  })
})
