import { expect, test } from '@playwright/test'

import { minimalPdf } from '../helpers/files'
import { adminToken, axeViolations } from './helpers'

const GUIDANCE = '/care-areas/commissioning/commissioning-considerations-for-long-term-conditions'
const PROFESSIONAL_PAGE = '/care-areas/commissioning/service-specification-benchmarking'

test.describe('browsing the journey', () => {
  test('home → care area → guidance page, with breadcrumbs, contents and review dates', async ({ page }) => {
    await page.goto('/')
    await page
      .getByRole('link', { name: /Commissioning/ })
      .first()
      .click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Commissioning')
    await page.getByRole('link', { name: 'Commissioning considerations for long-term conditions' }).click()
    await expect(page).toHaveURL(new RegExp(`${GUIDANCE}$`))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Commissioning considerations for long-term conditions')
    const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' })
    await expect(breadcrumb.getByRole('link', { name: 'Home' })).toHaveAttribute('href', '/')
    await expect(breadcrumb.getByRole('link', { name: 'Commissioning' }).first()).toHaveAttribute('href', '/care-areas/commissioning')
    await expect(page.getByText(/Page last reviewed:/)).toBeVisible()
    // The contents list links to headings that exist on the page.
    const contents = page.getByRole('navigation', { name: 'Contents' })
    const firstTarget = await contents.getByRole('link').first().getAttribute('href')
    expect(firstTarget).toMatch(/^#/)
    await expect(page.locator(firstTarget!)).toHaveCount(1)
    // The ten tips block inside the page.
    await expect(page.locator('[id^="tip-"]')).toHaveCount(10)
  })

  test('the ten top tips page lists ten tips, each with its own anchor', async ({ page }) => {
    await page.goto('/commissioning/ten-top-tips')
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Ten top tips')
    const tips = page.locator('li[id^="tip-"]')
    await expect(tips).toHaveCount(10)
    const anchor = await tips.first().getAttribute('id')
    await page.goto(`/commissioning/ten-top-tips#${anchor}`)
    await expect(page.locator(`#${anchor}`)).toContainText('Proactively create a user-centred')
  })

  test('keyboard only: skip link, then from the home page to a guidance page', async ({ page }) => {
    // Keys are pressed once the design system's script has started: it rearranges the header as it starts.
    const scripted = () => expect(page.locator('body')).toHaveClass(/nhsuk-frontend-supported/)
    await page.goto('/')
    await scripted()
    await page.keyboard.press('Tab')
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused()
    await page.keyboard.press('Enter')
    // Tab forward from main content to the care area card link.
    for (let step = 0; step < 20; step++) {
      await page.keyboard.press('Tab')
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? '')
      if (/Commissioning/.test(focused)) break
    }
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/care-areas\/commissioning$/)
    await scripted()
    for (let step = 0; step < 30; step++) {
      await page.keyboard.press('Tab')
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? '')
      if (/Commissioning considerations/.test(focused)) break
    }
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(new RegExp(`${GUIDANCE}$`))
  })
})

test.describe('page feedback', () => {
  test('works without JavaScript, thanks the visitor and is stored against the page', async ({ browser, request }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(GUIDANCE)
    await page.getByRole('group', { name: 'Was this page useful?' }).getByLabel('No').check()
    await page.getByLabel(/how we could improve/).fill('Please add a diagram of the LTC model.')
    await page.getByRole('button', { name: 'Send feedback' }).click()
    await expect(page.getByText('Thank you for your feedback.')).toBeVisible()
    await context.close()
    const token = await adminToken()
    const stored = await request.get('/api/feedback?where[comment][equals]=Please add a diagram of the LTC model.', {
      headers: { authorization: `JWT ${token}` },
    })
    const body = await stored.json()
    expect(body.totalDocs).toBe(1)
    expect(body.docs[0].useful).toBe(false)
  })

  test('a post without an answer shows an error rather than storing anything', async ({ request }) => {
    const response = await request.post('/feedback', { data: { page: '1' }, headers: { 'content-type': 'application/json' } })
    expect(response.status()).toBe(400)
    expect((await response.json()).errors[0].field).toBe('useful')
  })
})

