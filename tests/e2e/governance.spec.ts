import { expect, test } from '@playwright/test'
import ICAL from 'ical.js'

import { adminToken, axeViolations } from './helpers'

const GROUP = '/governance/west-herts-diabetes-service-redesign-group'

test('the public sees every meeting with its date and place, and approved minutes only; every governance page passes axe', async ({
  page,
}) => {
  await page.goto('/')
  // The header lists it (the NHS.UK header may fold later links into its "More" menu on narrow screens).
  await expect(page.locator('header a[href="/governance"]').first()).toHaveText('Governance')
  await expect(page.locator('header a[href="/recommendations"]').first()).toHaveText('Recommendations')
  await page.goto('/governance')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Network governance')
  expect(await axeViolations(page)).toEqual([])
  await page.getByRole('link', { name: 'West Herts Diabetes Service Redesign Group' }).click()
  await expect(page.getByText('Colin Johnston (WHHT) and Mike Walton')).toBeVisible()
  await expect(page.getByRole('cell', { name: 'DAC-COM practice based commissioning group' })).toBeVisible()
  expect(await axeViolations(page)).toEqual([])
  // 12 September's minutes were confirmed on 7 November; 7 November's await the December meeting.
  const minutes = page.locator('#minutes + ul')
  await expect(minutes.getByRole('link')).toHaveText(['Minutes of Wednesday 12 September 2007'])
  // Every past meeting is listed with its date and place, whatever the state of its minutes; the seeded
  // meetings have no venue yet, and unapproved minutes are named but not linked.
  await expect(minutes.locator('li')).toHaveText([
    /^Wednesday 12 December 2007 · In person, venue to be confirmed\s*Minutes not yet approved$/,
    /^Wednesday 7 November 2007 · In person, venue to be confirmed\s*Minutes not yet approved$/,
    /^Wednesday 12 September 2007 · In person, venue to be confirmed\s*Minutes of Wednesday 12 September 2007 Approved minutes$/,
  ])
  await expect(page.getByText('Open actions')).toHaveCount(0)

  await minutes.getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Meeting of Wednesday 12 September 2007')
  await expect(page.getByText('Elizabeth Ponsonby (DAC-COM)')).toBeVisible()
  expect(await axeViolations(page)).toEqual([])

  await page.goto(`${GROUP}/meetings/2007-11-07`)
  await expect(page.getByText('The minutes of this meeting have not been approved yet.')).toBeVisible()
  await expect(page.locator('.nhsuk-summary-list__row', { hasText: 'Where' }).locator('dd')).toHaveText('In person, venue to be confirmed')
  expect(await axeViolations(page)).toEqual([])
  await expect(page.getByText('RESOLVED')).toHaveCount(0)
  await expect(page.getByText('managed within primary care')).toHaveCount(0)
})

test('recommendations: a table with status tags, filtered by owner without JavaScript', async ({ browser, page: withScript }) => {
  await withScript.goto('/recommendations')
  await expect(withScript.getByRole('heading', { level: 1 })).toHaveText('Service review recommendations')
  await expect(withScript.locator('tbody tr')).toHaveCount(7)
  await expect(withScript.locator('tbody .nhsuk-tag').first()).toHaveText('Not started')
  // axe runs as a script in the page; the filter itself is then used with scripts off.
  expect(await axeViolations(withScript)).toEqual([])
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/recommendations')
  await page.getByLabel('Owner').selectOption({ label: 'The Local Medical Committee' })
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page).toHaveURL(/owner=\d+/)
  await expect(page.locator('tbody tr')).toHaveCount(1)
  await expect(page.locator('tbody tr')).toContainText('Work together')
  await expect(page.locator('tbody tr')).toContainText('named Lead Diabetes Clinician')
  await context.close()
})

