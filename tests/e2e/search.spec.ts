import { expect, test } from '@playwright/test'

import { adminToken, axeViolations } from './helpers'

test('search from the header: ranked results with facets, typo tolerance, no professional content for the public', async ({
  page,
  request,
}) => {
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

test('the ten top tips page is the first result for "ten top tips", and asks whether it was useful', async ({ page, request }) => {
  await page.goto('/search?q=ten+top+tips')
  // Results are the list items with a heading (the facets and breadcrumbs have none).
  const first = page.locator('main li:has(h2)').first()
  await expect(first.getByRole('link')).toHaveText('Ten top tips for commissioning long-term conditions')
  await expect(first).toContainText('Commissioning tip')
  expect(await axeViolations(page)).toEqual([])
  await first.getByRole('link').click()
  await expect(page).toHaveURL(/\/commissioning\/ten-top-tips$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ten top tips for commissioning long-term conditions')
  const comment = `More local examples, please (${Date.now()})`
  await page.getByRole('group', { name: 'Was this page useful?' }).getByLabel('Yes').check()
  await page.getByLabel(/how we could improve/).fill(comment)
  expect(await axeViolations(page)).toEqual([])
  await page.getByRole('button', { name: 'Send feedback' }).click()
  await expect(page).toHaveURL(/\/commissioning\/ten-top-tips\?feedback=thanks/)
  await expect(page.getByText('Thank you for your feedback.')).toBeVisible()
  expect(await axeViolations(page)).toEqual([])
  const token = await adminToken()
  const stored = await request.get(`/api/feedback?where[comment][equals]=${encodeURIComponent(comment)}`, {
    headers: { authorization: `JWT ${token}` },
  })
  const body = await stored.json()
  expect(
    body.docs.map((doc: { page?: unknown; sitePage: string; useful: boolean }) => [doc.sitePage, doc.page ?? null, doc.useful]),
  ).toEqual([['ten-top-tips', null, true]])
})

test('recommendations are found, labelled and linked to their row; an amount is found however it is written', async ({ page, request }) => {
  await page.goto('/search?q=HbA1c')
  const result = page.locator('main li:has(h2)', { hasText: 'Service review recommendation' }).first()
  await expect(result).toBeVisible()
  const href = await result.getByRole('link').getAttribute('href')
  expect(href).toMatch(/^\/recommendations#recommendation-/)
  await result.getByRole('link').click()
  const row = page.locator(`#${href!.split('#')[1]}`)
  await expect(row).toContainText('HbA1c')
  expect(await axeViolations(page)).toEqual([])
  for (const q of ['40 million', '£40m', '£40 million', '40m']) {
    const found = await (await request.get(`/api/search?q=${encodeURIComponent(q)}`)).json()
    expect(
      found.hits.map((hit: { url: string }) => hit.url),
      q,
    ).toContain('/parliamentary-questions/diabetes-2016-11-21')
  }
})