test.describe('imported guidance, library entries and repeated words', () => {
  test('the imported guidance says its review date is not known and that it awaits clinical review', async ({ page }) => {
    await page.goto(GUIDANCE)
    const notice = 'This page was written for the earlier Diabetes Journey site (2007) and is awaiting clinical review.'
    // Above the guidance, and once.
    await expect(page.getByText(notice)).toHaveCount(1)
    await expect(page.locator('.nhsuk-inset-text').first()).toContainText(notice)
    await expect(page.locator('.nhsuk-review-date')).toContainText('Page last reviewed: not known')
    await expect(page.locator('.nhsuk-review-date')).toContainText('Awaiting clinical review')
    // No import date presented as a review, and no next review date while it waits.
    await expect(page.locator('.nhsuk-review-date time')).toHaveCount(0)
    await expect(page.getByText(/Next review due:/)).toHaveCount(0)
    expect(await axeViolations(page)).toEqual([])
  })

  test('Diabetes Without Walls links to its library entry, which promises no PDF; the library lists every named document', async ({
    page,
  }) => {
    await page.goto(GUIDANCE)
    await expect(page.locator('main')).not.toContainText('PDF')
    await expect(page.locator('main')).not.toContainText('1.8MB')
    await page.getByRole('link', { name: 'Diabetes Without Walls' }).click()
    await expect(page).toHaveURL(/\/documents\/[0-9]+$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Diabetes Without Walls')
    await expect(page.getByText('This library does not hold a copy of this document.')).toBeVisible()
    await expect(page.locator('main')).not.toContainText(/PDF|MB|KB|Download/)
    expect(await axeViolations(page)).toEqual([])

    await page.goto('/documents')
    const entries = page.locator('main li')
    await expect(entries.getByRole('link', { name: 'GM Diabetes Strategy (draft)', exact: true })).toBeVisible()
    await expect(entries.filter({ hasText: 'GM Diabetes Strategy (draft)' })).toContainText(
      'Greater Manchester and Eastern Cheshire Strategic Clinical Network, 2017',
    )
    await expect(entries.filter({ hasText: 'NHS Operational Planning and Contracting Guidance 2017-2019' })).toContainText(
      'No copy is held in this library.',
    )
    await expect(entries.getByRole('link', { name: 'Diabetes Without Walls', exact: true })).toBeVisible()
    await expect(entries.getByRole('link', { name: 'Service review by Dr Sue Levi (HASSC recommendation 9)' })).toBeVisible()
    // The professional-only draft specification is not listed for the public.
    await expect(page.locator('main')).not.toContainText('Draft diabetes service specification')
  })

  test('the commissioning pages do not say the same thing twice', async ({ page }) => {
    await page.goto(GUIDANCE)
    // One heading for the tips: the section heading, with the tips under it.
    await expect(page.getByRole('heading', { name: /^Ten top tips/ })).toHaveCount(1)
    await expect(page.getByRole('heading', { name: 'Ten top tips for the commissioning of long term conditions' })).toBeVisible()
    await expect(page.locator('[id^="tip-"]')).toHaveCount(10)

    await page.goto('/care-areas/commissioning')
    const summary = 'Commissioning considerations in delivery of care to all people with one or more long-term conditions (LTC).'
    await expect(page.getByText(summary, { exact: true })).toHaveCount(1)
    await expect(page.locator('.nhsuk-lede-text')).toHaveText(summary)
  })
})

test.describe('professional-only and draft content', () => {
  test('a professional page is 404 for the public and visible after a professional signs in', async ({ browser, request }) => {
    const anonymous = await request.get(PROFESSIONAL_PAGE)
    expect(anonymous.status()).toBe(404)
    const sitemap = await (await request.get('/sitemap.xml')).text()
    expect(sitemap).toContain(GUIDANCE)
    expect(sitemap).not.toContain(PROFESSIONAL_PAGE)
    const list = await (await request.get('/care-areas/commissioning')).text()
    expect(list).not.toContain('service-specification-benchmarking')

    const token = await adminToken()
    const credentials = { email: `professional.${Date.now()}@example.org`, password: 'a long professional passphrase' }
    const created = await request.post('/api/users', {
      data: { ...credentials, roles: ['professional'] },
      headers: { authorization: `JWT ${token}` },
    })
    expect(created.status()).toBe(201)

    const context = await browser.newContext()
    const page = await context.newPage()
    const missing = await page.goto(PROFESSIONAL_PAGE)
    expect(missing?.status()).toBe(404)
    await page.getByRole('link', { name: 'sign in' }).first().click()
    await page.getByLabel('Email address').fill(credentials.email)
    await page.getByLabel('Password').fill(credentials.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    const visible = await page.goto(PROFESSIONAL_PAGE)
    expect(visible?.status()).toBe(200)
    await expect(page.getByText('For health and care professionals')).toBeVisible()
    await page.getByRole('button', { name: 'Sign out' }).click()
    expect((await page.goto(PROFESSIONAL_PAGE))?.status()).toBe(404)
    await context.close()
  })

  test('a draft is never visible publicly: site, REST and GraphQL', async ({ request }) => {
    const token = await adminToken()
    const auth = { authorization: `JWT ${token}` }
    const areas = await (await request.get('/api/care-areas?where[slug][equals]=commissioning', { headers: auth })).json()
    const owner = await (await request.get('/api/users/me', { headers: auth })).json()
    const draft = await request.post('/api/pages?draft=true', {
      data: {
        careArea: areas.docs[0].id,
        review: { contentOwner: owner.user.id, lastReviewed: '2026-11-01', nextReviewDue: '2027-11-01' },
        slug: 'unpublished-draft-guidance',
        summary: 'Not ready',
        title: 'Unpublished draft guidance',
      },
      headers: auth,
    })
    expect(draft.status()).toBe(201)
    expect((await request.get('/care-areas/commissioning/unpublished-draft-guidance')).status()).toBe(404)
    expect(await (await request.get('/care-areas/commissioning')).text()).not.toContain('Unpublished draft guidance')
    const rest = await (await request.get('/api/pages?draft=true&limit=100')).json()
    expect(JSON.stringify(rest)).not.toContain('Unpublished draft guidance')
    const graphql = await (await request.post('/api/graphql', { data: { query: '{ Pages(draft: true) { docs { title } } }' } })).json()
    expect(JSON.stringify(graphql)).not.toContain('Unpublished draft guidance')
  })
})

test.describe('cached pages', () => {
  test('anonymous pages are served from cache and refreshed when content is published', async ({ request }) => {
    await request.get('/updates')
    const second = await request.get('/updates')
    expect(second.headers()['x-cache']).toBe('HIT')
    const token = await adminToken()
    const title = `Cache check ${Date.now()}`
    const created = await request.post('/api/updates', {
      data: { _status: 'published', date: '2026-11-20', title },
      headers: { authorization: `JWT ${token}` },
    })
    expect(created.status()).toBe(201)
    const after = await request.get('/updates')
    expect(after.headers()['x-cache']).toBe('MISS')
    expect(await after.text()).toContain(title)
  })
})

test.describe('feeds and search-engine files', () => {
  test('robots.txt, the Atom feed and canonical and Open Graph tags', async ({ page, request }) => {
    expect(await (await request.get('/robots.txt')).text()).toMatch(/Disallow: \/admin/)
    const feed = await request.get('/updates/feed.xml')
    expect(feed.headers()['content-type']).toContain('application/atom+xml')
    expect(await feed.text()).toContain('Draft GM Diabetes Strategy')
    await page.goto(GUIDANCE)
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${GUIDANCE}$`))
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /Commissioning considerations/)
  })
})

test.describe('accessibility (axe, WCAG 2.2 A/AA) on every page template', () => {
  for (const path of [
    '/',
    '/care-areas/commissioning',
    GUIDANCE,
    '/commissioning/ten-top-tips',
    '/updates',
    '/updates/draft-gm-diabetes-strategy-request-for-input-from-vcse-groups',
    '/consultations',
    '/parliamentary-questions',
    '/parliamentary-questions/diabetes-2016-11-21',
    '/documents',
    '/governance',
    '/governance/west-herts-diabetes-service-redesign-group',
    '/governance/west-herts-diabetes-service-redesign-group/meetings/2007-09-12',
    '/governance/west-herts-diabetes-service-redesign-group/meetings/2007-12-12',
    '/recommendations',
    '/login',
    '/no-such-page',
  ]) {
    test(`${path} has no violations`, async ({ page }) => {
      const response = await page.goto(path)
      expect(response?.status()).toBe(path === '/no-such-page' ? 404 : 200)
      await expect(page.locator('main h1')).toBeVisible()
      expect(await axeViolations(page)).toEqual([])
    })
  }
})

test.describe('admin views for content staff', () => {
  test('reviews due and page feedback are reachable from the sidebar and show the data', async ({ page, request }) => {
    const token = await adminToken()
    const auth = { authorization: `JWT ${token}` }
    // A page due for review in 10 days, published by trusted means is not needed: drafts count too.
    const areas = await (await request.get('/api/care-areas?where[slug][equals]=commissioning', { headers: auth })).json()
    const me = await (await request.get('/api/users/me', { headers: auth })).json()
    const due = new Date(Date.now() + 10 * 24 * 3600 * 1000).toISOString().slice(0, 10)
    const created = await request.post('/api/pages?draft=true', {
      data: {
        careArea: areas.docs[0].id,
        review: { contentOwner: me.user.id, lastReviewed: '2025-12-01', nextReviewDue: due },
        slug: 'review-soon',
        summary: 'Due soon',
        title: 'Guidance due for review soon',
      },
      headers: auth,
    })
    expect(created.status()).toBe(201)
    const guidance = await (
      await request.get('/api/pages?where[slug][equals]=commissioning-considerations-for-long-term-conditions')
    ).json()
    const sent = await request.post('/feedback', { data: { page: String(guidance.docs[0].id), useful: 'no' } })
    expect(sent.status()).toBe(201)

    await page.goto('/admin/login')
    await page.locator('input[name="email"]').fill(process.env.E2E_ADMIN_EMAIL!)
    await page.locator('input[name="password"]').fill(process.env.E2E_ADMIN_PASSWORD!)
    await page.locator('button[type="submit"]').click()
    await expect(page).toHaveURL(/\/admin\/?$/, { timeout: 30_000 })
    // The sidebar links to both views (the collapsible nav is not clicked: its groups animate).
    const sidebar = page.locator('.nav')
    await expect(sidebar.getByRole('link', { name: 'Reviews due', exact: true })).toHaveAttribute('href', '/admin/reviews-due')
    await expect(sidebar.getByRole('link', { name: 'Feedback by page', exact: true })).toHaveAttribute('href', '/admin/feedback-by-page')
    await page.goto('/admin/reviews-due')
    await expect(page.getByRole('row', { name: /Guidance due for review soon/ })).toContainText(/Due in (9|10) days/)
    // The imported guidance is listed as awaiting clinical review.
    await expect(page.getByRole('row', { name: /Commissioning considerations for long-term conditions/ })).toContainText(
      'Awaiting clinical review',
    )
    await page.goto('/admin/feedback-by-page')
    await expect(page.getByRole('row', { name: /Commissioning considerations/ })).toBeVisible()
  })
})

test.describe('documents on the site', () => {
  test('an attachment shows its type and size, downloads for the public, and a professional file does not', async ({ page, request }) => {
    const token = await adminToken()
    const auth = { authorization: `JWT ${token}` }
    // A small valid PDF padded with a comment line to about 3 KB, so the size label is predictable.
    const [header, ...rest] = minimalPdf().toString('latin1').split('\n')
    const pdf = Buffer.from([header, `%${'x'.repeat(3000)}`, ...rest].join('\n'), 'latin1')
    const upload = async (title: string, audience: string) => {
      const response = await request.post('/api/documents', {
        headers: auth,
        multipart: {
          _payload: JSON.stringify({ _status: 'published', audience, publicationDate: '2026-11-01', title }),
          file: { buffer: pdf, mimeType: 'application/pdf', name: `${audience}-strategy.pdf` },
        },
      })
      expect(response.status(), await response.text()).toBe(201)
      return (await response.json()).doc as { id: number | string; url: string }
    }
    const open = await upload('GM Diabetes Strategy (draft)', 'public')
    const restricted = await upload('Draft service specification', 'professional')
    const slug = `strategy-documents-${Date.now()}`
    const update = await request.post('/api/updates', {
      data: { _status: 'published', attachments: [open.id, restricted.id], date: '2026-11-02', slug, title: 'Strategy documents' },
      headers: auth,
    })
    expect(update.status()).toBe(201)

    await page.goto(`/updates/${slug}`)
    const attachments = page.getByRole('region', { name: 'Attachments' })
    await expect(attachments.getByRole('link', { name: /GM Diabetes Strategy \(draft\) \(PDF, 3 KB\)/ })).toBeVisible()
    await expect(attachments).not.toContainText('Draft service specification')
    await expect(page.getByRole('link', { name: 'Share by email' })).toHaveAttribute('href', new RegExp(`^mailto:\\?subject=.*${slug}`))
    const file = await request.get(open.url)
    expect(file.status()).toBe(200)
    expect(file.headers()['content-type']).toContain('application/pdf')
    expect((await request.get(restricted.url)).status()).toBeGreaterThanOrEqual(403)
    // A file that is not what it claims to be is refused with the field named.
    const fake = await request.post('/api/documents', {
      headers: auth,
      multipart: {
        _payload: JSON.stringify({ audience: 'public', publicationDate: '2026-11-01', title: 'Fake' }),
        file: { buffer: Buffer.from('<html>not a pdf</html>'), mimeType: 'application/pdf', name: 'fake.pdf' },
      },
    })
    expect(fake.status()).toBe(400)
    expect(JSON.stringify(await fake.json())).toContain('"path":"file"')
  })
})
