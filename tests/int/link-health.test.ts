import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Payload } from 'payload'

import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../src/payload-types'
import type { TestHub } from '../helpers/hub'

import { workFor } from '../../src/lib/admin/work'
import { checkUrl } from '../../src/lib/link-health/check'
import { isInternalHost, isPrivateAddress, resolvesToPublic } from '../../src/lib/link-health/network'
import { DEFAULT_RETIRED_SERVICES, retiredNumbers } from '../../src/lib/link-health/retired'
import { linkProblemsOfDocument } from '../../src/lib/link-health/problems'
import { checkLinks } from '../../src/lib/link-health/run'
import { findReviewsDue } from '../../src/lib/reviews/due'
import { link, paragraph, richText } from '../../src/lib/richtext/build'
import { apiClient, signInViewers } from '../helpers/api'
import { listenOnLoopback } from '../helpers/app'
import { startTestHub } from '../helpers/hub'

let hub: TestHub
let payload: Payload
let api: ReturnType<typeof apiClient>

type Viewer = 'admin' | 'anonymous' | 'clinical-reviewer' | 'editor' | 'other-editor' | 'professional' | 'responder' | 'secretary'
const VIEWERS: Viewer[] = ['anonymous', 'professional', 'responder', 'secretary', 'editor', 'other-editor', 'clinical-reviewer', 'admin']
const READERS: Viewer[] = ['editor', 'other-editor', 'clinical-reviewer', 'admin']
let users: Map<Viewer, User>
let tokens: Map<Viewer, string | undefined>

// Mid-morning UK time; the same UK day in the evening; the next UK day.
const DAY_ONE = new Date('2026-06-15T09:00:00.000Z')
const DAY_ONE_EVENING = new Date('2026-06-15T20:00:00.000Z')
const DAY_TWO = new Date('2026-06-16T09:00:00.000Z')
const DAY_THREE = new Date('2026-06-17T09:00:00.000Z')
const TIMEOUT_MS = 400

/** What the loopback sites were asked: method, path and User-Agent of each request, and the most at once. */
type Seen = { method: string; path: string; userAgent: string }
const seen: Seen[] = []
const held = new Set<ServerResponse>()
let site: Awaited<ReturnType<typeof listenOnLoopback>>
let slowSite: Awaited<ReturnType<typeof listenOnLoopback>>
let base: string
let slowBase: string
const slow = { done: 0, expected: 6, inFlight: 0, most: 0, waiting: [] as ServerResponse[] }

const answer = (req: IncomingMessage, res: ServerResponse) => {
  seen.push({ method: req.method ?? '', path: req.url ?? '', userAgent: String(req.headers['user-agent'] ?? '') })
  switch (req.url) {
    case '/ok':
    case '/fixed':
      return res.writeHead(200, { 'content-type': 'text/plain' }).end('fine')
    case '/moved':
      return res.writeHead(301, { location: '/ok' }).end()
    case '/missing':
      return res.writeHead(404).end('not here')
    case '/error':
      return res.writeHead(500).end('oops')
    case '/no-head':
      return req.method === 'HEAD' ? res.writeHead(405, { allow: 'GET' }).end() : res.writeHead(200).end('only GET')
    case '/hang':
      // Never answered: the checker's timeout must end it.
      held.add(res)
      return
    case '/close':
      return req.socket.destroy()
    default:
      return res.writeHead(404).end()
  }
}

/**
 * Holds each request until two are in flight (the per-host bound) or every remaining one has arrived, so
 * requests overlap as much as the checker lets them, without timing guesses.
 */
const answerSlowly = (req: IncomingMessage, res: ServerResponse) => {
  seen.push({ method: req.method ?? '', path: req.url ?? '', userAgent: String(req.headers['user-agent'] ?? '') })
  slow.inFlight++
  slow.most = Math.max(slow.most, slow.inFlight)
  slow.waiting.push(res)
  if (slow.inFlight >= 2 || slow.done + slow.inFlight >= slow.expected) {
    for (const waiting of slow.waiting.splice(0)) {
      slow.inFlight--
      slow.done++
      waiting.writeHead(200).end('slow but fine')
    }
  }
}

