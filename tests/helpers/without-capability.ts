import type { Payload } from 'payload'

import { afterAll, beforeAll, expect, it } from 'vitest'

import type { OptionalCapability } from '../../src/plugins'
import type { TestHub } from './hub'

import { seed } from '../../seed/index'
import { searchDatabase } from '../../src/lib/search/fallback'
import { loadAllSearchDocuments } from '../../src/lib/search/source'
import { startTestHub } from './hub'

/**
 * A hub booted and seeded without one optional capability, through the same start-up as `npm start`: the
 * checks every such hub must pass (the rest of the hub works), then the capability's own.
 */
export const checkHubWithout = ({
  capability,
  checks,
}: {
  capability: OptionalCapability
  /** Registers the capability's own tests; `payload` answers once the hub is up. */
  checks: (payload: () => Payload) => void
}) => {
  let hub: TestHub
  const messages: string[] = []

  beforeAll(async () => {
    hub = await startTestHub({ without: [capability] })
    await seed({ log: (message) => messages.push(message), payload: hub.payload })
  })
  afterAll(async () => hub?.cleanup())

  it('boots, migrates and seeds what it holds, without a failed seed step', async () => {
    expect(messages.filter((message) => /could not|failed|error/i.test(message))).toEqual([])
    expect((await hub.payload.count({ collection: 'pages' })).totalDocs).toBeGreaterThan(0)
    expect((await hub.payload.count({ collection: 'updates' })).totalDocs).toBeGreaterThan(0)
  })

  it('indexes and searches its content, from the index source and straight from the database', async () => {
    const documents = await loadAllSearchDocuments({ payload: hub.payload })
    expect(documents.length).toBeGreaterThan(0)
    const result = await searchDatabase({ payload: hub.payload, query: { q: 'diabetes', viewer: 'public' } })
    expect(result.total).toBeGreaterThan(0)
  })

  it('runs its jobs', async () => {
    await expect(hub.payload.jobs.run({ limit: 10 })).resolves.toBeDefined()
  })

  it('offers no navigation link to pages it does not have', async () => {
    const navigation = await hub.payload.findGlobal({ slug: 'navigation', depth: 0 })
    const hrefs = [...(navigation.header ?? []), ...(navigation.footer ?? [])].map((link) => link.href)
    expect(hrefs.length).toBeGreaterThan(0)
    const gone = { governance: ['/governance', '/recommendations'], newsletter: ['/newsletter'], questionDesk: ['/ask'] }[capability]
    for (const href of gone) expect(hrefs).not.toContain(href)
  })

  checks(() => hub.payload)
}
