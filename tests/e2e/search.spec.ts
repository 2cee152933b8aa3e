import { expect, test } from '@playwright/test'

import { axeViolations } from './helpers'

test('search from the header: ranked results with facets, typo tolerance, no professional content for the public', async ({ page, request }) => {
  await page.goto('/')
  await page.getByRole('searchbox', { name: 'Search this site' }).fill('comissioning')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/search\?q=comissioning/)
  const results = page.locator('main li h2 a')
  await expect(results.first()).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Filter results' })).toContainText('Guidance')
  await expect(page.locator('main')).not.toContainText('Service specification benchmarking')
  expect(await axeViolations(page)).toEqual([])
  const api = await request.get('/api/search?q=ten%20top%20tips')
  expect(api.status()).toBe(200)
  const body = await api.json()
  expect(body.total).toBeGreaterThan(0)
  expect(JSON.stringify(body)).not.toContain('service-specification-benchmarking')
  expect((await request.get('/api/search?q=tips&page=0')).status()).toBe(400)
})
