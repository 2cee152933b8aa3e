import type { Page } from '@playwright/test'

import { expect, request as playwrightRequest } from '@playwright/test'
import { createRequire } from 'node:module'

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

/** axe-core's WCAG 2.2 A/AA violations on the current page, as "rule (count)". */
/** WCAG 2.2 AA violations on the page, or only within the elements `include` selects (the hub's own parts of an admin view). */
export const axeViolations = async (page: Page, { include }: { include?: string } = {}): Promise<string[]> => {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
  const results = await page.evaluate(
    async (selector) =>
      (
        window as unknown as {
          axe: { run: (ctx: object, opts: object) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> }
        }
      ).axe.run(selector ? { include: [[selector]] } : document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      }),
    include ?? null,
  )
  // The first element at fault is named, so a failure says where to look.
  return results.violations.map((violation) => `${violation.id} (${violation.nodes.length}): ${String(violation.nodes[0]?.target ?? '')}`)
}

/**
 * Serious and critical axe violations anywhere on the page (Payload's own chrome included), as
 * "rule: first element at fault", for views whose surroundings are Payload's.
 */
export const seriousViolations = async (page: Page): Promise<string[]> => {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
  const results = await page.evaluate(async () =>
    (
      window as unknown as {
        axe: {
          run: (ctx: object, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[] }>
        }
      }
    ).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
  )
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${String(violation.nodes[0]?.target ?? '')}`)
}
