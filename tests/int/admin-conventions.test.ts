import type { DateField, EmailField, Field, PayloadRequest, SanitizedConfig } from 'payload'

import { importDateFNSLocale } from '@payloadcms/translations'
import { parse } from 'date-fns'
import { enUS } from 'date-fns/locale/en-US'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import { createLocalReq } from 'payload'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { LOCK_SECONDS } from '../../src/lib/admin/conventions'
import { UK_DATE, UK_DATE_TIME, UK_TIMEZONE } from '../../src/lib/admin/uk-dates'
import { HubIcon } from '../../src/components/admin/brand/Icon'
import { HUB_NAME, HubLogo } from '../../src/components/admin/brand/Logo'
import { apiClient } from '../helpers/api'
import { createUser, startTestHub, testDatabase } from '../helpers/hub'

let hub: TestHub
let config: SanitizedConfig
let api: ReturnType<typeof apiClient>

beforeAll(async () => {
  hub = await startTestHub()
  config = hub.payload.config
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
})

afterAll(async () => {
  await hub?.cleanup()
})

type DateEntry = { field: DateField; hidden: boolean; path: string; readOnly: boolean }
type Around = Omit<DateEntry, 'field'>

/**
 * Every date field under `fields`, with its path, whether it (or a field around it) is read-only, and whether
 * it is never in a form (hidden, or in a collection Payload adds for itself after the plugins have run): those
 * appear only in list cells, filters and versions, formatted with admin.dateFormat.
 */
const dateFields = ({ around, fields }: { around: Around; fields: Field[] }): DateEntry[] =>
  fields.flatMap((field) => {
    const admin = field.admin as { disabled?: boolean; hidden?: boolean; readOnly?: boolean } | undefined
    const here: Around = {
      hidden: around.hidden || Boolean((field as { hidden?: boolean }).hidden || admin?.hidden || admin?.disabled),
      path: 'name' in field && field.name ? `${around.path}.${field.name}` : around.path,
      readOnly: around.readOnly || Boolean(admin?.readOnly),
    }
    if (field.type === 'date') return [{ ...here, field }]
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => dateFields({ around: here, fields: tab.fields }))
    if (field.type === 'blocks') {
      const blocks = [...(field.blocks ?? []), ...(field.blockReferences ?? [])].map((block) =>
        typeof block === 'string' ? config.blocks?.find((each) => each.slug === block) : block,
      )
      return blocks.flatMap((block) =>
        block ? dateFields({ around: { ...here, path: `${here.path}.${block.slug}` }, fields: block.fields }) : [],
      )
    }
    return 'fields' in field ? dateFields({ around: here, fields: field.fields }) : []
  })

const everyDateField = (): DateEntry[] =>
  [...config.collections, ...config.globals, ...(config.blocks ?? [])].flatMap((entity: { fields: Field[]; slug: string }) =>
    dateFields({ around: { hidden: entity.slug.startsWith('payload-'), path: entity.slug, readOnly: false }, fields: entity.fields }),
  )

const isHidden = ({ hidden }: DateEntry) => hidden

/** Formats some fields set on purpose in their own config: each shows a stamp, day first with the year, and cannot be typed into. */
const OWN_FORMATS: Record<string, string> = {
  'actions.updates.at': 'd MMM yyyy, HH:mm',
  'meetings.minutesApproval.approvedAt': 'd MMM yyyy, HH:mm',
  'subscribers.consents.at': 'd MMM yyyy, HH:mm:ss',
}

