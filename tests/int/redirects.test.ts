import type { Server } from 'node:http'
import type { Payload } from 'payload'

import http from 'node:http'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../src/payload-types'
import type { TestHub } from '../helpers/hub'

import { serverURL } from '../../src/lib/env'
import { importRedirects } from '../../src/lib/redirects/csv'
import { flushNotFound } from '../../src/lib/redirects/not-found'
import { destinationUrl, normalisedPath } from '../../src/lib/redirects/paths'
import { redirectFor } from '../../src/lib/redirects/table'
import { createApp } from '../../src/server/app'
import { apiClient, signInViewers } from '../helpers/api'
import { listenOnLoopback } from '../helpers/app'
import { createUser, startTestHub, testDatabase } from '../helpers/hub'

let hub: TestHub
let payload: Payload
let api: ReturnType<typeof apiClient>
let tokens: Map<string, string | undefined>
let server: Server
let port: number
const ids: Record<string, number | string> = {}

const VIEWERS = ['anonymous', 'professional', 'responder', 'clinical-reviewer', 'editor', 'admin'] as const

beforeAll(async () => {
  hub = await startTestHub()
  payload = hub.payload
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  ;({ tokens } = await signInViewers({ api, payload, viewers: VIEWERS }))
  const owner = (await payload.findByID({ collection: 'users', id: (await createUser({ payload, roles: ['admin'] })).id })) as User
  const area = await payload.create({
    collection: 'care-areas',
    data: { _status: 'published', slug: 'foot-care', step: 5, summary: 'Feet', title: 'Foot care' },
  })
  ids.area = area.id
  const review = { contentOwner: owner.id, lastReviewed: '2026-01-01', nextReviewDue: '2027-01-01' }
  const page = (data: Record<string, unknown>) =>
    payload.create({ collection: 'pages', data: { careArea: area.id, review, summary: 's', ...data } as never })
  ids.parent = (await page({ _status: 'published', slug: 'screening', title: 'Screening' })).id
  ids.child = (await page({ _status: 'published', parent: ids.parent, slug: 'annual-review', title: 'Annual review' })).id
  ids.draft = (
    await payload.create({
      collection: 'pages',
      data: { careArea: area.id, review, slug: 'unpublished', summary: 's', title: 'Draft' } as never,
      draft: true,
    })
  ).id
  ids.update = (
    await payload.create({
      collection: 'updates',
      data: { _status: 'published', date: '2026-11-01', slug: 'winter-letter', title: 'Winter letter' },
    })
  ).id

  // The server as it runs, with a stand-in for Next: a page at any address but the old site's, which are not found.
  const app = createApp({
    dev: false,
    logger: pino({ level: 'silent' }),
    nextHandler: (req, res) => {
      if (/\.(html?|aspx?)$/i.test(req.path)) res.status(404).type('html').send('<p>Not found</p>')
      else res.type('html').send(`<p>${req.path}</p>`)
    },
    payload,
    state: { draining: false },
    trustProxy: 0,
  })
  ;({ port, server } = await listenOnLoopback({ listener: app }))
})

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  await hub?.cleanup()
})

const visit = (address: string, method = 'GET') =>
  new Promise<{ location?: string; status: number }>((resolve, reject) => {
    http
      .request({ host: '127.0.0.1', method, path: address, port }, (res) => {
        res.resume()
        res.on('end', () => resolve({ location: res.headers.location, status: res.statusCode! }))
      })
      .on('error', reject)
      .end()
  })

const cacheControlOf = (address: string) =>
  new Promise<string | undefined>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', path: address, port }, (res) => {
        res.resume()
        res.on('end', () => resolve(res.headers['cache-control']))
      })
      .on('error', reject)
  })

/** Posts a CSV file to the import endpoint, as the editor unless another token is given. */
const importCsv = ({
  headers = { 'content-type': 'text/csv' },
  text,
  token = tokens.get('editor'),
}: {
  headers?: Record<string, string>
  text: string
  token?: string
}) => api.rest({ headers, method: 'POST', path: 'redirects/import', text, token })

