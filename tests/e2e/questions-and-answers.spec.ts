import { expect, test } from '@playwright/test'

import { adminToken, axeViolations, createStaff, signInToAdmin } from './helpers'

// Words no other browser test asks about, so the answer published here is offered to nobody else's question.
const ASKED = 'How often is the retinal camera in the eye screening van calibrated? Thanks, Zebedee Marchbanks'
const PUBLISHED = 'How often is the retinal camera in the eye screening van calibrated?'
const ANSWER = 'The screening provider calibrates each retinal camera every quarter and keeps a log of each calibration.'

test('an asker agrees, a responder proposes the answer, an editor publishes it, and the public finds it', async ({
  browser,
  page,
  request,
}) => {
  test.setTimeout(240_000)
  const token = await adminToken()
  const asAdmin = { authorization: `JWT ${token}` }
  const responder = await createStaff({ name: 'Rae Responder', request, roles: ['responder'], token })
  const editor = await createStaff({ name: 'Ed Editor', request, roles: ['editor'], token })

  // The asker ticks the box that lets the answer be published; it is never ticked for them.
  await page.goto('/ask')
  const consent = page.getByLabel('You may publish my question and your answer on this website')
  await expect(consent).not.toBeChecked()
  await page.getByLabel('Full name').fill('Zebedee Marchbanks')
  await page.getByLabel('Email address').fill(`zebedee.${Date.now()}@example.org`)
  await page.getByLabel('Your question').fill(ASKED)
  await consent.check()
  await page.getByRole('button', { name: 'Send your question' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Question sent')
  const reference = (await page.locator('.nhsuk-panel__body strong').textContent())!.trim()
  const found = await (await request.get(`/api/questions?where[reference][equals]=${reference}&depth=0`, { headers: asAdmin })).json()
  const question = found.docs[0]
  expect(question.publicationConsent).toBe(true)
  const answered = await request.patch(`/api/questions/${question.id}`, {
    data: { answer: ANSWER, status: 'answered' },
    headers: asAdmin,
  })
  expect(answered.status()).toBe(200)

  // The responder proposes it as the public should read it: the asker's name taken out.
  const desk = await signInToAdmin({ account: responder, browser })
  await desk.goto(`/admin/collections/questions/${question.id}`)
  const panel = desk.locator('.propose-answer')
  await expect(panel.getByRole('heading', { name: 'Propose for publication' })).toBeVisible({ timeout: 30_000 })
  await expect(desk.locator('#propose-question')).toHaveValue(ASKED)
  await desk.locator('#propose-care-area option').nth(1).waitFor({ state: 'attached' })
  await desk.locator('#propose-care-area').selectOption({ index: 1 })
  // Left as asked, the name is refused, and the field says why.
  await panel.getByRole('button', { name: 'Propose for publication' }).click()
  await expect(panel.getByRole('alert')).toContainText('asker’s name')
  expect(await axeViolations(desk, { include: '.propose-answer' })).toEqual([])
  await desk.locator('#propose-question').fill(PUBLISHED)
  await panel.getByRole('button', { name: 'Propose for publication' }).click()
  await expect(desk).toHaveURL(/\/admin\/collections\/questions-and-answers\/\d+/, { timeout: 30_000 })
  await desk.context().close()

  // The editor finds it on their work list and publishes it.
  const editing = await signInToAdmin({ account: editor, browser })
  const proposals = editing.locator('section', { has: editing.getByRole('heading', { name: /Proposed answers to publish/ }) })
  await expect(proposals.getByRole('link', { name: PUBLISHED })).toBeVisible()
  expect(await axeViolations(editing, { include: '.work-dashboard__sections' })).toEqual([])
  await proposals.getByRole('link', { name: PUBLISHED }).click()
  await expect(editing).toHaveURL(/\/admin\/collections\/questions-and-answers\/\d+/)
  await editing.getByRole('button', { name: 'Publish changes' }).click()
  await expect(editing.getByText(/successfully/i).first()).toBeVisible({ timeout: 15_000 })
  await editing.context().close()

  // The public: listed by care area, a page of its own with review dates and feedback, at both widths.
  for (const width of [1280, 390]) {
    await page.setViewportSize({ height: 900, width })
    await page.goto('/questions-and-answers')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Questions and answers')
    await page.getByRole('link', { name: PUBLISHED }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(PUBLISHED)
    await expect(page.getByText(ANSWER)).toBeVisible()
    await expect(page.getByText(/Page last reviewed: \d\d? \w+ \d{4}/)).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Was this page useful?' })).toBeVisible()
    await expect(page.getByText('Zebedee')).toHaveCount(0)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
    expect(await axeViolations(page)).toEqual([])
  }
  await page.getByLabel('Yes').check()
  await page.getByRole('button', { name: 'Send feedback' }).click()
  await expect(page.getByText('Thank you for your feedback.')).toBeVisible()

  // Searchable as a question and answer, once the index has caught up.
  await expect
    .poll(
      async () => {
        await page.goto('/search?q=retinal+camera+calibrated&type=answer')
        return page.getByRole('link', { name: PUBLISHED }).count()
      },
      { timeout: 30_000 },
    )
    .toBe(1)

  // Before you ask: offered as the question is typed…
  await page.goto('/ask')
  await page.getByLabel('Your question').pressSequentially('Is the retinal camera calibrated')
  const offered = page.locator('#before-you-ask')
  await expect(offered.getByRole('link', { name: PUBLISHED })).toBeVisible({ timeout: 10_000 })
  expect(await axeViolations(page)).toEqual([])
})

test('without JavaScript, matching published answers are shown once before the question is sent', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/ask')
  await page.getByLabel('Full name').fill('No Script Asker')
  await page.getByLabel('Email address').fill(`noscript.${Date.now()}@example.org`)
  await page.getByLabel('Your question').fill('When is the retinal camera calibrated in the screening van?')
  await page.getByRole('button', { name: 'Send your question' }).click()
  await expect(page.getByRole('heading', { name: 'Before you ask' })).toBeVisible()
  await expect(page.getByRole('link', { name: PUBLISHED })).toBeVisible()
  // Nothing went wrong: the title is not an error title, and every word typed is still there.
  expect(await page.title()).not.toMatch(/^Error:/)
  await expect(page.getByLabel('Full name')).toHaveValue('No Script Asker')
  await expect(page.getByLabel('Your question')).toHaveValue('When is the retinal camera calibrated in the screening van?')
  // (axe needs scripts: the panel's markup is the one checked as it is typed, in the test above.)
  await page.getByRole('button', { name: 'Send your question' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Question sent')
  await context.close()
})
