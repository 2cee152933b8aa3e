import type { APIRequestContext, Browser, BrowserContextOptions, Page } from '@playwright/test'

import { expect, request as playwrightRequest } from '@playwright/test'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import { parseMail } from '../helpers/smtp'

const require = createRequire(import.meta.url)

/**
 * An admin token from a throwaway request context: logging in sets a session cookie, and a test's own
 * `request` must stay anonymous to check what the public sees.
 */
export const adminToken = async (): Promise<string> => {
  const context = await playwrightRequest.newContext({ baseURL: `http://127.0.0.1:${process.env.E2E_PORT}` })
  const response = await context.post('/api/users/login', {
    data: { email: process.env.E2E_ADMIN_EMAIL, password: process.env.E2E_ADMIN_PASSWORD },
  })
  expect(response.status()).toBe(200)
  const { token } = await response.json()
  await context.dispose()
  return token
}

type AxeViolation = { id: string; impact: null | string; nodes: { target: unknown[] }[] }

/** axe-core's WCAG 2.2 A/AA findings on the page, or only within the elements `include` selects. */
const runAxe = async ({ include, page }: { include?: string; page: Page }): Promise<AxeViolation[]> => {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
  const results = await page.evaluate(
    async (selector) =>
      (window as unknown as { axe: { run: (ctx: object, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run(
        selector ? { include: [[selector]] } : document,
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
      ),
    include ?? null,
  )
  return results.violations
}

// The first element at fault is named, so a failure says where to look.
const firstAtFault = (violation: AxeViolation): string => String(violation.nodes[0]?.target ?? '')

/** WCAG 2.2 AA violations on the page, or only within the elements `include` selects (the hub's own parts of an admin view). */
export const axeViolations = async (page: Page, { include }: { include?: string } = {}): Promise<string[]> =>
  (await runAxe({ include, page })).map((violation) => `${violation.id} (${violation.nodes.length}): ${firstAtFault(violation)}`)

/**
 * Serious and critical axe violations anywhere on the page (Payload's own chrome included), as
 * "rule: first element at fault", for views whose surroundings are Payload's.
 */
export const seriousViolations = async (page: Page): Promise<string[]> =>
  (await runAxe({ page }))
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${firstAtFault(violation)}`)

const outbox = () => path.join(process.env.E2E_DATA_DIR!, 'outbox')

/** The hub's outgoing mail to one address, oldest first: the browser tests' hub writes it to its outbox, not SMTP. */
export const outboxMails = (address: string) =>
  fs.existsSync(outbox())
    ? fs
        .readdirSync(outbox())
        .filter((file) => file.endsWith('.eml'))
        .sort()
        .map((file) => parseMail({ envelope: { from: '', to: [] }, raw: fs.readFileSync(path.join(outbox(), file), 'utf8') }))
        .filter((mail) => mail.to === address)
    : []

export type StaffAccount = { email: string; id: number; name: string; password: string }

/** A new staff account with the given roles, created by an administrator (`token`). */
export const createStaff = async ({
  name,
  request,
  roles,
  token,
}: {
  name: string
  request: APIRequestContext
  roles: string[]
  token: string
}): Promise<StaffAccount> => {
  const stamp = Date.now()
  const account = {
    email: `${name.split(' ')[0]!.toLowerCase()}.${stamp}@example.org`,
    name,
    password: `a long ${roles[0]} passphrase ${stamp}`,
  }
  const created = await request.post('/api/users', { data: { ...account, roles }, headers: { authorization: `JWT ${token}` } })
  expect(created.status()).toBe(201)
  return { ...account, id: (await created.json()).doc.id as number }
}

/** A browser of its own, signed in to the admin through its login form, on the landing page. */
export const signInToAdmin = async ({
  account,
  browser,
  options = {},
}: {
  account: { email: string; password: string }
  browser: Browser
  options?: BrowserContextOptions
}): Promise<Page> => {
  const context = await browser.newContext(options)
  const page = await context.newPage()
  await page.goto('/admin/login')
  await page.locator('input[name="email"]').fill(account.email)
  await page.locator('input[name="password"]').fill(account.password)
  await page.locator('button[type="submit"]').click()
  await expect(page).toHaveURL(/\/admin\/?$/, { timeout: 30_000 })
  return page
}
