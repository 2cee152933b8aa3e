import type { Payload } from 'payload'

import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../src/payload-types'
import type { TestHub } from '../helpers/hub'

import { workFor } from '../../src/lib/admin/work'
import { apiClient, signInViewers } from '../helpers/api'
import { startTestHub } from '../helpers/hub'

let hub: TestHub
let payload: Payload

type Viewer = 'admin' | 'editor' | 'other-reviewer' | 'professional' | 'responder' | 'reviewer' | 'secretary'
const VIEWERS: Viewer[] = ['responder', 'reviewer', 'other-reviewer', 'editor', 'secretary', 'admin', 'professional']
let users: Map<Viewer, User>
const ids: Record<string, number | string> = {}

const work = async (viewer: Viewer) => {
  const sections = await workFor({ req: await createLocalReq({ user: { ...users.get(viewer)!, collection: 'users' } }, payload) })
  return new Map(sections.map((section) => [section.key, section]))
}

const labels = (section: undefined | { items: { label: string }[] }) => section?.items.map((item) => item.label) ?? []

const ask = async (text: string) =>
  (await payload.create({ collection: 'questions', data: { email: 'asker@example.org', name: 'An asker', question: text } as never })).id

beforeAll(async () => {
  hub = await startTestHub()
  payload = hub.payload
  const api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  ;({ users } = await signInViewers({
    api,
    payload,
    prepare: ({ id, viewer }) => payload.update({ collection: 'users', data: { name: `The ${viewer}` }, id }),
    roles: (viewer) => (viewer.endsWith('reviewer') ? ['clinical-reviewer'] : [viewer]),
    viewers: VIEWERS,
  }))
  const responder = users.get('responder')!
  ids.mine = await ask('Mine: how do I refer to the foot protection service?')
  await payload.update({ collection: 'questions', data: { assignee: responder.id, status: 'assigned' }, id: ids.mine })
  ids.unassigned = await ask('Nobody has this one yet: where are the retinal screening clinics?')
  ids.answered = await ask('Already answered: who runs the pump clinic?')
  await payload.update({
    collection: 'questions',
    data: { answer: 'The diabetes centre.', assignee: responder.id, status: 'answered' },
    id: ids.answered,
  })

  const area = await payload.create({
    collection: 'care-areas',
    data: { _status: 'published', slug: 'kidneys', step: 1, summary: 'Kidneys.', title: 'Kidneys' },
  })
  const editor = users.get('editor')!
  const page = (title: string) =>
    payload.create({
      collection: 'pages',
      data: {
        _status: 'draft',
        careArea: area.id,
        review: { contentOwner: editor.id, nextReviewDue: '2027-06-01' },
        slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
        summary: title,
        title,
      },
      draft: true,
    })
  const forAnyone = await page('Sent to any reviewer')
  const forMe = await page('Sent to the reviewer by name')
  const forOther = await page('Sent to the other reviewer')
  await page('A draft in progress')
  for (const [doc, reviewer] of [
    [forAnyone, null],
    [forMe, users.get('reviewer')!.id],
    [forOther, users.get('other-reviewer')!.id],
  ] as const) {
    await payload.update({
      collection: 'pages',
      context: { signOffStep: 'request' },
      data: { signOff: { requestNote: 'Please', reviewer, status: 'awaiting-sign-off' } },
      draft: true,
      id: doc.id,
      user: editor,
    })
  }

  const group = await payload.create({
    collection: 'groups',
    data: { name: 'Foot care network', secretaries: [users.get('secretary')!.id], visibility: 'public' } as never,
  })
  const person = await payload.create({ collection: 'people', data: { name: 'Action Owner' } as never })
  const meeting = await payload.create({
    collection: 'meetings',
    data: { group: group.id, minutesStatus: 'draft', startsAt: '2026-01-05T10:00:00.000Z', status: 'held' } as never,
  })
  for (const [title, dueDate, status] of [
    ['Overdue action', '2026-01-20', 'open'],
    ['Done action', '2026-01-20', 'done'],
    ['Future action', '2099-01-20', 'open'],
  ] as const) {
    await payload.create({
      collection: 'actions',
      data: { dueDate, meeting: meeting.id, owner: { relationTo: 'people', value: person.id }, status, title } as never,
    })
  }
}, 120_000)