const ids: Record<string, number | string> = {}
/** Every address the checker asked for, whatever answered: none may leave the machine. */
const fetched: string[] = []
const recordingFetch: typeof fetch = (input, init) => {
  fetched.push(String(input))
  return fetch(input, init)
}

const row = async (url: string) =>
  (await payload.find({ collection: 'link-checks', depth: 0, limit: 1, where: { url: { equals: url } } })).docs[0]

const reqFor = (viewer: Viewer) =>
  createLocalReq(viewer === 'anonymous' ? {} : { user: { ...users.get(viewer)!, collection: 'users' } }, payload)

beforeAll(async () => {
  site = await listenOnLoopback({ listener: answer })
  base = `http://127.0.0.1:${site.port}`
  const server = (await import('node:http')).createServer(answerSlowly)
  server.listen(0, '127.0.0.2')
  await new Promise((resolve) => server.once('listening', resolve))
  slowSite = {
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    port: (server.address() as { port: number }).port,
    server,
  }
  slowBase = `http://127.0.0.2:${slowSite.port}`

  // The hub's own origin is a loopback address too: links to it are not external.
  hub = await startTestHub({ env: { LINK_CHECK_HOSTS: '127.0.0.1,127.0.0.2', PUBLIC_URL: 'http://127.0.0.1:9' } })
  payload = hub.payload
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  ;({ tokens, users } = await signInViewers({
    api,
    payload,
    roles: (viewer) => [viewer === 'other-editor' ? 'editor' : viewer],
    viewers: VIEWERS,
  }))
  const owner = users.get('editor')!.id

  const area = await payload.create({
    collection: 'care-areas',
    data: { _status: 'published', slug: 'links', step: 1, summary: 'Where the links are.', title: 'Links' },
  })
  const review = { contentOwner: owner, lastReviewed: '2026-01-10T12:00:00.000Z', nextReviewDue: '2027-01-10T12:00:00.000Z' }
  const page = {
    _status: 'published' as const,
    audience: 'public' as const,
    careArea: area.id,
    review,
    signOff: { status: 'signed-off' as const },
    summary: 'A page full of links.',
  }
  ids.links = (
    await payload.create({
      collection: 'pages',
      data: {
        ...page,
        body: richText({
          children: [
            paragraph({
              text: [
                link({ text: 'works', url: `${base}/ok` }),
                link({ text: 'moved', url: `${base}/moved#part` }),
                link({ text: 'gone', url: `${base}/missing` }),
                link({ text: 'fails', url: `${base}/error` }),
                link({ text: 'GET only', url: `${base}/no-head` }),
                link({ text: 'hangs', url: `${base}/hang` }),
                link({ text: 'hangs up', url: `${base}/close` }),
                link({ text: 'our own page', url: 'http://127.0.0.1:9/care-areas/links' }),
                link({ text: 'NHS website', url: 'https://www.nhs.uk/conditions/diabetes/' }),
                link({ text: 'NHS Direct', url: 'http://www.nhsdirect.nhs.uk/' }),
              ],
            }),
            paragraph({ text: 'For advice out of hours, call NHS Direct on 0845 46 47.' }),
          ],
        }),
        review: { ...review, evidenceSources: [{ title: 'Gone', url: `${base}/missing` }] },
        slug: 'links',
        title: 'Links page',
      },
    })
  ).id
  // A draft that was never published: its links are nobody's yet.
  ids.draft = (
    await payload.create({
      collection: 'pages',
      data: {
        ...page,
        _status: 'draft',
        body: richText({ children: [paragraph({ text: [link({ text: 'draft', url: `${base}/draft-only` })] })] }),
        slug: 'draft',
        title: 'Draft page',
      },
      draft: true,
    })
  ).id
  // Published with a working link; a later draft links elsewhere, which counts only once published.
  ids.later = (
    await payload.create({
      collection: 'pages',
      data: {
        ...page,
        body: richText({ children: [paragraph({ text: [link({ text: 'works', url: `${base}/ok` })] })] }),
        slug: 'later',
        title: 'Later page',
      },
    })
  ).id
  await payload.update({
    collection: 'pages',
    data: { _status: 'draft', body: richText({ children: [paragraph({ text: [link({ text: 'later', url: `${base}/draft-later` })] })] }) },
    draft: true,
    id: ids.later,
  })
  ids.question = (
    await payload.create({
      collection: 'parliamentary-questions',
      data: {
        _status: 'published',
        answeringBody: 'Department of Health and Social Care',
        dateAsked: '2026-05-01T12:00:00.000Z',
        heading: 'Diabetes services',
        question: 'What is being done?',
        slug: 'pq',
        sourceUrl: `${base}/error`,
      },
    })
  ).id
  ids.update = (
    await payload.create({
      collection: 'updates',
      data: {
        _status: 'published',
        date: '2026-06-01T12:00:00.000Z',
        slug: 'old-number',
        summary: 'Ring the diabetes helpline on 0845 600 1234 for details.',
        title: 'Old number',
      },
    })
  ).id
})

