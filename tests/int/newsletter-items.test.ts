/** Meetings' approved minutes, of groups the public may see, as newsletter items and in the sitemap; nothing else. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { seed } from '../../seed'
import { loadNewsletterItems } from '../../src/lib/newsletter/items'
import { publicUrls } from '../../src/lib/site/public-index'
import { startTestHub, testDatabase } from '../helpers/hub'

let hub: TestHub

beforeAll(async () => {
  hub = await startTestHub()
  await seed({ log: () => undefined, payload: hub.payload })
}, 180_000)

afterAll(async () => {
  await hub?.cleanup()
})

const meetingsWhere = async (where: object) =>
  (await hub.payload.find({ collection: 'meetings', depth: 0, limit: 0, pagination: false, where: where as never })).docs

describe(`newsletter items from meetings (${testDatabase()})`, () => {
  it('features approved minutes of a public group with its name, date and absolute link, and leaves out the rest', async () => {
    const approved = await meetingsWhere({ and: [{ minutesStatus: { equals: 'approved' } }, { 'group.visibility': { equals: 'public' } }] })
    const unconfirmed = await meetingsWhere({ minutesStatus: { not_equals: 'approved' } })
    expect(approved.length).toBeGreaterThan(0)
    expect(unconfirmed.length).toBeGreaterThan(0)

    const { items, missing } = await loadNewsletterItems({
      payload: hub.payload,
      references: [...approved, ...unconfirmed].map((meeting) => ({ relationTo: 'meetings', value: meeting.id })),
    })
    expect(items).toHaveLength(approved.length)
    expect(missing.map((reference) => reference.value)).toEqual(unconfirmed.map((meeting) => meeting.id))
    const [first] = items
    expect(first).toMatchObject({ kind: 'Meeting minutes' })
    expect(first!.title).toMatch(/: minutes of /)
    expect(first!.url).toMatch(/^https?:\/\/[^/]+\/governance\/[a-z0-9-]+\/meetings\/\d{4}-\d{2}-\d{2}$/)
  })

  it('lists public groups and their approved minutes in the sitemap, never members-only or professional ones', async () => {
    const paths = (await publicUrls({ payload: hub.payload })).map((url) => url.path)
    const groups = (await hub.payload.find({ collection: 'groups', depth: 0, limit: 0, pagination: false })).docs
    expect(groups.some((group) => group.visibility === 'public')).toBe(true)
    for (const group of groups) expect(paths.includes(`/governance/${group.slug}`), group.slug).toBe(group.visibility === 'public')
    const approved = await meetingsWhere({ and: [{ minutesStatus: { equals: 'approved' } }, { 'group.visibility': { equals: 'public' } }] })
    const approvedPaths = paths.filter((path) => /\/meetings\/\d{4}-\d{2}-\d{2}$/.test(path))
    expect(approvedPaths).toHaveLength(approved.length)
    expect(paths).toEqual(expect.arrayContaining(['/governance', '/recommendations', '/newsletter', '/newsletters']))
  })
})