describe(`UK dates in the admin (${testDatabase()})`, () => {
  it('sets the default format, used by list cells, filters and versions, to dd/MM/yyyy HH:mm', () => {
    expect(config.admin.dateFormat).toBe('dd/MM/yyyy HH:mm')
  })

  it('gives every date field shown in a form a day-first format with the year and a 24-hour clock', () => {
    const entries = everyDateField()
    expect(entries.length).toBeGreaterThan(40)
    const shown = entries.filter((entry) => !isHidden(entry))
    const withoutFormat = shown.filter(({ field }) => !field.admin?.date?.displayFormat).map(({ path }) => path)
    expect(withoutFormat).toEqual([])
    const notUk = shown
      .filter(
        ({ field, path }) =>
          !field.admin!.date!.displayFormat!.startsWith(UK_DATE) && OWN_FORMATS[path] !== field.admin!.date!.displayFormat,
      )
      .map(({ field, path }) => `${path}: ${field.admin!.date!.displayFormat}`)
    expect(notUk).toEqual([])
    // The formats kept from a field's own config are read-only stamps (nobody types into them).
    for (const path of Object.keys(OWN_FORMATS)) expect(shown.find((entry) => entry.path === path)).toMatchObject({ readOnly: true })
    // Payload's own hidden ones (timestamps, sessions, jobs) fall back to the default format.
    for (const { field } of entries.filter(isHidden))
      expect(field.admin?.date?.displayFormat ?? config.admin.dateFormat).toMatch(/^dd\/MM\/yyyy/)
  })

  it('shows a date without its time where only a day is picked, and the time (24-hour) where there is one', () => {
    const formats = Object.fromEntries(everyDateField().map(({ field, path }) => [path, field.admin?.date]))
    expect(formats['updates.date']).toMatchObject({ displayFormat: UK_DATE, pickerAppearance: 'dayOnly' })
    expect(formats['pages.review.nextReviewDue']).toMatchObject({ displayFormat: UK_DATE })
    expect(formats['site-settings.closureDays.day']).toMatchObject({ displayFormat: UK_DATE })
    expect(formats['meetings.startsAt']).toMatchObject({ displayFormat: UK_DATE_TIME, timeFormat: 'HH:mm' })
    expect(formats['newsletters.scheduledFor']).toMatchObject({ displayFormat: UK_DATE_TIME, timeFormat: 'HH:mm' })
    expect(formats['questions.receivedAt']).toMatchObject({ displayFormat: UK_DATE_TIME })
    // en-GB weeks start on Monday in the calendar.
    for (const { field } of everyDateField().filter((entry) => !isHidden(entry))) {
      expect(field.admin?.date?.overrides).toMatchObject({ calendarStartDay: 1 })
    }
  })

  it('reads a typed 01/12/2026 as the first of December, as the picker parses it (date-fns, the field’s format)', () => {
    // react-datepicker parses typed text with date-fns and the field's displayFormat; with Payload's fallbacks
    // (MM/dd/yyyy, or 'MMM dd' then the browser's own month-first reading) the same text is 12 January.
    const format = everyDateField().find(({ path }) => path === 'updates.date')!.field.admin!.date!.displayFormat!
    const typed = (text: string, pattern: string) => parse(text, pattern, new Date(2026, 0, 1), { locale: enUS })
    expect(typed('01/12/2026', format)).toEqual(new Date(2026, 11, 1))
    expect(typed('25/12/2026', format)).toEqual(new Date(2026, 11, 25))
    expect(typed('01/12/2026', 'MM/dd/yyyy')).toEqual(new Date(2026, 0, 12))
  })

  it('keeps the en-US date-fns key: Payload has no en-GB locale to load, and without one every date would read "Loading..."', async () => {
    expect(config.i18n.supportedLanguages.en?.dateFNSKey).toBe('en-US')
    expect(await importDateFNSLocale('en-GB' as never)).toBeUndefined()
  })

  it('offers London as the only time zone, without adding a time zone column to any date field', () => {
    expect(config.admin.timezones).toEqual({
      defaultTimezone: UK_TIMEZONE,
      supportedTimezones: [{ label: 'UK time (London)', value: UK_TIMEZONE }],
    })
    expect(everyDateField().filter(({ field }) => field.timezone)).toEqual([])
  })

  it('gives scheduled publishing a 24-hour clock', () => {
    const schedules = config.collections.flatMap((collection) => {
      const drafts = collection.versions?.drafts
      return drafts && drafts.schedulePublish ? [{ schedule: drafts.schedulePublish, slug: collection.slug }] : []
    })
    expect(schedules.map(({ slug }) => slug)).toEqual(expect.arrayContaining(['pages', 'updates', 'care-areas']))
    for (const { schedule } of schedules) expect(schedule).toMatchObject({ timeFormat: 'HH:mm' })
  })
})