afterAll(async () => {
  for (const res of held) res.destroy()
  site?.server.closeAllConnections()
  slowSite?.server.closeAllConnections()
  await Promise.all([site?.close(), slowSite?.close()])
  await hub?.cleanup()
})

describe('checking one address', () => {
  const options = { timeoutMs: TIMEOUT_MS, userAgent: 'test' }

  it('follows redirects one hop at a time and records each', async () => {
    const result = await checkUrl({ ...options, url: `${base}/moved` })
    expect(result).toEqual({
      chain: [{ status: 301, url: `${base}/ok` }],
      error: null,
      finalUrl: `${base}/ok`,
      outcome: 'redirected',
      statusCode: 200,
    })
  })

  it('reports a redirect into an address it may not ask without following it there', async () => {
    const asked: string[] = []
    const result = await checkUrl({
      ...options,
      fetchImpl: (async (url: string, init: RequestInit) => {
        asked.push(String(url))
        return fetch(url, init)
      }) as typeof fetch,
      mayAsk: (url) => !url.endsWith('/ok'),
      url: `${base}/moved`,
    })
    expect(result).toMatchObject({
      chain: [{ status: 301, url: `${base}/ok` }],
      finalUrl: `${base}/ok`,
      outcome: 'redirected',
      statusCode: 301,
    })
    expect(asked).toEqual([`${base}/moved`])
  })

  it('asks with GET when HEAD is refused, and calls a hang a timeout and a dropped connection broken', async () => {
    expect(await checkUrl({ ...options, url: `${base}/no-head` })).toMatchObject({ outcome: 'ok', statusCode: 200 })
    expect(await checkUrl({ ...options, url: `${base}/hang` })).toMatchObject({ error: 'No answer within 0.4 s', outcome: 'broken' })
    expect(await checkUrl({ ...options, url: `${base}/close` })).toMatchObject({
      error: 'The connection was closed without an answer',
      outcome: 'broken',
    })
  })

  it('leaves addresses on the hub’s own machine and network alone unless LINK_CHECK_HOSTS names them', () => {
    for (const host of ['localhost', '127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '[::1]'])
      expect(isInternalHost({ host }), host).toBe(true)
    for (const host of ['www.nhs.uk', '172.32.0.1', '8.8.8.8']) expect(isInternalHost({ host }), host).toBe(false)
  })

  it('asks a name only when every address it resolves to is public, at the first request and at each redirect', async () => {
    for (const address of ['10.0.0.1', '100.64.1.1', '127.0.0.1', '169.254.169.254', '::1', 'fd00::1', 'fe80::1', '::ffff:192.168.0.1'])
      expect(isPrivateAddress({ address }), address).toBe(true)
    for (const address of ['8.8.8.8', '100.128.0.1', '2a00:1450::1']) expect(isPrivateAddress({ address }), address).toBe(false)
    // Resolved through the machine's own hosts file: no request leaves it.
    expect(await resolvesToPublic({ host: 'localhost' })).toBe(false)
    expect(await resolvesToPublic({ host: '[::1]' })).toBe(false)
    expect(await resolvesToPublic({ host: '8.8.8.8' })).toBe(true)
    const asked: string[] = []
    const refused = await checkUrl({
      ...options,
      fetchImpl: (async (url: string) => {
        asked.push(String(url))
        return new Response(null, { status: 200 })
      }) as typeof fetch,
      mayAsk: () => false,
      url: `${base}/ok`,
    })
    expect(refused).toMatchObject({ error: 'Not asked: the address leads into a private network', outcome: 'broken' })
    expect(asked).toEqual([])
  })

  it('finds retired numbers however they are spaced, NHS Direct before any 0845 number', () => {
    const found = retiredNumbers({
      services: DEFAULT_RETIRED_SERVICES,
      text: 'Call 0845 4647, 0845 46 47, 08454647 or 0845-600-1234; not 01845 464 700 or 0800 123 4567.',
    })
    expect(Object.fromEntries([...found].map(([tel, service]) => [tel, service.name]))).toEqual({
      'tel:08454647': 'NHS Direct',
      'tel:08456001234': '0845 number',
    })
  })
})

describe('the link check', () => {
  it('checks every external link in published content once, records what it found, and flags retired services', async () => {
    // Only what the check itself asks from here on (the tests above asked a few addresses directly).
    seen.length = 0
    const summary = await checkLinks({ fetchImpl: recordingFetch, now: DAY_ONE, payload, timeoutMs: TIMEOUT_MS })
    expect(summary).toMatchObject({ broken: 4, checked: 7, redirected: 1, retired: 3 })

    expect(await row(`${base}/ok`)).toMatchObject({ outcome: 'ok', statusCode: 200 })
    expect(await row(`${base}/moved`)).toMatchObject({
      finalUrl: `${base}/ok`,
      outcome: 'redirected',
      redirects: [expect.objectContaining({ status: 301, url: `${base}/ok` })],
      statusCode: 200,
    })
    const missing = await row(`${base}/missing`)
    expect(missing).toMatchObject({ outcome: 'broken', problemSince: DAY_ONE.toISOString(), statusCode: 404 })
    expect(missing?.usedBy?.map((usage) => usage.key)).toEqual([`pages:${ids.links}`])
    expect(await row(`${base}/error`)).toMatchObject({ outcome: 'broken', statusCode: 500 })
    expect((await row(`${base}/error`))?.usedBy?.map((usage) => usage.key).sort()).toEqual(
      [`pages:${ids.links}`, `parliamentary-questions:${ids.question}`].sort(),
    )
    expect(await row(`${base}/no-head`)).toMatchObject({ outcome: 'ok', statusCode: 200 })
    expect(await row(`${base}/hang`)).toMatchObject({ error: 'No answer within 0.4 s', outcome: 'broken' })
    expect(await row(`${base}/close`)).toMatchObject({ error: 'The connection was closed without an answer', outcome: 'broken' })
    expect(await row('http://www.nhsdirect.nhs.uk/')).toMatchObject({
      outcome: 'retired',
      retiredService: expect.stringMatching(/^NHS Direct: NHS 111/),
    })
    expect(await row('tel:08454647')).toMatchObject({ outcome: 'retired', retiredService: expect.stringMatching(/^NHS Direct/) })
    expect(await row('tel:08456001234')).toMatchObject({
      outcome: 'retired',
      usedBy: [expect.objectContaining({ key: `updates:${ids.update}` })],
    })

    // HEAD first, GET only where HEAD was refused or the connection dropped.
    expect(seen.filter((request) => request.path === '/no-head').map((request) => request.method)).toEqual(['HEAD', 'GET'])
    expect(seen.filter((request) => request.path === '/close').map((request) => request.method)).toEqual(['HEAD', 'GET'])
    expect(seen.filter((request) => request.path === '/missing').map((request) => request.method)).toEqual(['HEAD'])
    // Every request names the hub.
    expect([...new Set(seen.map((request) => request.userAgent))]).toEqual([expect.stringContaining('Diabetes Network Hub')])
  })

  it('asks nothing outside the machine, nothing on the hub itself, and nothing only a draft links to', async () => {
    expect(fetched.length).toBeGreaterThan(0)
    expect(fetched.filter((url) => !url.startsWith(`${base}/`))).toEqual([])
    expect(seen.map((request) => request.path)).not.toEqual(expect.arrayContaining(['/draft-only']))
    expect(seen.map((request) => request.path)).not.toEqual(expect.arrayContaining(['/draft-later']))
    for (const url of [
      'http://127.0.0.1:9/care-areas/links',
      'https://www.nhs.uk/conditions/diabetes/',
      `${base}/draft-only`,
      `${base}/draft-later`,
    ])
      expect(await row(url), url).toBeUndefined()
  })

  it('asks each address at most once a UK day', async () => {
    const before = seen.length
    expect(await checkLinks({ fetchImpl: recordingFetch, now: DAY_ONE_EVENING, payload, timeoutMs: TIMEOUT_MS })).toMatchObject({
      checked: 0,
    })
    expect(seen.length).toBe(before)
    const next = await checkLinks({ fetchImpl: recordingFetch, now: DAY_TWO, payload, timeoutMs: TIMEOUT_MS })
    expect(next).toMatchObject({ broken: 4, checked: 7 })
    expect(seen.slice(before).filter((request) => request.path === '/missing')).toHaveLength(1)
    // Still broken: the problem dates from the first day it was found.
    expect(await row(`${base}/missing`)).toMatchObject({ problemSince: DAY_ONE.toISOString() })
  })

  it('asks one host at most twice at once', async () => {
    await payload.create({
      collection: 'care-areas',
      data: {
        _status: 'published',
        body: richText({
          children: [paragraph({ text: [1, 2, 3, 4, 5, 6].map((n) => link({ text: `slow ${n}`, url: `${slowBase}/slow/${n}` })) })],
        }),
        slug: 'slow',
        step: 2,
        summary: 'Six links to one slow site.',
        title: 'Slow',
      },
    })
    const summary = await checkLinks({ fetchImpl: recordingFetch, hosts: ['127.0.0.2'], now: DAY_THREE, payload, timeoutMs: 5000 })
    expect(summary.checked).toBe(6)
    expect(slow.done).toBe(6)
    expect(slow.most).toBe(2)
  })
})

describe('who sees the results', () => {
  it('content staff read them over REST and GraphQL; everyone else gets nothing', async () => {
    for (const viewer of VIEWERS) {
      const { json, status } = await api.rest({ path: 'link-checks?limit=100&depth=0', token: tokens.get(viewer) })
      const graph = await api.graphql({ query: '{ LinkChecks(limit: 100) { docs { url } } }', token: tokens.get(viewer) })
      if (READERS.includes(viewer)) {
        expect(status, viewer).toBe(200)
        expect(json.totalDocs, viewer).toBeGreaterThan(5)
        expect(graph.json.data?.LinkChecks?.docs.length, viewer).toBe(json.totalDocs)
      } else {
        expect(status, viewer).toBe(403)
        expect(graph.json.data?.LinkChecks ?? null, viewer).toBeNull()
      }
    }
  })

  it('the Local API with access enforced agrees, and nobody writes a row', async () => {
    for (const viewer of VIEWERS) {
      const req = await reqFor(viewer)
      const read = payload.find({ collection: 'link-checks', overrideAccess: false, req, user: req.user ?? undefined })
      if (READERS.includes(viewer)) expect((await read).totalDocs, viewer).toBeGreaterThan(5)
      else await expect(read, viewer).rejects.toThrow()
      await expect(
        payload.create({
          collection: 'link-checks',
          data: { outcome: 'ok', url: `${base}/${viewer}` },
          overrideAccess: false,
          req,
          user: req.user ?? undefined,
        }),
        viewer,
      ).rejects.toThrow()
      const { status } = await api.rest({
        body: { outcome: 'ok' },
        method: 'PATCH',
        path: `link-checks?where[outcome][equals]=broken`,
        token: tokens.get(viewer),
      })
      expect(status, viewer).toBeGreaterThanOrEqual(400)
      expect(status, viewer).toBeLessThan(500)
    }
    // A PATCH that was allowed would have changed rows: none did.
    expect((await payload.count({ collection: 'link-checks', where: { outcome: { equals: 'broken' } } })).totalDocs).toBe(4)
  })

  it('only administrators start a check now (queued for the job runner)', async () => {
    for (const viewer of VIEWERS) {
      const { status } = await api.rest({ method: 'POST', path: 'link-checks/run', token: tokens.get(viewer) })
      expect(status, viewer).toBe(viewer === 'admin' ? 202 : 403)
    }
    const jobs = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'checkLinks' } } })
    expect(jobs.totalDocs).toBeGreaterThanOrEqual(1)
  })

  it('runs nightly by default on the job scheduler', () => {
    const task = payload.config.jobs.tasks?.find((each) => each.slug === 'checkLinks')
    expect(task?.schedule).toEqual([{ cron: '0 30 2 * * *', queue: 'default' }])
  })
})

