import type { Page } from '@playwright/test'

import { expect, test } from '@playwright/test'
import fs from 'node:fs'

import { axeViolations } from './helpers'

const GUIDANCE = '/care-areas/commissioning/commissioning-considerations-for-long-term-conditions'
const GROUP = '/governance/west-herts-diabetes-service-redesign-group'
const SHOTS = '/tmp/shots'
const VIEWPORTS = [
  { height: 900, name: 'desktop', width: 1280 },
  { height: 844, name: 'phone', width: 390 },
] as const

fs.mkdirSync(SHOTS, { recursive: true })

// Hydrated and the design system's script started: it is what focuses a summary present on load.
const started = ({ page }: { page: Page }) => expect(page.locator('body')).toHaveClass(/nhsuk-frontend-supported/)

const shot = ({ name, page }: { name: string; page: Page }) => page.screenshot({ fullPage: true, path: `${SHOTS}/${name}.png` })

for (const viewport of VIEWPORTS) {
  test.describe(`errors at ${viewport.width} px`, () => {
    test.use({ viewport: { height: viewport.height, width: viewport.width } })

    test('ask: an empty question focuses the error summary and the title says Error', async ({ page }) => {
      await page.goto('/ask')
      await started({ page })
      await expect(page).toHaveTitle(/^Ask a question/)
      await page.getByRole('button', { name: 'Send your question' }).click()
      const summary = page.locator('.nhsuk-error-summary')
      await expect(summary).toBeFocused()
      await expect(summary.getByRole('link', { name: 'Enter your full name' })).toBeVisible()
      await expect(page).toHaveTitle(/^Error: Ask a question/)
      await summary.getByRole('link', { name: 'Enter your full name' }).click()
      await expect(page.locator('#name')).toBeFocused()
      // A second try with the same mistakes takes focus back to the summary.
      await page.getByRole('button', { name: 'Send your question' }).click()
      await expect(summary).toBeFocused()
      await shot({ name: `ask-error-${viewport.name}`, page })
      expect(await axeViolations(page)).toEqual([])
    })

    test('ask without JavaScript: the page sent back has the Error title', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport })
      const page = await context.newPage()
      await page.goto('/ask')
      await page.getByLabel('Full name').fill('Dr Sam Example')
      await page.getByRole('button', { name: 'Send your question' }).click()
      await expect(page.locator('.nhsuk-error-summary')).toContainText('Enter your email address')
      await expect(page).toHaveTitle(/^Error: Ask a question/)
      await expect(page.getByLabel('Full name')).toHaveValue('Dr Sam Example')
      await context.close()
    })

    test('newsletter without JavaScript: the sign-up sent back has the Error title', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport })
      const page = await context.newPage()
      await page.goto('/newsletter')
      await expect(page).toHaveTitle(/^Get the newsletter/)
      await page.getByRole('button', { name: 'Subscribe' }).click()
      await expect(page.locator('.nhsuk-error-summary')).toBeVisible()
      await expect(page).toHaveTitle(/^Error: Get the newsletter/)
      await context.close()
    })

    test('feedback: no answer keeps the comment, puts the error on the radios and focuses the summary', async ({ page }) => {
      await page.goto(GUIDANCE)
      await started({ page })
      const form = page.locator('#feedback form')
      await form.getByLabel('Tell us how we could improve this page').fill('A diagram of the pathway would help.')
      await form.getByRole('button', { name: 'Send feedback' }).click()
      const summary = form.locator('.nhsuk-error-summary')
      await expect(summary).toBeFocused()
      await expect(page).toHaveTitle(/^Error: Commissioning considerations/)
      const group = form.locator('.nhsuk-form-group--error')
      await expect(group.locator('fieldset')).toHaveAttribute('aria-describedby', 'useful-error')
      await expect(group.locator('#useful-error')).toHaveText('Error: Select yes or no')
      await expect(form.getByLabel('Tell us how we could improve this page')).toHaveValue('A diagram of the pathway would help.')
      await shot({ name: `feedback-error-${viewport.name}`, page })
      expect(await axeViolations(page)).toEqual([])
      // The summary's link goes to the first radio; an answer then goes through.
      await summary.getByRole('link', { name: 'Select yes or no' }).click()
      await expect(page.locator('#useful-yes')).toBeFocused()
      await form.getByRole('button', { name: 'Send feedback' }).click()
      await expect(summary).toBeFocused()
      await form.getByLabel('Yes').check()
      await form.getByRole('button', { name: 'Send feedback' }).click()
      await expect(page.getByText('Thank you for your feedback.')).toBeVisible()
      await expect(page).toHaveTitle(/^Commissioning considerations/)
    })

    test('feedback without JavaScript: the form comes back with the comment and the error on the radios', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport })
      const page = await context.newPage()
      await page.goto(GUIDANCE)
      const form = page.locator('#feedback form')
      await form.getByLabel('Tell us how we could improve this page').fill('Add the <pathway> diagram & a key.')
      await form.getByRole('button', { name: 'Send feedback' }).click()
      await expect(page).toHaveTitle(/^Error: Was this page useful\?/)
      await expect(page.locator('.nhsuk-error-summary')).toContainText('Select yes or no')
      await expect(page.locator('.nhsuk-form-group--error #useful-error')).toHaveText('Error: Select yes or no')
      await expect(page.locator('#comment')).toHaveValue('Add the <pathway> diagram & a key.')
      await page.getByLabel('No').check()
      await page.getByRole('button', { name: 'Send' }).click()
      await expect(page).toHaveURL(new RegExp(`${GUIDANCE}\\?feedback=thanks`))
      await expect(page.getByText('Thank you for your feedback.')).toBeVisible()
      await context.close()
    })

    test('feedback sent back by the server: with JavaScript its summary is focused, and it passes axe', async ({ page }) => {
      await page.goto(GUIDANCE)
      await started({ page })
      await page.locator('#feedback form').getByLabel('Tell us how we could improve this page').fill('Kept as typed')
      // The form's own submit(), as a browser without the page's script would send it: no check before posting.
      await page.locator('#feedback form').evaluate((form: HTMLFormElement) => form.submit())
      await expect(page).toHaveTitle(/^Error: Was this page useful\?/)
      await expect(page.locator('.nhsuk-error-summary')).toBeFocused()
      await expect(page.locator('#comment')).toHaveValue('Kept as typed')
      await shot({ name: `feedback-server-error-${viewport.name}`, page })
      expect(await axeViolations(page)).toEqual([])
    })
  })
}