/** The field a refusal names (Payload's ValidationError as REST answers it). */
const refusedField = (json: { errors?: { data?: { errors?: { path?: string }[] } }[] }) => json.errors?.[0]?.data?.errors?.[0]?.path

const create = (data: Record<string, unknown>, token = tokens.get('editor')) =>
  api.rest({ body: data, method: 'POST', path: 'redirects', token })

describe(`old addresses (${testDatabase()})`, () => {
  it('normalises an old address the way it is looked up, and refuses what cannot be one', () => {
    expect(normalisedPath('/Journey/Step2.HTML')).toBe('/journey/step2.html')
    expect(normalisedPath('http://www.old-site.nhs.uk/journey/step%202.html?x=1#top')).toBe('/journey/step 2.html')
    expect(normalisedPath('/tips/')).toBe('/tips')
    for (const bad of ['journey.html', '//evil.example/x', '/a%E0%A4%A', '/a\u0000b', '', 42])
      expect(normalisedPath(bad), String(bad)).toBeNull()
    expect(destinationUrl('javascript:alert(1)')).toBeNull()
    expect(destinationUrl('//evil.example')).toBeNull()
    expect(destinationUrl('https://www.nhs.uk/conditions/diabetes/')).toBe('https://www.nhs.uk/conditions/diabetes/')
  })

  it('editors and administrators manage redirects; other staff read them; nobody else sees them', async () => {
    const made = await create({ destination: { type: 'url', url: '/updates' }, from: '/news.asp' })
    expect(made.status).toBe(201)
    expect(made.json.doc.from).toBe('/news.asp')
    expect((await create({ destination: { type: 'url', url: '/updates' }, from: '/news2.asp' }, tokens.get('admin'))).status).toBe(201)
    for (const viewer of ['anonymous', 'professional', 'responder', 'clinical-reviewer'] as const) {
      const body = { destination: { type: 'url', url: '/' }, from: `/by-${viewer}.html` }
      expect((await api.rest({ body, method: 'POST', path: 'redirects', token: tokens.get(viewer) })).status, viewer).toBe(403)
    }
    for (const viewer of ['anonymous', 'professional'] as const) {
      expect((await api.rest({ path: 'redirects', token: tokens.get(viewer) })).status, viewer).toBe(403)
    }
    expect((await api.rest({ path: 'redirects', token: tokens.get('responder') })).status).toBe(403)
    expect((await api.rest({ path: 'redirects', token: tokens.get('clinical-reviewer') })).json.totalDocs).toBeGreaterThan(0)
  })

  it('refuses loops, chains, the hub own addresses and bad destinations, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ destination: { type: 'url', url: '/loop.html' }, from: '/LOOP.html' }, 'destination.url'],
      [{ destination: { type: 'url', url: '/news.asp' }, from: '/chain.html' }, 'destination.url'],
      [{ destination: { type: 'url', url: '/x' }, from: '/admin/collections/users' }, 'from'],
      [{ destination: { type: 'url', url: '/x' }, from: '/api/users' }, 'from'],
      [{ destination: { type: 'url', url: 'javascript:alert(1)' }, from: '/script.html' }, 'destination.url'],
      [{ destination: { type: 'url', url: '/x' }, from: 'no-slash.html' }, 'from'],
      [
        { destination: { document: { relationTo: 'pages', value: ids.draft }, type: 'document' }, from: '/draft.html' },
        'destination.document',
      ],
      [{ destination: { type: 'document' }, from: '/nothing.html' }, 'destination.document'],
      [{ destination: { type: 'url', url: '/elsewhere' }, from: '/news.asp' }, 'from'],
      // A full address of this very site is a path here: loops and chains through it are caught too.
      [{ destination: { type: 'url', url: `${serverURL()}/Loop2.html` }, from: '/loop2.html' }, 'destination.url'],
      [{ destination: { type: 'url', url: `${serverURL()}/news.asp?x=1` }, from: '/chain2.html' }, 'destination.url'],
      [{ destination: { type: 'url', url: '/a/../loop3.html' }, from: '/loop3.html' }, 'destination.url'],
      // Browsers read /\\host as another site.
      [{ destination: { type: 'url', url: '/\\evil.example/x' }, from: '/slash.html' }, 'destination.url'],
      // The hub's own pages and forms, and an address a published page lives at.
      ...['/login', '/logout', '/newsletter/unsubscribe', '/search', '/preview/pages/1', '/privacy', '/sitemap.xml', '/updates', '/'].map(
        (from): [Record<string, unknown>, string] => [{ destination: { type: 'url', url: '/x' }, from }, 'from'],
      ),
      [{ destination: { type: 'url', url: '/updates' }, from: '/care-areas/foot-care/screening' }, 'from'],
      [{ destination: { type: 'url', url: '/updates' }, from: '/Updates/Winter-Letter' }, 'from'],
    ]
    for (const [data, field] of cases) {
      const answer = await create(data)
      expect(answer.status, JSON.stringify(data)).toBe(400)
      expect(refusedField(answer.json), JSON.stringify(data)).toBe(field)
    }
    // Leading to an address another redirect leads to is fine; a redirect from an address one leads to is a chain.
    expect((await create({ destination: { type: 'url', url: '/updates' }, from: '/old-news.html' })).status).toBe(201)
    expect((await create({ destination: { type: 'url', url: '/old-b.html' }, from: '/old-a.html' })).status).toBe(201)
    const reverse = await create({ destination: { type: 'url', url: '/updates' }, from: '/old-b.html' })
    expect(reverse.status).toBe(400)
    expect(refusedField(reverse.json)).toBe('from')
    // Stored as it will be sent: this site's full address as its path.
    const own = await create({ destination: { type: 'url', url: `${serverURL()}/consultations?open=1` }, from: '/consult.html' })
    expect(own.json.doc.destination.url).toBe('/consultations?open=1')
  })

  it('sends readers of an old address on before the site renders, to a document wherever it now is', async () => {
    const made = await create({
      destination: { document: { relationTo: 'pages', value: ids.child }, type: 'document' },
      from: '/journey/step5/annual.html',
      statusCode: '302',
    })
    expect(made.status).toBe(201)
    expect(await visit('/Journey/Step5/Annual.html?ref=old')).toEqual({
      location: '/care-areas/foot-care/screening/annual-review',
      status: 302,
    })
    expect(await visit('/news.asp', 'HEAD')).toEqual({ location: '/updates', status: 301 })
    // Browsers keep a permanent redirect a day, so a corrected one reaches them; a temporary one not at all.
    expect(await cacheControlOf('/news.asp')).toBe('public, max-age=86400')
    expect(await cacheControlOf('/journey/step5/annual.html')).toBe('no-store')
    // No redirect: the site answers as before.
    expect((await visit('/unknown-old-page.html')).status).toBe(404)
    expect((await visit('/care-areas/foot-care')).status).toBe(200)
    // A write is never redirected.
    expect((await visit('/news.asp', 'POST')).status).not.toBe(301)
  })

  it('a published page that moves, or whose care area is renamed, leaves redirects from its old addresses', async () => {
    await payload.update({ collection: 'pages', data: { _status: 'published', slug: 'checks' }, id: ids.parent })
    expect(await redirectFor({ path: '/care-areas/foot-care/screening', payload })).toEqual({
      location: '/care-areas/foot-care/checks',
      status: 301,
    })
    // The page below it moved too.
    expect(await redirectFor({ path: '/care-areas/foot-care/screening/annual-review', payload })).toEqual({
      location: '/care-areas/foot-care/checks/annual-review',
      status: 301,
    })
    await payload.update({ collection: 'care-areas', data: { _status: 'published', slug: 'feet' }, id: ids.area })
    expect(await visit('/care-areas/foot-care')).toEqual({ location: '/care-areas/feet', status: 301 })
    expect(await visit('/care-areas/foot-care/checks/annual-review')).toEqual({
      location: '/care-areas/feet/checks/annual-review',
      status: 301,
    })
    // The first move's redirect follows the page: still one step, to where it is now.
    expect(await visit('/care-areas/foot-care/screening')).toEqual({ location: '/care-areas/feet/checks', status: 301 })
    const moved = await payload.find({ collection: 'redirects', limit: 0, where: { origin: { equals: 'moved' } } })
    expect(moved.docs.map((doc) => doc.from).sort()).toEqual([
      '/care-areas/foot-care',
      '/care-areas/foot-care/checks',
      '/care-areas/foot-care/checks/annual-review',
      '/care-areas/foot-care/screening',
      '/care-areas/foot-care/screening/annual-review',
    ])
    // A draft with a new slug moves nothing until it is published.
    await payload.update({ collection: 'updates', data: { slug: 'winter-letter-2026' }, draft: true, id: ids.update })
    expect(await redirectFor({ path: '/updates/winter-letter', payload })).toBeNull()
    await payload.update({ collection: 'updates', data: { _status: 'published', slug: 'winter-letter-2026' }, id: ids.update })
    expect(await redirectFor({ path: '/updates/winter-letter', payload })).toEqual({ location: '/updates/winter-letter-2026', status: 301 })
    // A new document published at a redirected address takes it: the redirect goes.
    expect((await create({ destination: { type: 'url', url: '/updates' }, from: '/updates/spring-letter' })).status).toBe(201)
    await payload.create({
      collection: 'updates',
      data: { _status: 'published', date: '2026-11-02', slug: 'spring-letter', title: 'Spring letter' },
    })
    expect(await redirectFor({ path: '/updates/spring-letter', payload })).toBeNull()
    expect((await payload.find({ collection: 'redirects', where: { from: { equals: '/updates/spring-letter' } } })).totalDocs).toBe(0)
    // Moving back takes the old address back: no redirect hides the page there.
    await payload.update({ collection: 'updates', data: { _status: 'published', slug: 'winter-letter' }, id: ids.update })
    expect(await redirectFor({ path: '/updates/winter-letter', payload })).toBeNull()
    expect(await redirectFor({ path: '/updates/winter-letter-2026', payload })).toEqual({ location: '/updates/winter-letter', status: 301 })
  })

  it('imports a CSV all or nothing, each problem with its line, and the same file twice changes nothing', async () => {
    const csv = [
      'from,to,status',
      '/journey/step1.html,/care-areas/feet,301',
      'http://old.example.nhs.uk/Tips.aspx,/commissioning/ten-top-tips,',
      '',
    ].join('\n')
    const first = await importCsv({ text: csv })
    expect(first.status).toBe(200)
    expect(first.json).toMatchObject({ created: 2, unchanged: 0 })
    expect(await redirectFor({ path: '/tips.aspx', payload })).toEqual({ location: '/commissioning/ten-top-tips', status: 301 })
    expect((await importRedirects({ csv, payload })).unchanged).toBe(2)

    const bad = [
      'from,to,status',
      '',
      '"/fine.html",/updates,301',
      'no-slash.html,/updates,',
      '/loop.html,/loop.html,',
      '/chain.html,/news.asp,',
      '/twice.html,/x,',
      '/twice.html,/y,',
      '/odd.html,/x,307',
      '"/two\nlines.html",/x,',
      'no-slash-again.html,/x,',
    ].join('\n')
    const refused = await importCsv({ text: bad })
    expect(refused.status).toBe(400)
    const messages = refused.json.errors.map((error: { message: string }) => error.message)
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Line 4: /),
        expect.stringMatching(/^Line 5: .*itself/),
        expect.stringMatching(/^Line 6: .*itself redirected/),
        expect.stringMatching(/^Line 8: .*also on line 7/),
        expect.stringMatching(/^Line 9: .*301 or 302/),
        // A quoted field over two lines: its row starts on line 10, the next on line 12.
        expect.stringMatching(/^Line 10: /),
        expect.stringMatching(/^Line 12: /),
      ]),
    )
    expect(messages).toHaveLength(7)
    expect(await redirectFor({ path: '/fine.html', payload })).toBeNull()

    for (const [headers, token, status] of [
      [{ 'content-type': 'text/csv' }, tokens.get('responder'), 403],
      [{ 'content-type': 'text/csv' }, undefined, 401],
      [{ 'content-type': 'application/json' }, tokens.get('editor'), 415],
    ] as const) {
      expect((await api.rest({ headers, method: 'POST', path: 'redirects/import', text: csv, token })).status, String(status)).toBe(status)
    }
    const unparsable = await importCsv({ text: 'from,to\n"/a,/b\n' })
    expect(unparsable.status).toBe(400)
    expect(JSON.stringify(unparsable.json.errors)).toContain('not valid CSV')
  })

  it('a file with one bad row among good ones creates nothing, and says which line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redirects-'))
    const file = path.join(dir, 'redirects.csv')
    fs.writeFileSync(file, 'from,to\n/only-good.html,/updates\n/bad,javascript:x\n')
    const result = await importRedirects({ csv: fs.readFileSync(file, 'utf8'), payload })
    expect(result.created).toBe(0)
    expect(result.problems).toEqual([expect.objectContaining({ field: 'to', line: 3 })])
    fs.rmSync(dir, { force: true, recursive: true })
  })

  it('counts old-looking addresses that lead nowhere for the Not found report, read by content staff only', async () => {
    for (let index = 0; index < 3; index++) expect((await visit('/Journey/Step9.HTML?from=bookmark')).status).toBe(404)
    expect((await visit('/services/old.asp')).status).toBe(404)
    // Found, redirected, or not an old-looking address: not counted.
    await visit('/care-areas/feet')
    await visit('/news.asp')
    await flushNotFound({ payload })
    const rows = await payload.find({ collection: 'not-found', limit: 10, sort: '-count' })
    // The earlier test's unknown address was counted too.
    expect(Object.fromEntries(rows.docs.map((row) => [row.path, row.count]))).toEqual({
      '/journey/step9.html': 3,
      '/services/old.asp': 1,
      '/unknown-old-page.html': 1,
    })
    expect(rows.docs[0]?.path).toBe('/journey/step9.html')
    // Counts add up across flushes.
    await visit('/services/old.asp')
    await flushNotFound({ payload })
    expect((await payload.find({ collection: 'not-found', where: { path: { equals: '/services/old.asp' } } })).docs[0]?.count).toBe(2)

    for (const viewer of ['anonymous', 'professional', 'responder'] as const)
      expect((await api.rest({ path: 'not-found', token: tokens.get(viewer) })).status, viewer).toBe(403)
    expect((await api.rest({ path: 'not-found', token: tokens.get('clinical-reviewer') })).json.totalDocs).toBe(3)
    const row = rows.docs[0]!
    const forged = await api.rest({ body: { count: 0 }, method: 'PATCH', path: `not-found/${row.id}`, token: tokens.get('admin') })
    expect(forged.status).toBe(403)
    expect((await api.rest({ method: 'DELETE', path: `not-found/${row.id}`, token: tokens.get('editor') })).status).toBe(200)

    // A full report takes no new address, but still counts those it lists.
    const listed = (await payload.count({ collection: 'not-found' })).totalDocs
    await visit('/made-up-1.html')
    await visit('/services/old.asp')
    await flushNotFound({ maxRows: listed, payload })
    expect((await payload.find({ collection: 'not-found', where: { path: { equals: '/made-up-1.html' } } })).totalDocs).toBe(0)
    expect((await payload.find({ collection: 'not-found', where: { path: { equals: '/services/old.asp' } } })).docs[0]?.count).toBe(3)
  })
})
