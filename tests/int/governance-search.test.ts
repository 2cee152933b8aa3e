import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { createEmbeddedEngine } from '../../src/lib/search/embedded'
import { dependentTargets, loadAllSearchDocuments, loadSearchDocument } from '../../src/lib/search/source'
import { followSearchChanges, rebuildSearchIndex } from '../../src/lib/search/sync'
import { startTestHub } from '../helpers/hub'

let hub: TestHub
const ids: Record<string, number | string> = {}

beforeAll(async () => {
  hub = await startTestHub()
  const { payload } = hub
  for (const visibility of ['public', 'professional', 'members'] as const) {
    const group = await payload.create({ collection: 'groups', data: { name: `${visibility} forum`, visibility } as never })
    ids[`${visibility}:group`] = group.id
    const first = await payload.create({
      collection: 'meetings',
      data: {
        agendaItems: [{ decision: `Adopt the ${visibility} retinopathy pathway.`, minute: 'Screening uptake discussed.', title: 'Retinal screening' }],
        group: group.id,
        minutesStatus: 'unconfirmed',
        startsAt: '2021-01-13T10:00:00.000Z',
        status: 'held',
      } as never,
    })
    const second = await payload.create({
      collection: 'meetings',
      data: { confirmsMinutesOf: first.id, group: group.id, minutesStatus: 'unconfirmed', startsAt: '2021-02-10T10:00:00.000Z', status: 'held' } as never,
    })
    ids[`${visibility}:approved`] = first.id
    ids[`${visibility}:unconfirmed`] = second.id
  }
})

afterAll(async () => {
  await hub?.cleanup()
})

describe('minutes in search', () => {
  it('index approved minutes of public and professional groups, with their audience; never members-only or unapproved ones', async () => {
    const { payload } = hub
    const publicDoc = await loadSearchDocument({ collection: 'meetings', id: ids['public:approved']!, payload })
    expect(publicDoc).toMatchObject({
      audience: 'public',
      id: `meetings:${ids['public:approved']}`,
      title: 'public forum: minutes of Wednesday 13 January 2021',
      type: 'minutes',
      url: '/governance/public-forum/meetings/2021-01-13',
    })
    expect(publicDoc!.body).toContain('RESOLVED: Adopt the public retinopathy pathway.')
    expect((await loadSearchDocument({ collection: 'meetings', id: ids['professional:approved']!, payload }))?.audience).toBe('professional')
    expect(await loadSearchDocument({ collection: 'meetings', id: ids['members:approved']!, payload })).toBeNull()
    expect(await loadSearchDocument({ collection: 'meetings', id: ids['public:unconfirmed']!, payload })).toBeNull()
    const all = (await loadAllSearchDocuments({ payload })).filter((doc) => doc.type === 'minutes').map((doc) => doc.id)
    expect(all.sort()).toEqual([`meetings:${ids['professional:approved']}`, `meetings:${ids['public:approved']}`].sort())
  })

  it('follow a group’s visibility: making it members-only takes its minutes out of the index', async () => {
    const { payload } = hub
    const engine = createEmbeddedEngine()
    const since = new Date()
    await rebuildSearchIndex({ engine, payload })
    const found = async () => (await engine.search({ q: 'retinopathy pathway', type: 'minutes', viewer: 'public' })).hits.map((hit) => hit.url)
    expect(await found()).toEqual(['/governance/public-forum/meetings/2021-01-13'])
    expect(await dependentTargets({ collection: 'groups', id: ids['public:group']!, payload })).toHaveLength(2)
    const follower = followSearchChanges({ engine, intervalMs: 60_000, payload, since })
    await payload.update({ collection: 'groups', data: { visibility: 'members' }, id: ids['public:group']! })
    await follower.pollNow()
    follower.stop()
    expect(await found()).toEqual([])
  })
})