test.describe('tables on a 390 px phone', () => {
  test.use({ viewport: { height: 844, width: 390 } })

  for (const path of ['/recommendations', GROUP]) {
    test(`${path}: rows are stacked, no cell squeezed, and no axe violations`, async ({ page }) => {
      await page.goto(path)
      const cells = page.locator('table.nhsuk-table--responsive tbody td')
      await expect(cells.first()).toBeVisible()
      const count = await cells.count()
      for (let index = 0; index < count; index++) {
        const box = await cells.nth(index).boundingBox()
        // Each cell takes the row's width (about 358 px), never a narrow column of it.
        expect(box?.width ?? 0).toBeGreaterThan(300)
      }
      // Each cell says which column it is, as the header row is hidden on phones.
      await expect(cells.first().locator('.nhsuk-table__heading')).toBeVisible()
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
      await shot({ name: `table${path.replaceAll('/', '-')}-phone`, page })
      expect(await axeViolations(page)).toEqual([])
    })
  }

  test('at 1280 px the same tables keep their header row and columns', async ({ page }) => {
    await page.setViewportSize({ height: 900, width: 1280 })
    await page.goto('/recommendations')
    await expect(page.locator('table thead th').first()).toBeVisible()
    await expect(page.locator('tbody .nhsuk-table__heading').first()).toBeHidden()
    // Measured once the script has rearranged the header (which moves the page), both in one go.
    await started({ page })
    const [first, second] = await page
      .locator('tbody tr')
      .first()
      .locator('td')
      .evaluateAll((cells) => cells.slice(0, 2).map((cell) => cell.getBoundingClientRect().toJSON() as DOMRect))
    // Side by side: one row, several columns.
    expect(second!.x).toBeGreaterThan(first!.x)
    expect(Math.abs(second!.y - first!.y)).toBeLessThan(2)
    await shot({ name: 'table-recommendations-desktop', page })
    expect(await axeViolations(page)).toEqual([])
  })
})