describe(`the hub's name and mark (${testDatabase()})`, () => {
  /** Payload's theme variables, light (:root) and dark, read from its stylesheet and resolved to rgb(). */
  const themeColour = ({ name, theme }: { name: string; theme: 'dark' | 'light' }): number[] => {
    const css = fs.readFileSync(createRequire(import.meta.url).resolve('@payloadcms/next/css'), 'utf8')
    const declarations = new Map<string, string>()
    const blocks = [...css.matchAll(/(:root|html\[data-theme=dark\])\{([^{}]*)\}/g)]
    for (const [, selector, body] of [
      ...blocks.filter(([, s]) => s === ':root'),
      ...(theme === 'dark' ? blocks.filter(([, s]) => s !== ':root') : []),
    ]) {
      void selector
      for (const [, key, value] of body!.matchAll(/(--[\w-]+):\s*([^;]+)/g)) declarations.set(key!, value!.trim())
    }
    let value = declarations.get(name) ?? ''
    for (let hops = 0; value.startsWith('var('); hops++) {
      if (hops > 10) throw new Error(`${name} does not resolve`)
      value = declarations.get(value.slice(4, -1).trim()) ?? ''
    }
    const rgb = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(value)
    if (!rgb) throw new Error(`${name} is ${value}`)
    return rgb.slice(1).map(Number)
  }
  const luminance = (rgb: number[]) =>
    rgb
      .map((c) => c / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
      .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0)
  const contrast = (a: number[], b: number[]) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
    return (light! + 0.05) / (dark! + 0.05)
  }

  it('replaces Payload’s logo and icon', () => {
    expect(config.admin.components.graphics).toEqual({
      Icon: '/src/components/admin/brand/Icon#HubIcon',
      Logo: '/src/components/admin/brand/Logo#HubLogo',
    })
  })

  it('names the hub in text, the mark hidden from screen readers, in the theme’s text colour', () => {
    const logo = renderToStaticMarkup(createElement(HubLogo))
    expect(logo).toContain(`>${HUB_NAME}</span>`)
    expect(logo).toMatch(/<svg aria-hidden="true"/)
    expect(logo).toContain('color:var(--theme-text)')
    const icon = renderToStaticMarkup(createElement(HubIcon, {}))
    expect(icon).toMatch(/^<svg aria-hidden="true"/)
    expect(icon).toContain('fill="var(--theme-text)"')
    // Payload's Open Graph image passes a colour: it cannot resolve CSS variables.
    expect(renderToStaticMarkup(createElement(HubIcon, { fill: 'white' }))).toContain('fill="white"')
  })

  it.each(['light', 'dark'] as const)('keeps the text at 4.5:1 or more against the page in the %s theme', (theme) => {
    const text = themeColour({ name: '--theme-text', theme })
    const page = themeColour({ name: '--theme-bg', theme })
    expect(contrast(text, page)).toBeGreaterThanOrEqual(4.5)
  })
})

