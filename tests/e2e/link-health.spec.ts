import type { IncomingMessage, ServerResponse } from 'node:http'

import { expect, test } from '@playwright/test'
import http from 'node:http'

import { adminToken, axeViolations, createStaff, signInToAdmin } from './helpers'

/** A site on loopback whose page has gone: every request is answered 404, and counted. */
const startGoneSite = async () => {
  const asked: string[] = []
  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    asked.push(`${req.method} ${req.url}`)
    res.writeHead(404, { 'content-type': 'text/plain' }).end('gone')
  })
  server.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  return { asked, port: (server.address() as { port: number }).port, server }
}

test("a broken link in a published page reaches its owner's work list, Reviews due and the page's edit view", async ({
  browser,
  playwright,
  request,
}) => {
  test.setTimeout(180_000)
  const site = await startGoneSite()
  const goneUrl = `http://127.0.0.1:${site.port}/old-leaflet`
  const token = await adminToken()
  const owner = await createStaff({ name: 'Lena Linkowner', request, roles: ['editor'], token })
  const reviewer = await createStaff({ name: 'Rory Reviewer', request, roles: ['clinical-reviewer'], token })
  const signing = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${process.env.E2E_PORT}` })
  const reviewerToken = (
    await (await signing.post('/api/users/login', { data: { email: reviewer.email, password: reviewer.password } })).json()
  ).token
  await signing.dispose()

  // A clinical reviewer publishes a page the editor owns, linking to the page that has gone.
  const area = (await (await request.get('/api/care-areas?limit=1&sort=step&depth=0')).json()).docs[0]
  const title = `Leaflets ${Date.now()}`
  const text = (value: string) => ({ detail: 0, format: 0, mode: 'normal', style: '', text: value, type: 'text', version: 1 })
  const created = await request.post('/api/pages', {
    data: {
      _status: 'published',
      audience: 'public',
      body: {
        root: {
          children: [
            {
              children: [
                text('Give people the '),
                {
                  children: [text('foot care leaflet')],
                  direction: 'ltr',
                  fields: { linkType: 'custom', newTab: false, url: goneUrl },
                  format: '',
                  id: '6650f0a1b2c3d4e5f6a7b8c9',
                  indent: 0,
                  type: 'link',
                  version: 3,
                },
                text('.'),
              ],
              direction: 'ltr',
              format: '',
              indent: 0,
              textFormat: 0,
              type: 'paragraph',
              version: 1,
            },
          ],
          direction: 'ltr',
          format: '',
          indent: 0,
          type: 'root',
          version: 1,
        },
      },
      careArea: area.id,
      review: { contentOwner: owner.id, nextReviewDue: '2030-06-01' },
      slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      summary: 'Leaflets to give at the annual review.',
      title,
    },
    headers: { authorization: `JWT ${reviewerToken}` },
  })
  expect(created.status()).toBe(201)
  const pageId = (await created.json()).doc.id

  // An administrator starts the check; the job runner picks it up.
  const started = await request.post('/api/link-checks/run', { headers: { authorization: `JWT ${token}` } })
  expect(started.status()).toBe(202)
  const outcome = async () => {
    const found = await request.get(`/api/link-checks?where[url][equals]=${encodeURIComponent(goneUrl)}&depth=0`, {
      headers: { authorization: `JWT ${token}` },
    })
    return (await found.json()).docs[0]?.outcome ?? null
  }
  await expect.poll(outcome, { intervals: [1000], timeout: 90_000 }).toBe('broken')
  expect(site.asked).toContain('HEAD /old-leaflet')

  const problem = `Broken link: ${goneUrl} (404)`
  const editor = await signInToAdmin({ account: owner, browser })
  const section = editor.locator('.work-dashboard__section', { hasText: 'Broken or redirected links in your pages' })
  await expect(section).toContainText(title)
  await expect(section).toContainText(problem)
  expect(await axeViolations(editor, { include: '.work-dashboard' })).toEqual([])

  await section.getByRole('link', { name: title }).click()
  await expect(editor).toHaveURL(new RegExp(`/admin/collections/pages/${pageId}`))
  const panel = editor.locator('.link-health')
  await expect(panel).toContainText('A link on this page needs attention')
  await expect(panel).toContainText(problem)
  expect(await axeViolations(editor, { include: '.link-health' })).toEqual([])

  await editor.goto('/admin/reviews-due')
  const row = editor.locator('tr', { hasText: title })
  await expect(row).toContainText(problem)
  expect(await axeViolations(editor, { include: '.staff-view' })).toEqual([])

  // The list of link checks, filtered to broken links.
  await editor.goto('/admin/collections/link-checks?where[outcome][equals]=broken')
  await expect(editor.getByRole('link', { name: goneUrl })).toBeVisible()
  expect(await axeViolations(editor, { include: '.link-checks-actions' })).toEqual([])

  await editor.context().close()
  site.server.closeAllConnections()
  await new Promise((resolve) => site.server.close(resolve))
})
