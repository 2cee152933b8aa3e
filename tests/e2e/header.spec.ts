import { expect, test } from '@playwright/test'

import { axeViolations } from './helpers'

test('on a phone the header fits in under 200 px, its "More" menu works with the keyboard, and the current section is marked', async ({
  browser,
  request,
}) => {
  const phone = await browser.newContext({ viewport: { height: 844, width: 390 } })
  const page = await phone.newPage()
  // The design system's script starts after React has taken over the page: nothing it changes upsets hydration.
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto('/updates')
  await expect(page.locator('body')).toHaveClass(/nhsuk-frontend-supported/)
  const more = page.getByRole('button', { name: 'Browse More' })
  await expect(more).toBeVisible()
  const header = page.locator('header.nhsuk-header')
  expect((await header.boundingBox())!.height).toBeLessThan(200)
  // The page's own link is marked, wherever the script has put it.
  await expect(header.locator('a[aria-current="page"]')).toHaveAttribute('href', '/updates')
  await expect(header.locator('a[aria-current]')).toHaveCount(1)

  await more.focus()
  await page.keyboard.press('Enter')
  await expect(more).toHaveAttribute('aria-expanded', 'true')
  const menu = page.locator('.nhsuk-header__menu-list')
  await expect(menu).toBeVisible()
  await expect(menu.getByRole('link').first()).toBeVisible()
  expect(await axeViolations(page)).toEqual([])
  await page.keyboard.press('Escape')
  await expect(more).toHaveAttribute('aria-expanded', 'false')
  await expect(menu).toBeHidden()
  await page.keyboard.press('Enter')
  await expect(more).toHaveAttribute('aria-expanded', 'true')
  await more.press('Enter')
  await expect(more).toHaveAttribute('aria-expanded', 'false')
  expect(pageErrors).toEqual([])
  await phone.close()

  // Inside a section, its link says so (aria-current="true").
  const { docs } = await (await request.get('/api/updates?limit=1&depth=0&where[_status][equals]=published')).json()
  const desktop = await browser.newContext({ viewport: { height: 900, width: 1280 } })
  const wide = await desktop.newPage()
  await wide.goto(`/updates/${docs[0].slug}`)
  await expect(wide.locator('header.nhsuk-header a[aria-current="true"]')).toHaveAttribute('href', '/updates')
  expect(await axeViolations(wide)).toEqual([])
  await desktop.close()

  // Without JavaScript every link is still there, and no "More" button.
  const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { height: 844, width: 390 } })
  const noScript = await plain.newPage()
  await noScript.goto('/updates')
  await expect(noScript.getByRole('button', { name: 'Browse More' })).toBeHidden()
  await expect(noScript.locator('header.nhsuk-header').getByRole('link', { name: 'Ask a question' })).toBeVisible()
  await plain.close()
})
