import { expect, test } from '@playwright/test'

import { axeViolations } from './helpers'

const adminEmail = process.env.E2E_ADMIN_EMAIL!
const adminPassword = process.env.E2E_ADMIN_PASSWORD!

test.describe('served endpoints', () => {
  test('health and readiness answer JSON', async ({ request }) => {
    const health = await request.get('/healthz')
    expect(health.status()).toBe(200)
    expect(await health.json()).toMatchObject({ status: 'ok' })
    const ready = await request.get('/readyz')
    expect(ready.status()).toBe(200)
    expect(await ready.json()).toMatchObject({ database: 'sqlite', status: 'ready' })
  })

  test('anonymous /api/users/me answers with no user, and users cannot be listed', async ({ request }) => {
    const me = await request.get('/api/users/me')
    expect(me.status()).toBe(200)
    expect((await me.json()).user).toBeNull()
    const list = await request.get('/api/users')
    expect(list.status()).toBe(403)
    const graphql = await request.post('/api/graphql', { data: { query: '{ Users { docs { email } } }' } })
    const body = await graphql.json()
    expect(body.data?.Users ?? null).toBeNull()
    expect(JSON.stringify(body)).not.toContain(adminEmail)
  })

  test('the site settings global is public and seeded', async ({ request }) => {
    const settings = await request.get('/api/globals/site-settings')
    expect(settings.status()).toBe(200)
    const body = await settings.json()
    expect(body.questionResponseTargetDays).toBe(5)
    expect(body.disclaimer).toMatch(/cannot offer clinical advice/)
  })

  test('every response carries the security headers', async ({ request }) => {
    const response = await request.get('/')
    const headers = response.headers()
    expect(headers['content-security-policy']).toContain("frame-ancestors 'self'")
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    expect(headers['x-powered-by']).toBeUndefined()
  })
})

test.describe('public site', () => {
  test('the home page renders in the NHS.UK style and passes axe (WCAG 2.2 AA)', async ({ page }) => {
    const response = await page.goto('/')
    expect(response?.status()).toBe(200)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Diabetes Network Hub')
    await expect(page.locator('footer')).toContainText('cannot offer clinical advice')
    expect(await axeViolations(page)).toEqual([])
  })
})

test.describe('admin panel', () => {
  test('loads in the browser and the first administrator logs in', async ({ page }) => {
    const cspViolations: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text())
    })
    await page.goto('/admin')
    await expect(page).toHaveURL(/\/admin\/login/)
    await page.locator('input[name="email"]').fill(adminEmail)
    await page.locator('input[name="password"]').fill(adminPassword)
    await page.locator('button[type="submit"]').click()
    await expect(page).toHaveURL(/\/admin\/?$/, { timeout: 30_000 })
    await expect(page.getByText('Users').first()).toBeVisible()
    const me = await page.request.get('/api/users/me')
    expect((await me.json()).user.email).toBe(adminEmail)
    expect(cspViolations).toEqual([])
  })
})
