import type { APIRequestContext } from '@playwright/test'

import { expect, test } from '@playwright/test'
import fs from 'node:fs'

import { adminToken, axeViolations } from './helpers'

const SHOTS = '/tmp/shots'

/** A published update, or a consultation closing in `closesInDays` (UK dates, as the form takes them). */
const publishUpdate = async ({ closesInDays, request, title }: { closesInDays?: number; request: APIRequestContext; title: string }) => {
  const deadline = closesInDays === undefined ? undefined : new Date(Date.now() + closesInDays * 86_400_000).toISOString()
  const created = await request.post('/api/updates', {
    data: {
      _status: 'published',
      date: new Date().toISOString(),
      title,
      ...(deadline ? { consultation: { feedbackDeadline: deadline }, isConsultation: true } : {}),
    },
    headers: { authorization: `JWT ${await adminToken()}` },
  })
  expect(created.status()).toBe(201)
}

test.describe('the home page as the front door', () => {
  test('journey steps, latest updates, open consultations with closing dates, the newsletter and the question form', async ({
    page,
    request,
  }) => {
    const stamp = Date.now()
    await publishUpdate({ closesInDays: 20, request, title: `Later consultation ${stamp}` })
    await publishUpdate({ closesInDays: 6, request, title: `Sooner consultation ${stamp}` })
    await publishUpdate({ request, title: `Network news ${stamp}` })
    await page.goto('/')

    // The journey: each care area that exists, as its numbered step, in order (the seed has step 2, Commissioning).
    const steps = page.locator('section[aria-labelledby="care-areas"] ol > li')
    const headings = await steps.locator('h3').allTextContents()
    expect(headings).toContain('Step 2. Commissioning')
    const numbers = headings.map((heading) => Number(/^Step (\d+)\. \S/.exec(heading)?.[1]))
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b))

    // Latest updates, newest first, at most three; the newest is ours.
    const latest = page.getByRole('region', { name: 'Latest updates' })
    const latestTitles = await latest.getByRole('heading', { level: 3 }).allTextContents()
    expect(latestTitles).toHaveLength(3)
    expect(latestTitles[0]).toBe(`Network news ${stamp}`)
    await expect(latest.getByRole('link', { name: 'All network updates' })).toHaveAttribute('href', '/updates')

    // Open consultations, the soonest to close first, each with its closing date.
    const open = page.getByRole('region', { name: 'Open consultations' })
    const openTitles = await open.getByRole('heading', { level: 3 }).allTextContents()
    expect(openTitles.indexOf(`Sooner consultation ${stamp}`)).toBeGreaterThanOrEqual(0)
    expect(openTitles.indexOf(`Sooner consultation ${stamp}`)).toBeLessThan(openTitles.indexOf(`Later consultation ${stamp}`))
    const sooner = open.getByRole('listitem').filter({ hasText: `Sooner consultation ${stamp}` })
    await expect(sooner.getByText(/Open consultation: feedback by \d{1,2} \w+ \d{4}/)).toBeVisible()

    // The newsletter sign-up and the way to ask a question.
    const newsletter = page.getByRole('region', { name: 'Get the newsletter' })
    await expect(newsletter.getByLabel('Email address')).toBeVisible()
    await expect(newsletter.getByRole('button', { name: 'Subscribe' })).toBeVisible()
    await expect(
      page.getByRole('complementary', { name: 'Ask the network' }).getByRole('link', { name: 'Ask a question' }),
    ).toHaveAttribute('href', '/ask')
    expect(await axeViolations(page)).toEqual([])
  })

  test('signing up for the newsletter from the home page: errors there, then on to confirm the address', async ({ page }) => {
    await page.goto('/')
    await expect(page.locator('body')).toHaveClass(/nhsuk-frontend-supported/)
    const newsletter = page.getByRole('region', { name: 'Get the newsletter' })
    await newsletter.getByLabel('Email address').fill('not an address')
    await newsletter.getByRole('button', { name: 'Subscribe' }).click()
    await expect(page.locator('.nhsuk-error-summary')).toContainText('There is a problem')
    await expect(page).toHaveURL(/\/$/)
    await expect(newsletter.getByLabel('Email address')).toHaveValue('not an address')
    await newsletter.getByLabel('Email address').fill(`home.signup.${Date.now()}@example.org`)
    await newsletter.locator('input[name="topics"]').first().check()
    await newsletter.getByRole('button', { name: 'Subscribe' }).click()
    await expect(page).toHaveURL(/\/newsletter\/check-email$/)
  })

  for (const width of [1280, 390]) {
    test(`at ${width} px nothing overflows the screen, and it passes axe`, async ({ page }) => {
      await page.setViewportSize({ height: 844, width })
      await page.goto('/')
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow).toBeLessThanOrEqual(0)
      expect(await axeViolations(page)).toEqual([])
      fs.mkdirSync(SHOTS, { recursive: true })
      await page.screenshot({ fullPage: true, path: `${SHOTS}/home-${width}.png` })
    })
  }
})

test.describe('the home page without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the newsletter sign-up still posts, keeps what was typed on an error, and goes on once it is right', async ({ page }) => {
    await page.goto('/')
    const newsletter = page.getByRole('region', { name: 'Get the newsletter' })
    await newsletter.getByLabel('Email address').fill('still not an address')
    await newsletter.getByRole('button', { name: 'Subscribe' }).click()
    await expect(page.locator('.nhsuk-error-summary')).toContainText('There is a problem')
    await expect(page.getByRole('region', { name: 'Get the newsletter' }).getByLabel('Email address')).toHaveValue('still not an address')
    const form = page.getByRole('region', { name: 'Get the newsletter' })
    await form.getByLabel('Email address').fill(`home.nojs.${Date.now()}@example.org`)
    await form.locator('input[name="topics"]').first().check()
    await form.getByRole('button', { name: 'Subscribe' }).click()
    await expect(page).toHaveURL(/\/newsletter\/check-email$/)
  })
})
