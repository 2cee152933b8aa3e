import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { apiClient } from '../helpers/api'
import { createUser, startTestHub, testDatabase } from '../helpers/hub'

let hub: TestHub
let api: ReturnType<typeof apiClient>
const accounts: Record<string, { id: number | string; token?: string }> = {}
let pageId: number | string

const ROLES = { admin: ['admin'], editor: ['editor'], nobody: [], responder: ['responder'], reviewer: ['clinical-reviewer'] } as const

beforeAll(async () => {
  hub = await startTestHub()
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  for (const [name, roles] of Object.entries(ROLES)) {
    const user = await createUser({ payload: hub.payload, roles: [...roles] })
    accounts[name] = { id: user.id, token: (await api.login(user)).token }
  }
  const area = await hub.payload.create({
    collection: 'care-areas',
    data: { _status: 'published', slug: 'locks-area', step: 1, summary: 'Area', title: 'Locks area' } as never,
  })
  const page = await hub.payload.create({
    collection: 'pages',
    data: {
      _status: 'published',
      careArea: area.id,
      review: { contentOwner: accounts.editor!.id, lastReviewed: '2026-01-01', nextReviewDue: '2027-01-01' },
      summary: 'Guidance',
      title: 'Locked guidance',
    } as never,
  })
  pageId = page.id
})

afterAll(async () => {
  await hub?.cleanup()
})

const lockBody = (userId: number | string) => ({
  document: { relationTo: 'pages', value: pageId },
  user: { relationTo: 'users', value: userId },
})

const lock = (as: string, userId = accounts[as]!.id) =>
  api.rest({ body: lockBody(userId), method: 'POST', path: 'payload-locked-documents', token: accounts[as]!.token })

const locksOnPage = async () =>
  (await hub.payload.find({ collection: 'payload-locked-documents', depth: 0, where: { 'document.value': { equals: pageId } } })).docs

const clearLocks = () => hub.payload.delete({ collection: 'payload-locked-documents', where: { id: { exists: true } } })

describe(`document locks (${testDatabase()})`, () => {
  it('an account with no role can neither lock, list nor remove locks (REST, GraphQL, Local API)', async () => {
    await clearLocks()
    expect((await lock('nobody')).status).toBe(403)
    expect((await api.rest({ path: 'payload-locked-documents', token: accounts.nobody!.token })).status).toBe(403)
    const editorsLock = await lock('editor')
    expect(editorsLock.status).toBe(201)
    const removal = await api.rest({
      method: 'DELETE',
      path: `payload-locked-documents/${editorsLock.json.doc.id}`,
      token: accounts.nobody!.token,
    })
    expect(removal.status).toBe(403)
    const { json } = await api.graphql({
      query: `mutation { createPayloadLockedDocument(data: { document: { relationTo: pages, value: ${pageId} }, user: { relationTo: users, value: ${accounts.nobody!.id} } }) { id } }`,
      token: accounts.nobody!.token,
    })
    expect(json.errors?.[0]?.message).toMatch(/not allowed/i)
    const nobody = await hub.payload.findByID({ collection: 'users', id: accounts.nobody!.id })
    await expect(
      hub.payload.create({
        collection: 'payload-locked-documents',
        data: lockBody(nobody.id) as never,
        overrideAccess: false,
        user: nobody,
      }),
    ).rejects.toThrow(/not allowed/i)
    expect(await locksOnPage()).toHaveLength(1)
  })

  it('staff who may not edit the page (a responder) cannot lock it', async () => {
    await clearLocks()
    expect((await lock('responder')).status).toBe(403)
    expect(await locksOnPage()).toHaveLength(0)
  })

  it('an editor locks it, always in their own name, whatever the request says', async () => {
    await clearLocks()
    const taken = await lock('editor', accounts.reviewer!.id)
    expect(taken.status).toBe(201)
    const [stored] = await locksOnPage()
    expect(String((stored!.user as { value: number | string }).value)).toBe(String(accounts.editor!.id))
  })

  it('a clinical reviewer, who may edit the page, can take the lock over; a responder cannot remove it', async () => {
    await clearLocks()
    const taken = await lock('editor')
    const id = taken.json.doc.id
    expect((await api.rest({ method: 'DELETE', path: `payload-locked-documents/${id}`, token: accounts.responder!.token })).status).toBe(
      403,
    )
    expect((await api.rest({ method: 'DELETE', path: `payload-locked-documents/${id}`, token: accounts.reviewer!.token })).status).toBe(200)
    expect(await locksOnPage()).toHaveLength(0)
  })

  it('signing out ends the locks taken in that session', async () => {
    await clearLocks()
    const editor = await createUser({ payload: hub.payload, roles: ['editor'] })
    const { token } = await api.login(editor)
    expect((await api.rest({ body: lockBody(editor.id), method: 'POST', path: 'payload-locked-documents', token })).status).toBe(201)
    expect(await locksOnPage()).toHaveLength(1)
    const logout = await api.rest({ method: 'POST', path: 'users/logout', token })
    expect(logout.status).toBe(200)
    expect(await locksOnPage()).toHaveLength(0)
  })
})
