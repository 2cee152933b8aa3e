import { expect, test } from '@playwright/test'
import fs from 'node:fs'

import { adminToken, axeViolations, createStaff, signInToAdmin } from './helpers'

test('an editor imports the old site addresses from CSV in the admin, and an old address then leads to its page', async ({
  browser,
  request,
}) => {
  const editor = await createStaff({ name: 'Eve Editor', request, roles: ['editor'], token: await adminToken() })
  const page = await signInToAdmin({ account: editor, browser })
  await page.goto('/admin/collections/redirects')
  const importer = page.locator('form.redirects-import')
  await expect(importer).toBeVisible()

  // A file with a mistake imports nothing and says which line.
  await importer.getByLabel(/Import redirects from a CSV file/).setInputFiles({
    buffer: Buffer.from('from,to\n/journey/step2.html,/care-areas/commissioning\n/journey/tips.html,javascript:alert(1)\n'),
    mimeType: 'text/csv',
    name: 'redirects.csv',
  })
  await importer.getByRole('button', { exact: true, name: 'Import' }).click()
  await expect(importer.getByRole('alert')).toContainText('Line 3:')

  await importer.getByLabel(/Import redirects from a CSV file/).setInputFiles({
    buffer: Buffer.from(
      'from,to,status\n/journey/step2.html,/care-areas/commissioning,301\n/Journey/Tips.HTML,/commissioning/ten-top-tips,\n',
    ),
    mimeType: 'text/csv',
    name: 'redirects.csv',
  })
  await importer.getByRole('button', { exact: true, name: 'Import' }).click()
  await expect(importer.getByRole('status')).toHaveText('Imported 2 redirects.')
  await expect(page.getByRole('link', { name: '/journey/step2.html' })).toBeVisible()
  expect(await axeViolations(page, { include: 'form.redirects-import' })).toEqual([])
  fs.mkdirSync('/tmp/shots', { recursive: true })
  await page.screenshot({ path: '/tmp/shots/redirects-admin-1280.png' })

  // Anyone following an old link lands on the page, whatever the capitals.
  const reader = await browser.newPage()
  await reader.goto('/JOURNEY/step2.html')
  await expect(reader).toHaveURL(/\/care-areas\/commissioning$/)
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Commissioning')
  const direct = await request.get('/journey/tips.html', { maxRedirects: 0 })
  expect(direct.status()).toBe(301)
  expect(direct.headers().location).toBe('/commissioning/ten-top-tips')
  await reader.close()
  await page.context().close()
})
