import { expect, test } from '@playwright/test'
import fs from 'node:fs'
import path from 'node:path'

import { adminToken, axeViolations, createStaff } from './helpers'

const outbox = () => path.join(process.env.E2E_DATA_DIR!, 'outbox')
const mailsTo = (address: string) =>
  fs.existsSync(outbox())
    ? fs
        .readdirSync(outbox())
        .map((file) => fs.readFileSync(path.join(outbox(), file), 'utf8'))
        .filter((mail) => mail.includes(`To: ${address}`))
    : []

test('ask a question: errors first, then a reference; a responder answers and the asker is emailed', async ({ browser, page, request }) => {
  test.setTimeout(120_000)
  await page.goto('/ask')
  await expect(page.getByText('We cannot give medical advice')).toBeVisible()
  // Once, in the design system's urgent care card (red), above the form.
  const urgent = page.locator('.nhsuk-card--care--urgent')
  await expect(urgent.getByRole('heading', { level: 2 })).toHaveText(/Urgent advice:\s*We cannot give medical advice/)
  await expect(urgent.locator('.nhsuk-card__heading-container')).toHaveCSS('background-color', 'rgb(213, 40, 27)')
  expect(
    await page
      .locator('main')
      .getByText(/call 999/)
      .count(),
  ).toBe(1)
  await expect(page.getByLabel('Send me the network newsletter (optional)')).not.toBeChecked()
  expect(await axeViolations(page)).toEqual([])

  await page.getByLabel('Full name').fill('Jo Practice Nurse')
  await page.getByLabel('Email address').fill('not-an-email')
  await page.getByLabel('UK telephone number (optional)').fill('123')
  await page.getByRole('button', { name: 'Send your question' }).click()
  const summary = page.getByRole('alert', { name: 'There is a problem' })
  await expect(summary).toContainText('There is a problem')
  await expect(summary.getByRole('link', { name: /correct format/ })).toHaveAttribute('href', '#email')
  await expect(summary.getByRole('link', { name: /UK telephone/ })).toBeVisible()
  await expect(summary.getByRole('link', { name: /question/i })).toBeVisible()
  await expect(page.getByLabel('Full name')).toHaveValue('Jo Practice Nurse')

  const email = `jo.${Date.now()}@example.org`
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('UK telephone number (optional)').fill('07700 900 982')
  await page.getByLabel('Your question').fill('Who runs structured education for newly diagnosed type 2 diabetes in our area?')
  await page.getByRole('button', { name: 'Send your question' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Question sent')
  const reference = (await page.locator('.nhsuk-panel__body strong').textContent())!.trim()
  expect(reference).toMatch(/^Q-\d{4}-\d{6}$/)

  // A responder signs in to the admin and answers it.
  const token = await adminToken()
  const responder = { email: `responder.${Date.now()}@example.org`, password: 'a long responder passphrase' }
  expect(
    (
      await request.post('/api/users', { data: { ...responder, roles: ['responder'] }, headers: { authorization: `JWT ${token}` } })
    ).status(),
  ).toBe(201)
  const desk = await browser.newContext()
  const admin = await desk.newPage()
  await admin.goto('/admin/login')
  await admin.locator('input[name="email"]').fill(responder.email)
  await admin.locator('input[name="password"]').fill(responder.password)
  await admin.locator('button[type="submit"]').click()
  await expect(admin).toHaveURL(/\/admin\/?$/, { timeout: 30_000 })
  await admin.goto('/admin/collections/questions')
  await admin.getByRole('link', { name: reference }).click()
  await admin
    .locator('textarea[name="answer"], #field-answer')
    .first()
    .fill('The community diabetes team runs it; ask your practice to refer you.')
  await admin.locator('#field-status').click()
  await admin.getByRole('option', { name: 'Answered' }).click()
  await admin.getByRole('button', { name: 'Save' }).click()
  await expect(admin.getByText(/successfully/i).first()).toBeVisible({ timeout: 15_000 })
  await desk.close()

  // No SMTP server in the browser tests: the hub writes mail to the outbox, through the job runner.
  await expect
    .poll(() => mailsTo(email).filter((mail) => mail.includes(`Answer to your question (${reference})`)).length, { timeout: 45_000 })
    .toBe(1)
  expect(mailsTo(email).some((mail) => mail.includes(`We have received your question (${reference})`))).toBe(true)
})

test('the form works without JavaScript, and over a limit it comes back 429 with every word kept', async ({ browser, request }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/ask?from=/care-areas/commissioning')
  await page.getByLabel('Full name').fill('No Script')
  await page.getByRole('button', { name: 'Send your question' }).click()
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('Enter your email address')
  await expect(page.getByLabel('Full name')).toHaveValue('No Script')
  await page.getByLabel('Email address').fill('no.script@example.org')
  await page.getByLabel('Your question').fill('Does this form work with JavaScript turned off?')
  await page.getByRole('button', { name: 'Send your question' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Question sent')

  // One asker may send five questions in ten minutes: this one has sent them through the API already.
  const email = `chatty.${Date.now()}@example.org`
  for (let sent = 0; sent < 5; sent++) {
    const asked = await request.post('/api/questions', {
      data: { email, name: 'Chatty Asker', question: `Question number ${sent} from the same asker.` },
    })
    expect(asked.status()).toBe(201)
  }
  const typed = 'A long question typed with care, which must not be lost when the limit is reached.'
  await page.goto('/ask')
  await page.getByLabel('Full name').fill('Chatty Asker')
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Your question').fill(typed)
  const [answer] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/ask'),
    page.getByRole('button', { name: 'Send your question' }).click(),
  ])
  expect(answer.status()).toBe(429)
  expect(Number(answer.headers()['retry-after'])).toBeGreaterThan(0)
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('Your question has not been sent')
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText(/try again/)
  await expect(page.getByLabel('Your question')).toHaveValue(typed)
  await expect(page.getByLabel('Email address')).toHaveValue(email)
  await expect(page.getByLabel('Full name')).toHaveValue('Chatty Asker')
  await context.close()
})

test('a responder picks an assignee by name in the admin, and the list shows the day each question is due', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000)
  const token = await adminToken()
  const stamp = Date.now()
  const rita = await createStaff({ name: `Rita Responder ${stamp}`, request, roles: ['responder'], token })
  const ben = await createStaff({ name: `Ben Responder ${stamp}`, request, roles: ['responder'], token })
  const eddie = await createStaff({ name: `Eddie Editor ${stamp}`, request, roles: ['editor'], token })
  const asked = await request.post('/api/questions', {
    data: { email: `assign.${stamp}@example.org`, name: 'Sam Asker', question: 'Who can assign this question to a colleague on the desk?' },
  })
  expect(asked.status()).toBe(201)
  const { doc } = await asked.json()
  const question = await (await request.get(`/api/questions/${doc.id}`, { headers: { authorization: `JWT ${token}` } })).json()

  const desk = await browser.newContext()
  const admin = await desk.newPage()
  await admin.goto('/admin/login')
  await admin.locator('input[name="email"]').fill(rita.email)
  await admin.locator('input[name="password"]').fill(rita.password)
  await admin.locator('button[type="submit"]').click()
  await expect(admin).toHaveURL(/\/admin\/?$/, { timeout: 30_000 })

  // The list shows the promised day as a UK date, taken from the stored day.
  await admin.goto('/admin/collections/questions')
  const row = admin.getByRole('row').filter({ hasText: question.reference })
  await expect(row.locator(`time[datetime="${question.dueDay}"]`)).toHaveText(
    /^(Monday|Tuesday|Wednesday|Thursday|Friday) \d{1,2} [A-Z][a-z]+ \d{4}$/,
  )
  // The hub's own part of the view (the due-day cells): Payload's list chrome and its relationship picker have violations of
  // their own (contrast, target size, an unlabelled input, focusable elements inside aria-hidden).
  expect(await axeViolations(admin, { include: 'td:has(time[datetime])' })).toEqual([])

  await admin.getByRole('link', { name: question.reference }).click()
  const assignee = admin.locator('#field-assignee')
  for (const person of [rita, ben]) {
    await assignee.click()
    // Colleagues on the desk are offered by name; an editor is not on the desk.
    await expect(admin.getByRole('option', { name: ben.name })).toBeVisible({ timeout: 15_000 })
    await expect(admin.getByRole('option', { name: eddie.name })).toHaveCount(0)
    await admin.getByRole('option', { name: person.name }).click()
    await admin.getByRole('button', { name: 'Save' }).click()
    await expect(admin.getByText(/successfully/i).first()).toBeVisible({ timeout: 15_000 })
    await expect(admin.getByText('An error has occurred')).toHaveCount(0)
    const saved = await (await request.get(`/api/questions/${doc.id}?depth=0`, { headers: { authorization: `JWT ${token}` } })).json()
    expect(saved.assignee).toBe(
      (
        await (
          await request.get(`/api/users?where[email][equals]=${encodeURIComponent(person.email)}`, {
            headers: { authorization: `JWT ${token}` },
          })
        ).json()
      ).docs[0].id,
    )
  }
  await expect(assignee).toContainText(ben.name)
  await desk.close()
})
