import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { apiClient } from '../helpers/api'
import { createUser, startTestHub, testDatabase } from '../helpers/hub'

const DESK = 'desk.lead@example.org'

let hub: TestHub
let api: ReturnType<typeof apiClient>
const tokens: Record<string, string | undefined> = {}

beforeAll(async () => {
  hub = await startTestHub()
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  await hub.payload.updateGlobal({ slug: 'site-settings', data: { deskEmail: DESK } })
  for (const role of ['professional', 'editor', 'responder', 'admin']) {
    tokens[role] = (await api.login(await createUser({ payload: hub.payload, roles: [role] }))).token
  }
})

afterAll(async () => {
  await hub?.cleanup()
})

describe(`the desk lead's email in site settings (${testDatabase()})`, () => {
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
    const graphql = await api.graphql({ query: '{ SiteSetting { siteName deskEmail } }', token })
    expect(graphql.json.data.SiteSetting.siteName).toBeTruthy()
    expect(graphql.json.data.SiteSetting.deskEmail ?? null).toBe(readable ? DESK : null)
  })
})
