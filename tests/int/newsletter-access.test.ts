import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { queueRecipients } from '../../src/lib/newsletter/recipients'
import { apiClient, signInViewers } from '../helpers/api'
import { createUser, startTestHub } from '../helpers/hub'
import { draftIssue, publishedUpdate, seedSubscribers, startIssue } from '../helpers/newsletter'

let hub: TestHub
let payload: Payload
let api: ReturnType<typeof apiClient>

/** Who may see subscribers' addresses: administrators and editors holding the newsletter permission. Nobody else. */
const VIEWERS = [
  'anonymous',
  'professional',
  'responder',
  'responder+newsletter',
  'clinical-reviewer',
  'editor',
  'editor+newsletter',
  'admin',
] as const
type Viewer = (typeof VIEWERS)[number]
const MANAGERS: Viewer[] = ['editor+newsletter', 'admin']
const EDITORS: Viewer[] = ['editor', 'editor+newsletter', 'admin']

let tokens: Map<Viewer, string | undefined>
let users: Map<Viewer, unknown>
let sentIssueId: number | string
let draftIssueId: number | string

beforeAll(async () => {
  hub = await startTestHub()
  payload = hub.payload
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  ;({ tokens, users } = await signInViewers({
    api,
    payload,
    // 'role+newsletter': that role holding the newsletter permission.
    prepare: async ({ id, viewer }) =>
      viewer.includes('+newsletter') && payload.update({ collection: 'users', data: { permissions: ['newsletter'] }, id }),
    roles: (viewer) => [viewer.split('+')[0]!],
    viewers: VIEWERS,
  }))
  await seedSubscribers({ count: 2, payload, prefix: 'private.reader', topics: ['guidance'] })
  const update = await publishedUpdate({ payload, title: 'Access issue' })
  const sent = await draftIssue({ items: [update.id], payload, subject: 'Issue that went out', topic: 'guidance' })
  await startIssue({ id: sent.id, payload })
  await queueRecipients({ issueId: sent.id, payload })
  sentIssueId = sent.id
  draftIssueId = (await draftIssue({ items: [update.id], payload, subject: 'Issue still a draft', topic: 'guidance' })).id
})

afterAll(async () => {
  await hub?.cleanup()
})

