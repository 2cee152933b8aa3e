import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { apiClient } from '../helpers/api'
import { createUser, startTestHub, testDatabase } from '../helpers/hub'

const DESK = 'desk.lead@example.org'
const REPLY_TO = 'question.desk@example.org'

let hub: TestHub
let api: ReturnType<typeof apiClient>
const tokens: Record<string, string | undefined> = {}

beforeAll(async () => {
  hub = await startTestHub()
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  await hub.payload.updateGlobal({ slug: 'site-settings', data: { deskEmail: DESK, deskReplyTo: REPLY_TO } })
  for (const role of ['professional', 'editor', 'responder', 'admin']) {
    tokens[role] = (await api.login(await createUser({ payload: hub.payload, roles: [role] }))).token
  }
})

afterAll(async () => {
  await hub?.cleanup()
})

describe(`the desk lead's email and the reply address in site settings (${testDatabase()})`, () => {
  it.each([
    ['anonymous', undefined, false],
    ['professional', 'professional', false],
    ['editor', 'editor', false],
    ['responder', 'responder', true],
    ['admin', 'admin', true],
  ])('is readable by %s: %s over REST and GraphQL', async (_label, role, readable) => {
    const token = role ? tokens[role] : undefined
    const rest = await api.rest({ path: 'globals/site-settings', token })
    expect(rest.status).toBe(200)
    expect(rest.json.siteName).toBeTruthy()
    expect(rest.json.deskEmail).toBe(readable ? DESK : undefined)
    expect(rest.json.deskReplyTo).toBe(readable ? REPLY_TO : undefined)
    const graphql = await api.graphql({ query: '{ SiteSetting { siteName deskEmail deskReplyTo } }', token })
    expect(graphql.json.data.SiteSetting.siteName).toBeTruthy()
    expect(graphql.json.data.SiteSetting.deskEmail ?? null).toBe(readable ? DESK : null)
    expect(graphql.json.data.SiteSetting.deskReplyTo ?? null).toBe(readable ? REPLY_TO : null)
  })
})

describe('the reply address of emails to askers', () => {
  it("is the desk's mailbox, else the desk lead email", async () => {
    const { deskReplyAddress } = await import('../../src/lib/questions/reply-to')
    expect(await deskReplyAddress({ payload: hub.payload })).toBe(REPLY_TO)
    await hub.payload.updateGlobal({ slug: 'site-settings', data: { deskReplyTo: null } })
    try {
      expect(await deskReplyAddress({ payload: hub.payload })).toBe(DESK)
    } finally {
      await hub.payload.updateGlobal({ slug: 'site-settings', data: { deskReplyTo: REPLY_TO } })
    }
  })
})
