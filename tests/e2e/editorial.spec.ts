import type { Page } from '@playwright/test'

import { expect, test } from '@playwright/test'
import sharp from 'sharp'

import { adminToken, axeViolations, createStaff, outboxMails, seriousViolations, signInToAdmin } from './helpers'

const mailWith = async ({ address, subject }: { address: string; subject: string }) => {
  await expect.poll(() => outboxMails(address).some((mail) => mail.subject === subject), { timeout: 45_000 }).toBe(true)
  return outboxMails(address)
    .filter((mail) => mail.subject === subject)
    .at(-1)!
}

/** The sign-off panel's link or form has hydrated once its heading line shows. */
const signOffStatus = (page: Page) => page.locator('.sign-off-panel')

test('an editor drafts a page with an image, previews it, sends it for sign-off; the reviewer returns it, then signs off the fix', async ({
  browser,
  playwright,
  request,
}) => {
  test.setTimeout(240_000)
  const token = await adminToken()
  const eve = await createStaff({ name: 'Eve Editor', request, roles: ['editor'], token })
  const rhys = await createStaff({ name: 'Rhys Reviewer', request, roles: ['clinical-reviewer'], token })
  // Signed in from a context of its own: `request` stays anonymous, as the public is.
  const signing = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${process.env.E2E_PORT}` })
  const editorToken = (await (await signing.post('/api/users/login', { data: { email: eve.email, password: eve.password } })).json()).token
  await signing.dispose()
  const asEditor = { authorization: `JWT ${editorToken}` }
  // The editor's picture, uploaded as they would from the media library.
  const png = await sharp({ create: { background: '#005eb8', channels: 3, height: 300, width: 400 } })
    .png()
    .toBuffer()
  const media = await request.post('/api/media', {
    headers: asEditor,
    multipart: {
      _payload: JSON.stringify({ alt: 'A foot check in clinic' }),
      file: { buffer: png, mimeType: 'image/png', name: 'foot-check.png' },
    },
  })
  expect(media.status()).toBe(201)
  const mediaId = (await media.json()).doc.id
  const area = (await (await request.get('/api/care-areas?limit=1&sort=step&depth=0')).json()).docs[0]
  const title = `Checking feet ${Date.now()}`
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-')
  const paragraph = (text: string) => ({
    children: [{ detail: 0, format: 0, mode: 'normal', style: '', text, type: 'text', version: 1 }],
    direction: 'ltr',
    format: '',
    indent: 0,
    textFormat: 0,
    type: 'paragraph',
    version: 1,
  })
  const created = await request.post('/api/pages?draft=true', {
    data: {
      _status: 'draft',
      body: {
        root: {
          children: [
            paragraph('Check both feet at every annual review.'),
            { fields: null, format: '', relationTo: 'media', type: 'upload', value: mediaId, version: 3 },
          ],
          direction: 'ltr',
          format: '',
          indent: 0,
          type: 'root',
          version: 1,
        },
      },
      careArea: area.id,
      review: { contentOwner: eve.id, nextReviewDue: '2027-06-01' },
      slug,
      summary: 'How to check feet at the annual review.',
      title,
    },
    headers: asEditor,
  })
  expect(created.status()).toBe(201)
  const id = (await created.json()).doc.id
  const publicPath = `/care-areas/${area.slug}/${slug}`

  // The editor lands on their work: the draft is listed, and the dashboard passes axe.
  const editor = await signInToAdmin({ account: eve, browser, options: { viewport: { height: 900, width: 1280 } } })
  await expect(editor.getByRole('heading', { level: 1, name: 'Your work' })).toBeVisible()
  await expect(editor.getByRole('region', { name: /Your guidance drafts/ }).getByRole('link', { name: title })).toBeVisible()
  expect(await axeViolations(editor, { include: '.work-dashboard' })).toEqual([])

  // No Publish button for an editor; a date typed the UK way is stored as that day.
  await editor.goto(`/admin/collections/pages/${id}`)
  await expect(signOffStatus(editor)).toContainText('Sign-off status: Draft')
  expect(await axeViolations(editor, { include: '.sign-off-panel' })).toEqual([])
  await expect(editor.getByRole('button', { name: /^Publish/ })).toHaveCount(0)
  const due = editor.locator('#field-review__nextReviewDue input')
  await due.fill('01/12/2026')
  await due.press('Enter')
  await editor.getByRole('button', { name: 'Save draft' }).click()
  await expect(editor.getByText(/saved successfully/i).first()).toBeVisible({ timeout: 15_000 })
  const saved = await (await request.get(`/api/pages/${id}?draft=true&depth=0`, { headers: asEditor })).json()
  expect(saved.review.nextReviewDue.slice(0, 10)).toBe('2026-12-01')
  await expect(due).toHaveValue('01/12/2026')

  // The preview renders the draft as the public page would, image included; the public gets 404 for both addresses.
  const preview = await editor.context().newPage()
  await preview.goto(`/preview/pages/${id}`)
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(preview.getByRole('img', { name: 'A foot check in clinic' })).toBeVisible()
  await expect(preview.getByText('It is not public yet.')).toBeVisible()
  expect(await axeViolations(preview)).toEqual([])
  await preview.setViewportSize({ height: 844, width: 390 })
  await expect(preview.getByRole('img', { name: 'A foot check in clinic' })).toBeVisible()
  await preview.close()
  expect((await request.get(publicPath)).status()).toBe(404)
  expect((await request.get(`/preview/pages/${id}`)).status()).toBe(404)
  // Live Preview beside the form shows the same render.
  await editor.getByRole('button', { name: 'Live Preview', exact: true }).click()
  await expect(editor.frameLocator(`iframe[src$="/preview/pages/${id}"]`).getByRole('heading', { level: 1 })).toHaveText(title, {
    timeout: 15_000,
  })
  await editor.getByRole('button', { name: 'Exit Live Preview' }).click()

  // Sent for sign-off with a note: every clinical reviewer is emailed a link to the sign-off view.
  await editor.getByLabel('Note for the clinical reviewer').fill('New page with a picture of the check.')
  await editor.getByRole('button', { name: 'Send for clinical sign-off' }).click()
  await expect(signOffStatus(editor)).toContainText('Awaiting clinical sign-off', { timeout: 15_000 })
  const asked = await mailWith({ address: rhys.email, subject: `Clinical sign-off requested: ${title}` })
  expect(asked.text).toContain('Eve Editor asks you to sign off')
  expect(asked.text).toContain('New page with a picture of the check.')
  const reviewLink = new URL(/https?:\/\/\S+\/admin\/sign-off\/\d+/.exec(asked.text)![0]).pathname

  // The reviewer sees it on their dashboard, opens the emailed link: the rendered draft and what changed.
  const reviewer = await signInToAdmin({ account: rhys, browser, options: { viewport: { height: 900, width: 1280 } } })
  await expect(reviewer.getByRole('region', { name: /Awaiting your sign-off/ }).getByRole('link', { name: title })).toBeVisible()
  await reviewer.goto(reviewLink)
  await expect(reviewer.getByRole('heading', { level: 1 })).toHaveText(`Clinical sign-off: ${title}`)
  await expect(reviewer.getByRole('row', { name: /Title/ })).toContainText(title)
  await expect(reviewer.getByRole('row', { name: /Body/ })).toContainText('Check both feet at every annual review.')
  await expect(reviewer.frameLocator('iframe.sign-off__preview').getByRole('heading', { level: 1 })).toHaveText(title)
  expect(await axeViolations(reviewer, { include: '.sign-off' })).toEqual([])
  await reviewer.getByLabel('Or return it to the editor: what needs to change?').fill('Say how often: NICE NG19 asks for a yearly check.')
  await reviewer.getByRole('button', { name: 'Return to the editor' }).click()
  await expect(reviewer.locator('.sign-off [role=status]')).toContainText('Returned')

  // The editor is told why, fixes the draft and sends it again.
  const returned = await mailWith({ address: eve.email, subject: `Returned for changes: ${title}` })
  expect(returned.text).toContain('NICE NG19 asks for a yearly check.')
  await editor.reload()
  await expect(signOffStatus(editor)).toContainText('Returned for changes')
  await expect(signOffStatus(editor)).toContainText('NICE NG19 asks for a yearly check.')
  await editor.locator('#field-summary').fill('How to check feet every year, at the annual review (NICE NG19).')
  await editor.getByRole('button', { name: 'Save draft' }).click()
  await expect(editor.getByText(/saved successfully/i).first()).toBeVisible({ timeout: 15_000 })
  await editor.getByLabel('Note for the clinical reviewer').fill('Added the yearly interval.')
  await editor.getByRole('button', { name: 'Send for clinical sign-off' }).click()
  await expect(signOffStatus(editor)).toContainText('Awaiting clinical sign-off', { timeout: 15_000 })

  // The reviewer signs off: the page is published and the public reads it.
  await reviewer.goto(reviewLink)
  await expect(reviewer.getByRole('row', { name: /Summary/ })).toContainText('every year')
  await reviewer.getByRole('button', { name: 'Sign off and publish' }).click()
  await expect(reviewer.locator('.sign-off [role=status]')).toContainText('Signed off')
  const live = await request.get(publicPath)
  expect(live.status()).toBe(200)
  expect(await live.text()).toContain('How to check feet every year, at the annual review (NICE NG19).')
  await mailWith({ address: eve.email, subject: `Signed off and published: ${title}` })
  const records = await (await request.get(`/api/sign-offs?where[page][equals]=${id}&sort=signedOffAt`, { headers: asEditor })).json()
  expect(records.docs.map((record: { decision: string }) => record.decision)).toEqual(['returned', 'signed-off'])
  expect(records.docs[0].reason).toBe('Say how often: NICE NG19 asks for a yearly check.')
  await editor.context().close()
  await reviewer.context().close()
})

test('a responder lands on their queue and answers the first question due', async ({ browser, request }) => {
  test.setTimeout(120_000)
  const token = await adminToken()
  const rita = await createStaff({ name: 'Rita Queue', request, roles: ['responder'], token })
  const asked = await request.post('/api/questions', {
    data: { email: `queue.${Date.now()}@example.org`, name: 'Sam Asker', question: 'Where is the nearest foot protection clinic?' },
  })
  expect(asked.status()).toBe(201)
  const { doc } = await asked.json()
  const question = await (await request.get(`/api/questions/${doc.id}`, { headers: { authorization: `JWT ${token}` } })).json()
  const assigned = await request.patch(`/api/questions/${doc.id}`, {
    data: { assignee: rita.id, status: 'assigned' },
    headers: { authorization: `JWT ${token}` },
  })
  expect(assigned.status()).toBe(200)

  const desk = await signInToAdmin({ account: rita, browser })
  // The navigation holds the desk's work only.
  const nav = desk.locator('nav.nav__wrap, .nav')
  await expect(nav.getByRole('link', { name: 'Questions', exact: true })).toBeVisible()
  for (const hidden of ['Guidance pages', 'Users', 'Site settings'])
    await expect(nav.getByRole('link', { name: hidden, exact: true })).toHaveCount(0)
  const mine = desk.getByRole('region', { name: /Questions assigned to you/ })
  await expect(mine.getByRole('link').first()).toHaveText(question.reference)
  expect(await axeViolations(desk, { include: '.work-dashboard' })).toEqual([])
  await mine.getByRole('link', { name: question.reference }).click()
  await expect(desk).toHaveURL(new RegExp(`/admin/collections/questions/${doc.id}$`))
  await desk.locator('#field-answer').fill('The foot protection service at the diabetes centre, by GP referral.')
  await desk.locator('#field-status').click()
  await desk.getByRole('option', { name: 'Answered' }).click()
  await desk.getByRole('button', { name: 'Save' }).click()
  await expect(desk.getByText(/successfully/i).first()).toBeVisible({ timeout: 15_000 })
  const answered = await (await request.get(`/api/questions/${doc.id}`, { headers: { authorization: `JWT ${token}` } })).json()
  expect(answered.status).toBe('answered')
  await desk.context().close()
})

test("the hub's own admin views pass axe; what fails around them is Payload's", async ({ browser, request }) => {
  test.setTimeout(120_000)
  const admin = await signInToAdmin({
    account: { email: process.env.E2E_ADMIN_EMAIL!, password: process.env.E2E_ADMIN_PASSWORD! },
    browser,
  })
  const views: { heading: RegExp; include: string; path: string }[] = [
    { heading: /^Your work$/, include: '.work-dashboard', path: '/admin' },
    { heading: /^Reviews due$/, include: '.staff-view', path: '/admin/reviews-due' },
    { heading: /^Feedback by page$/, include: '.staff-view', path: '/admin/feedback-by-page' },
    { heading: /^Question report$/, include: '.staff-view', path: '/admin/question-report' },
  ]
  const around: Record<string, string[]> = {}
  for (const view of views) {
    await admin.goto(view.path)
    await expect(admin.getByRole('heading', { level: 1 })).toHaveText(view.heading)
    expect(await admin.getByRole('heading', { level: 1 }).count(), view.path).toBe(1)
    expect(await axeViolations(admin, { include: view.include }), view.path).toEqual([])
    around[view.path] = await seriousViolations(admin)
  }
  // A draft update's preview, as the admin's Preview button opens it.
  const update = await request.post('/api/updates?draft=true', {
    data: {
      _status: 'draft',
      date: '2026-12-03',
      slug: `axe-update-${Date.now()}`,
      summary: 'Not out yet.',
      title: 'A draft network update',
    },
    headers: { authorization: `JWT ${await adminToken()}` },
  })
  expect(update.status()).toBe(201)
  await admin.goto(`/preview/updates/${(await update.json()).doc.id}`)
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('A draft network update')
  expect(await axeViolations(admin)).toEqual([])
  // The newsletter's "Preview and send" panel sits in Payload's edit view.
  const issue = await request.post('/api/newsletters', {
    data: {
      preheader: 'Checked with axe',
      slug: `axe-check-${Date.now()}`,
      status: 'draft',
      subject: 'Axe check issue',
      topic: 'network-updates',
    },
    headers: { authorization: `JWT ${await adminToken()}` },
  })
  expect(issue.status()).toBe(201)
  await admin.goto(`/admin/collections/newsletters/${(await issue.json()).doc.id}`)
  await expect(admin.getByRole('heading', { name: 'Preview and send' })).toBeVisible({ timeout: 15_000 })
  expect(await axeViolations(admin, { include: '.newsletter-panel' })).toEqual([])
  around.newsletter = await seriousViolations(admin)
  // Serious or critical findings outside the hub's parts come from Payload's UI; README lists them. A new one fails here.
  const unexplained = Object.entries(around).flatMap(([where, findings]) =>
    findings.filter((finding) => !PAYLOAD_FINDINGS.includes(finding.split(':')[0]!)).map((finding) => `${where}: ${finding}`),
  )
  expect(unexplained).toEqual([])
  await admin.context().close()
})

/** Serious or critical axe rules Payload's own admin chrome breaks (README, "Accessibility of the admin"). */
const PAYLOAD_FINDINGS = [
  // The document controls' "more" menu (PopupButton in DocumentControls): a button inside a button, with no name.
  'aria-command-name',
  'button-name',
  'nested-interactive',
  // react-select in Payload's Select field: an unlabelled input and a focusable indicator inside aria-hidden.
  'aria-hidden-focus',
  'label',
  // The Lexical rich-text field's ContentEditable has no accessible name.
  'aria-input-field-name',
  // DocumentTabs: a list whose children are not list items.
  'list',
]
