import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { startTestHub } from '../helpers/hub'

let hub: TestHub

beforeAll(async () => {
  hub = await startTestHub()
})
afterAll(async () => hub?.cleanup())

const update = (data: Record<string, unknown>) =>
  hub.payload.create({ collection: 'updates', data: { _status: 'published', date: '2026-11-01', ...data } as never })

describe('slugs (Payload slug field, the hub slugify)', () => {
  it('makes the slug from the title when none is given, the hub way: accents dropped, "&" as "and"', async () => {
    const doc = await update({ title: 'Foot care & Retinopathy: café meeting' })
    expect(doc.slug).toBe('foot-care-and-retinopathy-cafe-meeting')
  })

  it('keeps a slug given on creation, normalised', async () => {
    const doc = await update({ slug: 'My Own  Address', title: 'Something else' })
    expect(doc.slug).toBe('my-own-address')
  })

  it('keeps the address when the title changes later, and normalises a slug typed on update', async () => {
    const doc = await update({ title: 'Original title' })
    const retitled = await hub.payload.update({ collection: 'updates', data: { title: 'A new title' }, id: doc.id })
    expect(retitled.slug).toBe('original-title')
    const retyped = await hub.payload.update({ collection: 'updates', data: { slug: 'Typed By Hand!' }, id: doc.id })
    expect(retyped.slug).toBe('typed-by-hand')
  })

  it("makes the slug again from the title when an editor unlocks it (the admin's slug lock)", async () => {
    const doc = await update({ title: 'Before the rename' })
    expect(doc.generateSlug).toBe(false)
    const renamed = await hub.payload.update({ collection: 'updates', data: { generateSlug: true, title: 'After the rename' }, id: doc.id })
    expect(renamed.slug).toBe('after-the-rename')
  })

  it('makes slugs from the field each collection names (a group from its name)', async () => {
    const group = await hub.payload.create({
      collection: 'groups',
      data: { name: 'Children & Young People Network', purpose: 'Testing', visibility: 'public' } as never,
    })
    expect(group.slug).toBe('children-and-young-people-network')
  })

  it('refuses a second document with the same slug where slugs are unique', async () => {
    await update({ slug: 'only-once', title: 'First' })
    await expect(update({ slug: 'only-once', title: 'Second' })).rejects.toThrow()
  })
})
