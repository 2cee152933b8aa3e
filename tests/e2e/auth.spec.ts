import type { APIRequestContext } from '@playwright/test'

import { expect, test } from '@playwright/test'
import fs from 'node:fs'
import path from 'node:path'

import { parseMail } from '../helpers/smtp'
import { adminToken, axeViolations } from './helpers'

const PROFESSIONAL_PAGE = '/care-areas/commissioning/service-specification-benchmarking'

const newProfessional = async (request: APIRequestContext) => {
  const credentials = {
    email: `reset.${Date.now()}.${Math.round(Math.random() * 1e6)}@example.org`,
    password: 'a long professional passphrase',
  }
  const created = await request.post('/api/users', {
    data: { ...credentials, roles: ['professional'] },
    headers: { authorization: `JWT ${await adminToken()}` },
  })
  expect(created.status()).toBe(201)
  return credentials
}

/** The reset link in the outbox message to `email`: the server's job runner writes it within seconds. */
const resetLinkFor = async (email: string): Promise<string> => {
  const outbox = path.join(process.env.E2E_DATA_DIR!, 'outbox')
  const find = () => {
    const files = fs.existsSync(outbox) ? fs.readdirSync(outbox).filter((file) => file.endsWith('.eml')) : []
    const mail = files
      .map((file) => parseMail({ envelope: { from: '', to: [] }, raw: fs.readFileSync(path.join(outbox, file), 'utf8') }))
      .find((each) => each.to === email)
    return mail ? /(http\S+\/login\/reset\?token=[0-9a-f]+)/.exec(mail.text)?.[1] : undefined
  }
  await expect.poll(find, { intervals: [500], timeout: 45_000 }).toBeTruthy()
  return find()!
}

test.describe('password reset and sign-out', () => {
  test('the sign-in page says how to get a professional account and where to reset a password', async ({ page }) => {
    await page.goto('/login')
    await expect(page.getByRole('link', { name: 'Forgot your password?' })).toHaveAttribute('href', '/login/forgot')
    await expect(page.getByRole('heading', { level: 2, name: 'Getting a professional account' })).toBeVisible()
    await expect(page).toHaveTitle(/^Professional sign in/)
    await page.goto('/login?error=wrong')
    await expect(page).toHaveTitle(/^Error: Professional sign in/)
    await page.getByRole('link', { name: 'contact the network team' }).click()
    await expect(page).toHaveURL(/\/contact$/)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  })

  test('a professional resets a forgotten password without JavaScript and signs in with it', async ({ browser, request }) => {
    const { email } = await newProfessional(request)
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto('/login')
    await page.getByRole('link', { name: 'Forgot your password?' }).click()
    await expect(page).toHaveURL(/\/login\/forgot$/)
    await page.getByLabel('Email address').fill(email)
    await page.getByRole('button', { name: 'Send the link' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your email')

    const link = await resetLinkFor(email)
    expect(link.startsWith(`http://127.0.0.1:${process.env.E2E_PORT}/login/reset?token=`)).toBe(true)
    await page.goto(link)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new password')
    await page.getByLabel('New password', { exact: true }).fill('a fresh long passphrase')
    await page.getByLabel('Type the new password again').fill('not the same passphrase')
    await page.getByRole('button', { name: 'Save the new password' }).click()
    await expect(page.getByRole('alert')).toContainText('Enter the same new password twice.')
    await page.getByLabel('New password', { exact: true }).fill('a fresh long passphrase')
    await page.getByLabel('Type the new password again').fill('a fresh long passphrase')
    await page.getByRole('button', { name: 'Save the new password' }).click()
    await expect(page).toHaveURL(/\/login\?reset=done$/)
    await expect(page.getByText('Your password has been changed.')).toBeVisible()

    await page.getByLabel('Email address').fill(email)
    await page.getByLabel('Password').fill('a fresh long passphrase')
    await page.getByRole('button', { name: 'Sign in' }).click()
    expect((await page.goto(PROFESSIONAL_PAGE))?.status()).toBe(200)
    // The link worked once.
    await page.goto(link)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link has expired')
    await context.close()
  })

  test('the reset pages meet WCAG 2.2 AA (axe), and a fourth request for one address is refused with 429', async ({ page, request }) => {
    const { email } = await newProfessional(request)
    for (const address of ['/login/forgot', '/login/forgot?error=invalid']) {
      await page.goto(address)
      expect(await axeViolations(page)).toEqual([])
    }
    await page.getByLabel('Email address').fill(email)
    await page.getByRole('button', { name: 'Send the link' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your email')
    await page.goto(`${await resetLinkFor(email)}&error=confirm`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new password')
    expect(await axeViolations(page)).toEqual([])

    for (let n = 0; n < 2; n++) await request.post('/login/forgot/send', { form: { email } })
    const refused = await request.post('/login/forgot/send', { form: { email } })
    expect(refused.status()).toBe(429)
    expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0)
  })

  test('after signing out, the old session cookie no longer opens a professional page', async ({ browser, request }) => {
    const credentials = await newProfessional(request)
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto('/login')
    await page.getByLabel('Email address').fill(credentials.email)
    await page.getByLabel('Password').fill(credentials.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    expect((await page.goto(PROFESSIONAL_PAGE))?.status()).toBe(200)
    const cookies = await context.cookies()
    expect(cookies.some(({ name }) => name === 'payload-token')).toBe(true)
    await page.getByRole('button', { name: 'Sign out' }).click()
    await context.close()

    // Someone who copied the cookie before the sign-out gets nothing from it.
    const copied = await browser.newContext()
    await copied.addCookies(cookies)
    const again = await copied.newPage()
    expect((await again.goto(PROFESSIONAL_PAGE))?.status()).toBe(404)
    const me = await copied.request.get('/api/users/me')
    expect((await me.json()).user).toBeNull()
    await copied.close()
  })
})