test('an editor records a meeting with attendance and an action; the public sees its minutes once approved, and the calendar lists it', async ({
  browser,
  request,
}) => {
  // Many admin round trips: a busy two-core machine takes most of a minute.
  test.setTimeout(240_000)
  const token = await adminToken()
  const auth = { authorization: `JWT ${token}` }
  const editor = { email: `editor.${Date.now()}@example.org`, password: 'a long editor passphrase' }
  expect((await request.post('/api/users', { data: { ...editor, roles: ['editor'] }, headers: auth })).status()).toBe(201)

  const context = await browser.newContext({ timezoneId: 'Europe/London' })
  const admin = await context.newPage()
  await admin.goto('/admin/login')
  await admin.locator('input[name="email"]').fill(editor.email)
  await admin.locator('input[name="password"]').fill(editor.password)
  await admin.locator('button[type="submit"]').click()
  await expect(admin).toHaveURL(/\/admin\/?$/, { timeout: 30_000 })
  // A picker clicked before the form has hydrated does not open: it is opened again until the option shows.
  const choose = async ({ field, option }: { field: string; option: RegExp | string }) => {
    await expect(async () => {
      if (!(await admin.getByRole('option', { name: option }).first().isVisible())) await admin.locator(field).click()
      await expect(admin.getByRole('option', { name: option }).first()).toBeVisible({ timeout: 10_000 })
    }).toPass({ timeout: 60_000 })
    await admin.getByRole('option', { name: option }).first().click()
  }

  await admin.goto('/admin/collections/meetings/create')
  await choose({ field: '#field-group', option: 'West Herts Diabetes Service Redesign Group' })
  // Half past twelve: the hour after noon reads 12, not 0.
  await admin.locator('#field-startsAt input').fill('Jan 20, 2099 12:30 PM')
  await admin.locator('#field-venue').click()
  await admin.locator('#field-venue').fill('Watford General Hospital')
  // The admin may still be applying the last change's form state when a row is added, and drops the row:
  // add it again until it is there, as a person would.
  const addRow = async ({ button, field }: { button: string; field: string }) => {
    // A click before the form has hydrated adds nothing, so it is repeated; a slow render must not get a second row.
    await expect(async () => {
      if (!(await admin.locator(field).isVisible())) await admin.getByRole('button', { name: button }).click()
      await expect(admin.locator(field)).toBeVisible({ timeout: 15_000 })
    }).toPass({ timeout: 50_000 })
  }
  await addRow({ button: 'Add Attendance', field: '#field-attendance__0__person' })
  await choose({ field: '#field-attendance__0__person', option: 'Colin Johnston' })
  await addRow({ button: 'Add Attendance', field: '#field-attendance__1__person' })
  await choose({ field: '#field-attendance__1__person', option: 'Sally Trevor' })
  await choose({ field: '#field-attendance__1__attendance', option: 'Apologies' })
  await addRow({ button: 'Add Agenda Item', field: '#field-agendaItems__0__title' })
  await admin.locator('#field-agendaItems__0__title').fill('Foot care pathway')
  await admin.getByRole('button', { name: 'Save' }).click()
  await expect(admin).toHaveURL(/\/admin\/collections\/meetings\/\d+/, { timeout: 20_000 })
  const meetingId = admin.url().match(/meetings\/(\d+)/)![1]

  await admin.goto('/admin/collections/actions/create')
  await admin.locator('#field-title').fill('Draft the foot care pathway')
  await choose({ field: '#field-meeting', option: /Tuesday 20 January 2099/ })
  await admin.locator('#field-agendaItem').fill('1')
  await choose({ field: '#field-owner', option: 'Colin Johnston' })
  await admin.getByRole('button', { name: 'Save' }).click()
  await expect(admin).toHaveURL(/\/admin\/collections\/actions\/\d+/, { timeout: 20_000 })
  await context.close()

  const stored = await (await request.get(`/api/meetings/${meetingId}?depth=1`, { headers: auth })).json()
  expect(stored.attendance.map((row: { attendance: string; person: { name: string } }) => `${row.person.name}: ${row.attendance}`)).toEqual(
    ['Colin Johnston: present', 'Sally Trevor: apologies'],
  )
  const path = `${GROUP}/meetings/2099-01-20`

  // Scheduled: the public sees the date and place, and the calendar feed lists it.
  const feed = await request.get(`${GROUP}/meetings.ics`)
  expect(feed.headers()['content-type']).toMatch(/^text\/calendar/)
  const events = new ICAL.Component(ICAL.parse(await feed.text())).getAllSubcomponents('vevent').map((event) => new ICAL.Event(event))
  const listed = events.find((event) => String(event.component.getFirstPropertyValue('url')).endsWith(path))
  expect(listed?.location).toBe('Watford General Hospital')
  expect(listed?.startDate.toJSDate().toISOString()).toBe('2099-01-20T12:30:00.000Z')
  const visitor = await browser.newPage()
  await visitor.goto(GROUP)
  await expect(visitor.locator('#upcoming + ul li')).toHaveText([
    /^Tuesday 20 January 2099, 12:30pm · Watford General Hospital · In person\s*Upcoming$/,
  ])
  expect(await axeViolations(visitor)).toEqual([])
  await visitor.goto(path)
  await expect(visitor.locator('.nhsuk-summary-list__row', { hasText: 'Date' }).locator('dd')).toHaveText(
    'Tuesday 20 January 2099, 12:30pm',
  )
  await expect(visitor.locator('.nhsuk-summary-list__row', { hasText: 'Where' }).locator('dd')).toHaveText(
    'Watford General Hospital · In person',
  )

  // Held with minutes circulated: still nothing of their content for the public.
  const patch = (id: number | string, data: object) => request.patch(`/api/meetings/${id}`, { data, headers: auth })
  expect((await patch(meetingId, { minutesStatus: 'unconfirmed', status: 'held' })).status()).toBe(200)
  const heldPage = await (await request.get(path)).text()
  expect(heldPage).toContain('The minutes of this meeting have not been approved yet.')
  expect(heldPage).not.toContain('Draft the foot care pathway')
  // On the group's page it is now a past meeting: listed with its date, time and place, its minutes not linked.
  await visitor.goto(GROUP)
  const held = visitor.locator('#minutes + ul li', { hasText: 'Tuesday 20 January 2099' })
  await expect(held).toHaveText(/^Tuesday 20 January 2099, 12:30pm · Watford General Hospital · In person\s*Minutes not yet approved$/)
  await expect(held.getByRole('link')).toHaveCount(0)
  await expect(visitor.locator('#upcoming + p')).toHaveText('No meetings are scheduled.')
  expect(await axeViolations(visitor)).toEqual([])

  // The next meeting confirms them: now they are public, with attendance and the action.
  const next = await request.post('/api/meetings', {
    data: { confirmsMinutesOf: Number(meetingId), group: stored.group.id, startsAt: '2099-03-17T14:00:00.000Z', status: 'held' },
    headers: auth,
  })
  expect(next.status()).toBe(201)
  await visitor.goto(GROUP)
  await expect(visitor.locator('#minutes + ul li', { hasText: 'Tuesday 20 January 2099' }).getByRole('link')).toHaveText(
    'Minutes of Tuesday 20 January 2099',
  )
  await visitor.close()
  const page = await browser.newPage()
  await page.goto(path)
  await expect(page.getByText('Approved minutes')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Present' })).toBeVisible()
  await expect(page.getByText('Sally Trevor (Hertsmere)')).toBeVisible()
  await expect(page.getByRole('table', { name: 'Actions raised at this meeting' })).toContainText('Draft the foot care pathway')
  expect(await axeViolations(page)).toEqual([])
  await page.close()
})