describe.each(VIEWERS)('as %s', (viewer) => {
  const manager = MANAGERS.includes(viewer)

  it(`${manager ? 'reads' : 'cannot read'} subscribers' addresses through REST, GraphQL and the Local API`, async () => {
    const rest = await api.rest({ path: 'subscribers?limit=10&depth=0', token: tokens.get(viewer) })
    const graph = await api.graphql({ query: '{ Subscribers(limit: 10) { docs { email status tokenNonce } } }', token: tokens.get(viewer) })
    const local = payload.find({ collection: 'subscribers', overrideAccess: false, user: users.get(viewer) as never })
    if (manager) {
      expect(rest.status).toBe(200)
      expect(rest.json.docs.map((doc: { email: string }) => doc.email).sort()).toEqual([
        'private.reader0@example.org',
        'private.reader1@example.org',
      ])
      // The link-signing nonce never leaves the server, not even to an administrator.
      expect(rest.json.docs[0].tokenNonce).toBeUndefined()
      expect(graph.json.data.Subscribers.docs).toHaveLength(2)
      expect(graph.json.data.Subscribers.docs[0].tokenNonce ?? null).toBeNull()
      expect((await local).docs.map((doc) => doc.email)).toHaveLength(2)
    } else {
      expect(rest.status).toBe(403)
      expect(graph.json.data?.Subscribers ?? null).toBeNull()
      await expect(local).rejects.toThrow(/not allowed/i)
    }
  })

  it(`${manager ? 'reads' : 'cannot read'} the deliveries (who each issue went to)`, async () => {
    const rest = await api.rest({ path: 'newsletter-deliveries?limit=10&depth=0', token: tokens.get(viewer) })
    const graph = await api.graphql({ query: '{ NewsletterDeliveries(limit: 10) { docs { email status } } }', token: tokens.get(viewer) })
    if (manager) {
      expect(rest.json.docs.map((doc: { email: string }) => doc.email).sort()).toEqual([
        'private.reader0@example.org',
        'private.reader1@example.org',
      ])
      expect(graph.json.data.NewsletterDeliveries.docs).toHaveLength(2)
    } else {
      expect(rest.status).toBe(403)
      expect(graph.json.data?.NewsletterDeliveries ?? null).toBeNull()
    }
  })

  it('cannot create a subscriber through the API (sign-up has its own endpoint), nor change a delivery', async () => {
    const created = await api.rest({
      body: { email: 'direct@example.org', status: 'confirmed', topics: ['guidance'] },
      method: 'POST',
      path: 'subscribers',
      token: tokens.get(viewer),
    })
    expect(created.status).toBe(403)
    const delivery = (await payload.find({ collection: 'newsletter-deliveries', limit: 1 })).docs[0]!
    const changed = await api.rest({
      body: { status: 'sent' },
      method: 'PATCH',
      path: `newsletter-deliveries/${delivery.id}`,
      token: tokens.get(viewer),
    })
    expect(changed.status).toBe(403)
  })

  it(`sees ${EDITORS.includes(viewer) ? 'every issue' : 'only issues that went out (the web versions)'}`, async () => {
    const { json, status } = await api.rest({ path: 'newsletters?limit=10&depth=0', token: tokens.get(viewer) })
    expect(status).toBe(200)
    const ids = json.docs.map((doc: { id: number }) => doc.id)
    expect(ids).toContain(sentIssueId)
    expect(ids.includes(draftIssueId)).toBe(EDITORS.includes(viewer))
    // How many it went to is for staff.
    const sent = json.docs.find((doc: { id: number }) => doc.id === sentIssueId)
    expect(sent.recipientCount === 2).toBe(EDITORS.includes(viewer))
  })

  it(`${manager ? 'may' : 'may not'} send an issue; ${EDITORS.includes(viewer) ? 'may' : 'may not'} preview it`, async () => {
    for (const path of ['stats', 'preview?format=json']) {
      const read = await api.rest({ path: `newsletters/${draftIssueId}/${path}`, token: tokens.get(viewer) })
      expect(read.status).toBe(EDITORS.includes(viewer) ? 200 : 403)
    }
    const schedule = await api.rest({
      body: { at: new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString() },
      method: 'POST',
      path: `newsletters/${draftIssueId}/schedule`,
      token: tokens.get(viewer),
    })
    expect(schedule.status).toBe(manager ? 200 : 403)
    if (manager) {
      expect(schedule.json.status).toBe('scheduled')
      expect(
        (await api.rest({ method: 'POST', path: `newsletters/${draftIssueId}/unschedule`, token: tokens.get(viewer) })).json.status,
      ).toBe('draft')
    }
  })
})

describe('the newsletter permission', () => {
  it('is granted only by an administrator: an editor cannot give it to themselves', async () => {
    const editor = await createUser({ payload, roles: ['editor'] })
    const { token } = await api.login(editor)
    const attempt = await api.rest({ body: { permissions: ['newsletter'] }, method: 'PATCH', path: `users/${editor.id}`, token })
    expect(attempt.status).toBe(403)
    expect(JSON.stringify(attempt.json)).toContain('permissions')
    expect((await payload.findByID({ collection: 'users', id: editor.id })).permissions).toEqual([])
    const granted = await api.rest({
      body: { permissions: ['newsletter'] },
      method: 'PATCH',
      path: `users/${editor.id}`,
      token: tokens.get('admin'),
    })
    expect(granted.status).toBe(200)
    expect((await api.rest({ path: 'subscribers?limit=1', token })).status).toBe(200)
  })

  it('grants nothing to an account still on its one-time password', async () => {
    const editor = await createUser({ payload, roles: ['editor'] })
    const user = await payload.update({
      collection: 'users',
      data: { mustChangePassword: true, permissions: ['newsletter'] },
      id: editor.id,
    })
    await expect(payload.find({ collection: 'subscribers', overrideAccess: false, user })).rejects.toThrow(/not allowed/i)
  })

  it("an editor cannot set an issue's status by editing it", async () => {
    const changed = await api.rest({
      body: { status: 'sent' },
      method: 'PATCH',
      path: `newsletters/${draftIssueId}`,
      token: tokens.get('editor+newsletter'),
    })
    expect(changed.status).toBe(200)
    expect((await payload.findByID({ collection: 'newsletters', id: draftIssueId })).status).toBe('draft')
  })

  it('an issue that went out can no longer be edited', async () => {
    const changed = await api.rest({
      body: { subject: 'Rewritten history' },
      method: 'PATCH',
      path: `newsletters/${sentIssueId}`,
      token: tokens.get('admin'),
    })
    expect(changed.status).toBe(400)
    expect((await payload.findByID({ collection: 'newsletters', id: sentIssueId })).subject).toBe('Issue that went out')
  })
})
