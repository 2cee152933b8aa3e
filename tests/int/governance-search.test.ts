import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { createEmbeddedEngine } from '../../src/lib/search/embedded'
import { searchDatabase } from '../../src/lib/search/fallback'
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
        agendaItems: [
          { decision: `Adopt the ${visibility} retinopathy pathway.`, minute: 'Screening uptake discussed.', title: 'Retinal screening' },
        ],
        group: group.id,
        minutesStatus: 'unconfirmed',
        startsAt: '2021-01-13T10:00:00.000Z',
        status: 'held',
      } as never,
    })
    const second = await payload.create({
      collection: 'meetings',
      data: {
        confirmsMinutesOf: first.id,
        group: group.id,
        minutesStatus: 'unconfirmed',
        startsAt: '2021-02-10T10:00:00.000Z',
        status: 'held',
      } as never,
    })
    ids[`${visibility}:approved`] = first.id
    ids[`${visibility}:unconfirmed`] = second.id
  }
  for (const [number, audience] of [
    [1, 'public'],
    [2, 'professional'],
  ] as const) {
    const recommendation = await payload.create({
      collection: 'recommendations',
      data: {
        audience,
        detail: `Every practice reports its ${audience} HbA1c figures each quarter.`,
        number,
        review: 'Review of glycaemic control',
        status: number === 1 ? 'implemented' : 'in-progress',
        subPoints: [{ text: `Name a ${audience} podiatry champion in every primary care network.` }],
        title: `Quarterly ${audience} reporting`,
      },
    })
    ids[`${audience}:recommendation`] = recommendation.id
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
    expect((await loadSearchDocument({ collection: 'meetings', id: ids['professional:approved']!, payload }))?.audience).toBe(
      'professional',
    )
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
    const found = async () =>
      (await engine.search({ q: 'retinopathy pathway', type: 'minutes', viewer: 'public' })).hits.map((hit) => hit.url)
    expect(await found()).toEqual(['/governance/public-forum/meetings/2021-01-13'])
    expect(await dependentTargets({ collection: 'groups', id: ids['public:group']!, payload })).toHaveLength(2)
    const follower = followSearchChanges({ engine, intervalMs: 60_000, payload, since })
    await payload.update({ collection: 'groups', data: { visibility: 'members' }, id: ids['public:group']! })
    await follower.pollNow()
    follower.stop()
    expect(await found()).toEqual([])
  })
})

describe('recommendations in search', () => {
  it('index each recommendation with its detail, sub-points, status and review, linked to its row, with its audience', async () => {
    const { payload } = hub
    const doc = await loadSearchDocument({ collection: 'recommendations', id: ids['public:recommendation']!, payload })
    expect(doc).toMatchObject({
      audience: 'public',
      id: `recommendations:${ids['public:recommendation']}`,
      title: 'Recommendation 1: Quarterly public reporting',
      type: 'recommendation',
      url: `/recommendations#recommendation-${ids['public:recommendation']}`,
    })
    expect(doc!.summary).toContain('public HbA1c figures')
    expect(doc!.summary).toContain('public podiatry champion')
    expect(doc!.body).toContain('Status: Implemented')
    expect(doc!.body).toContain('Review of glycaemic control')
    expect((await loadSearchDocument({ collection: 'recommendations', id: ids['professional:recommendation']!, payload }))?.audience).toBe(
      'professional',
    )
  })

  it('are found by detail, sub-point and status; professional-only ones by professionals alone', async () => {
    const { payload } = hub
    const engine = createEmbeddedEngine()
    await rebuildSearchIndex({ engine, payload })
    const found = async (q: string, viewer: 'professional' | 'public' = 'public') =>
      (await engine.search({ q, type: 'recommendation', viewer })).hits.map((hit) => hit.id).sort()
    const publicId = `recommendations:${ids['public:recommendation']}`
    const professionalId = `recommendations:${ids['professional:recommendation']}`
    expect(await found('HbA1c')).toEqual([publicId])
    expect(await found('HbA1c', 'professional')).toEqual([professionalId, publicId].sort())
    expect(await found('podiatry champion')).toEqual([publicId])
    expect(await found('implemented quarterly')).toEqual([publicId])
    expect(await found('professional reporting')).toEqual([])
    const facets = (await engine.search({ q: 'HbA1c', viewer: 'public' })).facets.type
    expect(facets.recommendation).toBe(1)
  })

  it('follow changes: an edit re-indexes the recommendation, a deletion removes it', async () => {
    const { payload } = hub
    const engine = createEmbeddedEngine()
    const since = new Date()
    await rebuildSearchIndex({ engine, payload })
    const follower = followSearchChanges({ engine, intervalMs: 60_000, payload, since })
    const extra = await payload.create({
      collection: 'recommendations',
      data: {
        audience: 'public',
        number: 3,
        review: 'Review of glycaemic control',
        status: 'not-started',
        title: 'Retinal photography in pharmacies',
      },
    })
    await follower.pollNow()
    const found = async (q: string) => (await engine.search({ q, viewer: 'public' })).hits.map((hit) => hit.id)
    expect(await found('retinal photography pharmacies')).toEqual([`recommendations:${extra.id}`])
    await payload.update({
      collection: 'recommendations',
      data: { subPoints: [{ text: 'Offer evening clinics in every locality.' }] },
      id: extra.id,
    })
    await follower.pollNow()
    expect(await found('evening clinics')).toEqual([`recommendations:${extra.id}`])
    await payload.update({ collection: 'recommendations', data: { audience: 'professional' }, id: extra.id })
    await follower.pollNow()
    expect(await found('evening clinics')).toEqual([])
    await payload.delete({ collection: 'recommendations', id: extra.id })
    await follower.pollNow()
    follower.stop()
    expect((await engine.search({ q: 'evening clinics', viewer: 'professional' })).total).toBe(0)
  })
})

describe('database search (while the engine is down) covers governance', () => {
  const search = async (q: string, viewer: 'professional' | 'public' = 'public') =>
    (await searchDatabase({ payload: hub.payload, query: { pageSize: 50, q, viewer } })).hits.map((hit) => `${hit.type} ${hit.id}`).sort()

  it('finds recommendations by detail and sub-point, professional-only ones for professionals alone', async () => {
    const publicHit = `recommendation recommendations:${ids['public:recommendation']}`
    const professionalHit = `recommendation recommendations:${ids['professional:recommendation']}`
    expect(await search('HbA1c figures')).toEqual([publicHit])
    expect(await search('HbA1c figures', 'professional')).toEqual([professionalHit, publicHit].sort())
    expect(await search('podiatry champion')).toEqual([publicHit])
  })

  it('finds approved minutes of the groups the viewer may see, never members-only or unapproved ones', async () => {
    // An earlier test made the public group members-only.
    await hub.payload.update({ collection: 'groups', data: { visibility: 'public' }, id: ids['public:group']! })
    const minutes = (visibility: string) => `minutes meetings:${ids[`${visibility}:approved`]}`
    expect(await search('retinopathy pathway')).toEqual([minutes('public')])
    expect(await search('retinopathy pathway', 'professional')).toEqual([minutes('professional'), minutes('public')].sort())
    expect(await search('members retinopathy', 'professional')).toEqual([])
    expect((await search('forum minutes', 'professional')).filter((hit) => hit.startsWith('minutes'))).toEqual(
      [minutes('professional'), minutes('public')].sort(),
    )
  })
})