afterAll(async () => {
  await hub?.cleanup()
})

describe('the work dashboard', () => {
  it('gives a responder their open questions by due time and the unassigned ones, and nothing of guidance', async () => {
    const lists = await work('responder')
    expect([...lists.keys()]).toEqual(['questions-mine', 'questions-unassigned'])
    expect(lists.get('questions-mine')!.items.map((item) => item.href)).toEqual([`/collections/questions/${ids.mine}`])
    expect(lists.get('questions-mine')!.items[0]!.detail).toMatch(/^Due by \w+day \d{1,2} \w+ 20\d\d$/)
    expect(lists.get('questions-unassigned')!.items.map((item) => item.href)).toEqual([`/collections/questions/${ids.unassigned}`])
  })

  it('gives a clinical reviewer what awaits their sign-off: by name or to anyone, not what was sent to a colleague', async () => {
    const lists = await work('reviewer')
    expect(labels(lists.get('sign-off')).sort()).toEqual(['Sent to any reviewer', 'Sent to the reviewer by name'])
    expect(lists.get('sign-off')!.items[0]!.href).toMatch(/^\/sign-off\/\d+$/)
    expect(lists.get('sign-off')!.items[0]!.detail).toMatch(/^Sent by The editor on \d\d\/\d\d\/\d{4} \d\d:\d\d$/)
    expect(labels((await work('other-reviewer')).get('sign-off')).sort()).toEqual(['Sent to any reviewer', 'Sent to the other reviewer'])
    expect(lists.has('questions-mine')).toBe(false)
  })

  it('gives an editor their drafts, reviews due, link problems in their pages and "not useful" feedback', async () => {
    const lists = await work('editor')
    expect([...lists.keys()]).toEqual(['drafts', 'answers', 'reviews', 'link-problems', 'feedback'])
    expect(labels(lists.get('drafts'))).toContain('A draft in progress')
    expect(lists.get('drafts')!.items.find((item) => item.label === 'Sent to any reviewer')?.detail).toBe('Awaiting clinical sign-off')
  })

  it("gives a secretary their groups' overdue open actions only", async () => {
    const lists = await work('secretary')
    expect([...lists.keys()]).toEqual(['actions'])
    expect(labels(lists.get('actions'))).toEqual(['Overdue action'])
    expect(lists.get('actions')!.items[0]!.detail).toBe('Foot care network · was due Tuesday 20 January 2026')
  })

  it('gives an administrator the desk, the editorial lists and scheduled newsletters; a professional nothing', async () => {
    expect([...(await work('admin')).keys()]).toEqual([
      'questions-mine',
      'questions-unassigned',
      'drafts',
      'answers',
      'reviews',
      'link-problems',
      'feedback',
      'newsletters',
    ])
    expect((await work('professional')).size).toBe(0)
  })
})

describe('the admin navigation by role', () => {
  it('shows a responder Questions, not guidance, users or site settings', () => {
    const hidden = (slug: string, viewer: Viewer) => {
      const entity = payload.config.collections.find((c) => c.slug === slug) ?? payload.config.globals.find((g) => g.slug === slug)
      const rule = entity?.admin?.hidden
      return typeof rule === 'function' ? rule({ user: users.get(viewer) as never }) : Boolean(rule)
    }
    expect(hidden('questions', 'responder')).toBe(false)
    for (const slug of ['pages', 'care-areas', 'users', 'site-settings', 'newsletters', 'actions'])
      expect(hidden(slug, 'responder'), slug).toBe(true)
    for (const slug of ['pages', 'updates', 'media']) expect(hidden(slug, 'reviewer'), slug).toBe(false)
    expect(hidden('questions', 'editor')).toBe(true)
    expect(hidden('actions', 'secretary')).toBe(false)
    expect(hidden('pages', 'secretary')).toBe(true)
    for (const slug of ['users', 'site-settings', 'questions', 'pages']) expect(hidden(slug, 'admin'), slug).toBe(false)
  })
})