describe('where staff see a broken link', () => {
  it("on the content owner's work list, linking to the page", async () => {
    const sections = await workFor({ req: await reqFor('editor') })
    const section = sections.find((each) => each.key === 'link-problems')!
    expect(section.heading).toBe('Broken or redirected links in your pages (7)')
    expect(section.items.every((item) => item.href === `/collections/pages/${ids.links}`)).toBe(true)
    expect(section.items.map((item) => item.detail)).toEqual(
      expect.arrayContaining([
        `Broken link: ${base}/missing (404)`,
        `Redirected link: ${base}/moved now leads to ${base}/ok`,
        'Retired service: phone number 08454647 (NHS Direct: NHS 111: call 111 or go to 111.nhs.uk. NHS Direct closed in 2014.)',
        `Broken link: ${base}/hang (No answer within 0.4 s)`,
      ]),
    )
    // Another editor owns none of these pages.
    const others = (await workFor({ req: await reqFor('other-editor') })).find((each) => each.key === 'link-problems')!
    expect(others.items).toEqual([])
  })

  it('in Reviews due, with the reason, though the review is months away', async () => {
    const rows = await findReviewsDue({
      now: DAY_ONE,
      payload,
      req: await reqFor('clinical-reviewer'),
      user: users.get('clinical-reviewer'),
    })
    const links = rows.find((each) => each.id === ids.links)
    expect(links?.daysUntilDue).toBeGreaterThan(30)
    expect(links?.linkProblems).toEqual(expect.arrayContaining([`Broken link: ${base}/missing (404)`, `Broken link: ${base}/error (500)`]))
    // Redirects are for the owner's list, not a reason to review the page.
    expect(links?.linkProblems?.some((problem) => problem.startsWith('Redirected'))).toBe(false)
    expect(rows.find((each) => each.id === ids.later)).toBeUndefined()
  })

  it("in the page's edit view, for content staff only", async () => {
    const forEditor = await linkProblemsOfDocument({ collection: 'pages', id: ids.links, req: await reqFor('clinical-reviewer') })
    expect(forEditor.map((problem) => problem.url)).toEqual(expect.arrayContaining([`${base}/missing`, 'tel:08454647']))
    expect(await linkProblemsOfDocument({ collection: 'pages', id: ids.later, req: await reqFor('editor') })).toEqual([])
    for (const viewer of ['anonymous', 'professional', 'responder', 'secretary'] as const)
      expect(await linkProblemsOfDocument({ collection: 'pages', id: ids.links, req: await reqFor(viewer) }), viewer).toEqual([])
  })

  it('drops the row of an address no longer used, and a fixed link leaves the lists', async () => {
    await payload.update({
      collection: 'parliamentary-questions',
      data: { sourceUrl: `${base}/fixed` },
      id: ids.question,
    })
    await checkLinks({ fetchImpl: recordingFetch, hosts: ['127.0.0.1'], now: DAY_THREE, payload, timeoutMs: TIMEOUT_MS })
    expect((await row(`${base}/error`))?.usedBy?.map((usage) => usage.key)).toEqual([`pages:${ids.links}`])
    expect(await row(`${base}/fixed`)).toMatchObject({ outcome: 'ok' })
    await payload.update({
      collection: 'care-areas',
      data: { body: richText({ children: [paragraph({ text: 'No links now.' })] }) },
      where: { slug: { equals: 'slow' } },
    })
    await checkLinks({ fetchImpl: recordingFetch, hosts: ['127.0.0.1'], now: DAY_THREE, payload, timeoutMs: TIMEOUT_MS })
    expect(await row(`${slowBase}/slow/1`)).toBeUndefined()
  })
})
