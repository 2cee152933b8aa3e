import type { Page } from '@playwright/test'

import { expect, test } from '@playwright/test'
import fs from 'node:fs'

import { axeViolations } from './helpers'

const SHOTS = '/tmp/shots'

const POLICIES = [
  { footer: 'Privacy notice', heading: 'Privacy notice', path: '/privacy' },
  { footer: 'Accessibility statement', heading: 'Accessibility statement', path: '/accessibility' },
  { footer: 'Cookies', heading: 'Cookies', path: '/cookies' },
  { footer: 'Contact us', heading: 'Contact us', path: '/contact' },
]

const WIDTHS = [
  { height: 900, name: 'desktop', width: 1280 },
  { height: 844, name: 'phone', width: 390 },
]

const footerOf = (page: Page) => page.getByRole('contentinfo')

test.beforeAll(() => {
  fs.mkdirSync(SHOTS, { recursive: true })
})

for (const size of WIDTHS) {
  test.describe(`policy pages at ${size.width} px`, () => {
    test.use({ viewport: { height: size.height, width: size.width } })

    for (const policy of POLICIES) {
      test(`${policy.path} is reached from the footer, reads as one page and passes axe`, async ({ page }) => {
        await page.goto('/')
        await footerOf(page).getByRole('link', { exact: true, name: policy.footer }).click()
        await expect(page).toHaveURL(new RegExp(`${policy.path}$`))
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(policy.heading)
        await expect(page.getByText(/^Page last reviewed:/)).toBeVisible()
        // Nothing wider than the screen: the text wraps on a phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width)
        expect(await axeViolations(page)).toEqual([])
        await page.screenshot({ fullPage: true, path: `${SHOTS}/policy-${policy.path.slice(1)}-${size.name}.png` })
      })
    }
  })
}

test.describe('what the pages say', () => {
  test('the privacy notice states how long questions are kept, who sees them and how to ask for erasure', async ({ page }) => {
    await page.goto('/privacy')
    const main = page.getByRole('main')
    await expect(main).toContainText('erased 12 months after the question is closed')
    await expect(main).toContainText('Newsletter sign-ups nobody confirmed are erased after 30 days')
    await expect(main.getByRole('heading', { name: 'Your rights' })).toBeVisible()
    await expect(main.getByRole('link', { name: 'Ask a question form' })).toHaveAttribute('href', '/ask')
  })

  test('the cookies page names the sign-in cookie and no other for readers', async ({ page, context }) => {
    await page.goto('/cookies')
    await expect(page.getByRole('main')).toContainText('payload-token')
    // Reading the site sets no cookie at all.
    expect(await context.cookies()).toEqual([])
  })

  test('the accessibility statement has the regulations’ sections', async ({ page }) => {
    await page.goto('/accessibility')
    for (const name of [
      'Compliance status',
      'Non-accessible content',
      'Enforcement procedure',
      'Preparation of this accessibility statement',
    ]) {
      await expect(page.getByRole('heading', { name })).toBeVisible()
    }
    await expect(page.getByRole('main')).toContainText('partially compliant')
  })
})

test.describe('the privacy notice beside the forms', () => {
  for (const form of [
    { button: 'Send your question', path: '/ask', shot: 'ask' },
    { button: 'Subscribe', path: '/newsletter', shot: 'newsletter' },
  ]) {
    test(`${form.path} links it inside the form, before the button`, async ({ page }) => {
      await page.goto(form.path)
      // Measured once the design system's script has started: it slims the header, moving everything below.
      await expect(page.locator('body')).toHaveClass(/nhsuk-frontend-supported/)
      const link = page.locator('form').getByRole('link', { name: 'privacy notice' })
      await expect(link).toHaveAttribute('href', '/privacy')
      await expect(link).toBeVisible()
      const linkBox = await link.boundingBox()
      const buttonBox = await page.getByRole('button', { name: form.button }).boundingBox()
      expect(linkBox!.y).toBeLessThan(buttonBox!.y)
      await link.scrollIntoViewIfNeeded()
      await page.screenshot({ path: `${SHOTS}/policy-link-${form.shot}.png` })
      await link.click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy notice')
    })
  }
})