describe(`edit locks (${testDatabase()})`, () => {
  type Account = { email: string; id: number | string; password: string; token: string }
  let pages: (number | string)[] = []

  const account = async (roles: string[]): Promise<Account> => {
    const user = await createUser({ payload: hub.payload, roles })
    return { ...user, token: (await api.login(user)).token! }
  }

  const lock = async ({ holder, page }: { holder: Account; page: number | string }) => {
    const taken = await api.rest({
      body: { document: { relationTo: 'pages', value: page }, user: { relationTo: 'users', value: holder.id } },
      method: 'POST',
      path: 'payload-locked-documents',
      token: holder.token,
    })
    expect(taken.status).toBe(201)
  }

  /** Who holds each lock, by account id (trusted read); a lock left without its holder shows as such. */
  const holders = async (): Promise<string[]> =>
    (await hub.payload.find({ collection: 'payload-locked-documents', depth: 0, limit: 100 })).docs
      .map((row) => String((row.user as { value: number | string } | null | undefined)?.value ?? 'no holder'))
      .sort()

  const clearLocks = () => hub.payload.delete({ collection: 'payload-locked-documents', where: { id: { exists: true } } })

  const ids = (...accounts: Account[]) => accounts.map((each) => String(each.id)).sort()

  beforeAll(async () => {
    const area = await hub.payload.create({
      collection: 'care-areas',
      data: { _status: 'published', slug: 'conventions-area', step: 1, summary: 'Area', title: 'Conventions area' } as never,
    })
    const owner = await createUser({ payload: hub.payload, roles: ['editor'] })
    for (const title of ['First page', 'Second page']) {
      const page = await hub.payload.create({
        collection: 'pages',
        data: {
          _status: 'published',
          careArea: area.id,
          review: { contentOwner: owner.id, lastReviewed: '2026-01-01', nextReviewDue: '2027-01-01' },
          summary: 'Guidance',
          title,
        } as never,
      })
      pages = [...pages, page.id]
    }
  })

  it(`lasts ${LOCK_SECONDS} s, Payload's default, stated on every collection and global that can be locked`, () => {
    // Payload's own collections and globals are added after the plugins; the few it leaves lockable use the same default.
    const lockable = [...config.collections, ...config.globals].filter(
      (entity) => entity.lockDocuments !== false && !entity.slug.startsWith('payload-'),
    )
    expect(lockable.map((entity) => entity.slug)).toEqual(expect.arrayContaining(['pages', 'users', 'site-settings']))
    for (const entity of lockable) expect(entity.lockDocuments).toEqual({ duration: 300 })
  })

  it("signing out through REST releases the holder's locks and leaves others' locks alone", async () => {
    await clearLocks()
    const [leaving, staying] = [await account(['editor']), await account(['editor'])]
    await lock({ holder: leaving, page: pages[0]! })
    await lock({ holder: staying, page: pages[1]! })
    expect(await holders()).toEqual(ids(leaving, staying))
    expect((await api.rest({ method: 'POST', path: 'users/logout', token: leaving.token })).status).toBe(200)
    expect(await holders()).toEqual(ids(staying))
  })

  it('a password set by an administrator ends the holder’s sessions and locks; changing one’s own keeps them', async () => {
    await clearLocks()
    const admin = await account(['admin'])
    const [reset, self] = [await account(['editor']), await account(['editor'])]
    await lock({ holder: reset, page: pages[0]! })
    await lock({ holder: self, page: pages[1]! })
    const byAdmin = await api.rest({
      body: { password: 'a brand new one-time password 1' },
      method: 'PATCH',
      path: `users/${reset.id}`,
      token: admin.token,
    })
    expect(byAdmin.status).toBe(200)
    expect((await api.rest({ path: 'users/me', token: reset.token })).json.user).toBeNull()
    const own = await api.rest({
      body: { password: 'my own brand new password 2' },
      method: 'PATCH',
      path: `users/${self.id}`,
      token: self.token,
    })
    expect(own.status).toBe(200)
    expect(await holders()).toEqual(ids(self))
  })

  it('a reset through the emailed link, staff roles taken away, or the account deleted release its locks', async () => {
    await clearLocks()
    const admin = await account(['admin'])
    const [resetter, demoted, deleted, bystander] = [
      await account(['editor']),
      await account(['editor']),
      await account(['editor']),
      await account(['editor']),
    ]
    await lock({ holder: resetter, page: pages[0]! })
    await lock({ holder: demoted, page: pages[1]! })
    await lock({ holder: bystander, page: pages[1]! })
    const token = await hub.payload.forgotPassword({ collection: 'users', data: { email: resetter.email }, disableEmail: true })
    await hub.payload.resetPassword({ collection: 'users', data: { password: 'a reset password chosen 3', token }, overrideAccess: true })
    expect(await holders()).toEqual(ids(demoted, bystander))
    const demotion = await api.rest({ body: { roles: ['professional'] }, method: 'PATCH', path: `users/${demoted.id}`, token: admin.token })
    expect(demotion.status).toBe(200)
    expect(await holders()).toEqual(ids(bystander))
    await lock({ holder: deleted, page: pages[0]! })
    expect((await api.rest({ method: 'DELETE', path: `users/${deleted.id}`, token: admin.token })).status).toBe(200)
    expect(await holders()).toEqual(ids(bystander))
  })
})

