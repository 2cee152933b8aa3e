import { expect, test } from '@playwright/test'

import { adminToken, axeViolations, outboxMails, signInToAdmin } from './helpers'

/** The path and query of the first link to `prefix` in the plain-text part of the newest matching mail. */
const linkIn = ({ address, prefix, subject }: { address: string; prefix: string; subject: RegExp }): string => {
  const mail = outboxMails(address)
    .filter((each) => subject.test(each.subject))
    .at(-1)
  const url = new RegExp(`https?://[^\\s]+${prefix.replace(/[/?]/g, '\\$&')}[^\\s]*`).exec(mail?.text ?? '')?.[0]
  if (!url) throw new Error(`no ${prefix} link in a mail to ${address}`)
  const { pathname, search } = new URL(url)
  return `${pathname}${search}`
}

test('sign up, confirm by the emailed link, choose topics, get an issue sent from the admin, read it online, unsubscribe', async ({
  browser,
  page,
  request,
}) => {
  test.setTimeout(180_000)
  const email = `reader.${Date.now()}@example.org`

  await page.goto('/newsletter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get the newsletter')
  expect(await axeViolations(page)).toEqual([])
  await page.getByRole('button', { name: 'Subscribe' }).click()
  const summary = page.getByRole('alert', { name: 'There is a problem' })
  await expect(summary.getByRole('link', { name: 'Enter your email address' })).toHaveAttribute('href', '#email')
  await expect(summary.getByRole('link', { name: 'Select at least one topic' })).toHaveAttribute('href', '#topics')
  expect(await axeViolations(page)).toEqual([])
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Consultations').check()
  await page.getByRole('button', { name: 'Subscribe' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your email')

  // The confirmation goes out through the job queue.
  await expect.poll(() => outboxMails(email).length, { timeout: 45_000 }).toBe(1)
  await page.goto(linkIn({ address: email, prefix: '/newsletter/confirm?token=', subject: /Confirm your subscription/ }))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your subscription')
  expect(await axeViolations(page)).toEqual([])
  await page.getByRole('button', { name: 'Confirm subscription' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Subscription confirmed')
  await page.getByRole('link', { name: 'Change your topics or unsubscribe' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your newsletter subscription')
  await page.getByLabel('Consultations').uncheck()
  await page.getByRole('button', { name: 'Save topics' }).click()
  await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText('Select at least one topic')
  expect(await axeViolations(page)).toEqual([])
  await page.getByLabel('Network updates').check()
  await page.getByRole('button', { name: 'Save topics' }).click()
  await expect(page.getByRole('status')).toContainText('Your topics have been saved')
  await expect(page.getByLabel('Network updates')).toBeChecked()

  // An editor with the newsletter permission writes an issue and sends it from the admin.
  const token = await adminToken()
  const auth = { authorization: `JWT ${token}` }
  const editor = { email: `newsletter.editor.${Date.now()}@example.org`, password: 'a long newsletter passphrase' }
  expect(
    (await request.post('/api/users', { data: { ...editor, permissions: ['newsletter'], roles: ['editor'] }, headers: auth })).status(),
  ).toBe(201)
  const update = await request.post('/api/updates', {
    data: {
      _status: 'published',
      date: '2026-11-20',
      slug: `retinal-screening-${Date.now()}`,
      summary: 'New screening intervals from January.',
      title: 'Retinal screening changes',
    },
    headers: auth,
  })
  expect(update.status()).toBe(201)
  const subject = `Network news ${Date.now()}`
  const issue = await request.post('/api/newsletters', {
    data: {
      items: [{ relationTo: 'updates', value: (await update.json()).doc.id }],
      preheader: 'What changed this month',
      subject,
      topic: 'network-updates',
    },
    headers: auth,
  })
  expect(issue.status()).toBe(201)
  const { doc } = await issue.json()

  const admin = await signInToAdmin({ account: editor, browser })
  const desk = admin.context()
  await admin.goto(`/admin/collections/newsletters/${doc.id}`)
  // The panel is a client component: a click that lands before it hydrates does nothing, so click until the preview shows.
  await expect(async () => {
    await admin.getByRole('button', { name: 'Preview', exact: true }).click()
    await expect(admin.frameLocator('iframe[title="HTML preview of the email"]').getByRole('heading', { name: subject })).toBeVisible({
      timeout: 2_000,
    })
  }).toPass({ timeout: 30_000 })
  await expect(admin.locator('pre')).toContainText('Read more: ')
  await admin.getByRole('button', { name: 'Send a test to me' }).click()
  await expect(admin.getByText(`A test copy was sent to ${editor.email}.`)).toBeVisible()
  expect(outboxMails(editor.email).map((mail) => mail.subject)).toEqual([`[Test] ${subject}`])
  admin.once('dialog', (dialog) => void dialog.accept())
  await admin.getByRole('button', { name: 'Send now' }).click()
  await expect(admin.getByText('Sending has started.')).toBeVisible()

  await expect.poll(() => outboxMails(email).filter((mail) => mail.subject === subject).length, { timeout: 60_000 }).toBe(1)
  const [copy] = outboxMails(email).filter((mail) => mail.subject === subject)
  expect(copy!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click')
  expect(copy!.html).toContain('Retinal screening changes')
  await expect
    .poll(async () => (await (await request.get(`/api/newsletters/${doc.id}/stats`, { headers: auth })).json()).sent, { timeout: 30_000 })
    .toBe(1)
  await desk.close()

  // The web version.
  await page.goto(`/newsletters/${doc.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(subject)
  await expect(page.getByRole('link', { name: 'Retinal screening changes' })).toBeVisible()
  expect(await axeViolations(page)).toEqual([])

  // One click on the link in the email.
  await page.goto(linkIn({ address: email, prefix: '/newsletter/unsubscribe?token=', subject: new RegExp(subject) }))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unsubscribe from the newsletter')
  expect(await axeViolations(page)).toEqual([])
  await page.getByRole('button', { name: 'Unsubscribe' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You have unsubscribed')
})

test('a tampered link is refused, and the sign-up form works without JavaScript', async ({ browser, page }) => {
  await page.goto('/newsletter/unsubscribe?token=bm90LmEudG9rZW4.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link does not work')
  const context = await browser.newContext({ javaScriptEnabled: false })
  const noScript = await context.newPage()
  await noScript.goto('/newsletter')
  await noScript.getByLabel('Email address').fill('not an address')
  await noScript.getByRole('button', { name: 'Subscribe' }).click()
  await expect(noScript.getByRole('alert', { name: 'There is a problem' })).toContainText('Enter an email address in the correct format')
  await expect(noScript.getByLabel('Email address')).toHaveValue('not an address')
  await noScript.getByLabel('Email address').fill(`no.script.${Date.now()}@example.org`)
  await noScript.getByLabel('Guidance').check()
  await noScript.getByRole('button', { name: 'Subscribe' }).click()
  await expect(noScript.getByRole('heading', { level: 1 })).toHaveText('Check your email')
  await context.close()
})