describe(`who holds the lock (${testDatabase()})`, () => {
  type Account = { email: string; id: number | string; password: string; token: string }
  const people: Record<'admin' | 'editor' | 'holder' | 'professional' | 'responder', Account> = {} as never
  let page: number | string

  beforeAll(async () => {
    const roles = { admin: ['admin'], editor: ['editor'], holder: ['editor'], professional: ['professional'], responder: ['responder'] }
    for (const [key, held] of Object.entries(roles)) {
      const user = await createUser({ payload: hub.payload, roles: held })
      people[key as keyof typeof people] = { ...user, token: (await api.login(user)).token! }
    }
    const area = await hub.payload.create({
      collection: 'care-areas',
      data: { _status: 'published', slug: 'holder-area', step: 2, summary: 'Area', title: 'Holder area' } as never,
    })
    const created = await hub.payload.create({
      collection: 'pages',
      data: {
        _status: 'published',
        careArea: area.id,
        review: { contentOwner: people.holder.id, lastReviewed: '2026-01-01', nextReviewDue: '2027-01-01' },
        summary: 'Guidance',
        title: 'Held page',
      } as never,
    })
    page = created.id
    const taken = await api.rest({
      body: { document: { relationTo: 'pages', value: page }, user: { relationTo: 'users', value: people.holder.id } },
      method: 'POST',
      path: 'payload-locked-documents',
      token: people.holder.token,
    })
    expect(taken.status).toBe(201)
  })

  const asReq = async (key: keyof typeof people): Promise<PayloadRequest> => {
    const user = await hub.payload.findByID({ collection: 'users', id: people[key].id })
    return createLocalReq({ user: { ...user, collection: 'users' } as never }, hub.payload)
  }

  it('the lock dialog names the holder by email to a staff colleague', async () => {
    const { getIsLocked } = await import('../../node_modules/@payloadcms/next/dist/views/Document/getIsLocked.js')
    const pagesConfig = config.collections.find((collection) => collection.slug === 'pages')!
    const seen = await getIsLocked({ id: page, collectionConfig: pagesConfig, isEditing: true, req: await asReq('editor') } as never)
    expect(seen.isLocked).toBe(true)
    expect(seen.currentEditor).toMatchObject({ email: people.holder.email, id: people.holder.id })
  })

  it('the list view marks the row with the holder’s email (Payload adds the lock to each row)', async () => {
    const list = await hub.payload.find({
      collection: 'pages',
      includeLockStatus: true,
      overrideAccess: false,
      req: await asReq('editor'),
      where: { id: { equals: page } },
    })
    expect(list.docs[0]).toMatchObject({ _isLocked: true, _userEditing: { email: people.holder.email } })
  })

  it('a staff reader sees a staff colleague’s email over REST', async () => {
    for (const reader of ['editor', 'responder'] as const) {
      const read = await api.rest({ path: `users/${people.holder.id}`, token: people[reader].token })
      expect(read.status).toBe(200)
      expect(read.json.email).toBe(people.holder.email)
    }
  })

  it('a responder does not see a professional account’s email (nor the account), though an administrator does', async () => {
    const read = await api.rest({ path: `users/${people.professional.id}`, token: people.responder.token })
    expect(read.status).toBe(404)
    expect(JSON.stringify(read.json)).not.toContain(people.professional.email)
    // The field rule on its own, as when the account is reached some other way.
    const emailRule = config.collections
      .find((collection) => collection.slug === 'users')!
      .fields.find((field): field is EmailField => field.type === 'email' && field.name === 'email')!.access!.read!
    const professional = await hub.payload.findByID({ collection: 'users', id: people.professional.id })
    const holder = await hub.payload.findByID({ collection: 'users', id: people.holder.id })
    const req = await asReq('responder')
    expect(await emailRule({ doc: professional, req } as never)).toBe(false)
    expect(await emailRule({ doc: { ...holder, roles: [] }, req } as never)).toBe(false)
    expect(await emailRule({ doc: holder, req } as never)).toBe(true)
    const byAdmin = await api.rest({ path: `users/${people.professional.id}`, token: people.admin.token })
    expect(byAdmin.json.email).toBe(people.professional.email)
  })

  it('an anonymous or professional reader sees no staff email, nor the lock', async () => {
    for (const token of [undefined, people.professional.token]) {
      const account = await api.rest({ path: `users/${people.holder.id}`, token })
      expect([403, 404]).toContain(account.status)
      expect(JSON.stringify(account.json)).not.toContain(people.holder.email)
      const locks = await api.rest({ path: 'payload-locked-documents?depth=1', token })
      expect(locks.status).toBe(403)
      expect(JSON.stringify(locks.json)).not.toContain(people.holder.email)
    }
    const list = await api.rest({ path: `pages?where[id][equals]=${page}`, token: people.professional.token })
    expect(JSON.stringify(list.json)).not.toContain(people.holder.email)
  })
})
