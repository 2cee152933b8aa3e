import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { apiClient } from '../helpers/api'
import { createUser, startTestHub } from '../helpers/hub'

let hub: TestHub
let api: ReturnType<typeof apiClient>
let editorToken: string | undefined
let professionalToken: string | undefined
const fixture = JSON.parse(fs.readFileSync(new URL('../fixtures/written-questions.json', import.meta.url), 'utf8'))

beforeAll(async () => {
  hub = await startTestHub()
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
  editorToken = (await api.login(await createUser({ payload: hub.payload, roles: ['editor'] }))).token
  professionalToken = (await api.login(await createUser({ payload: hub.payload, roles: ['professional'] }))).token
})

afterAll(async () => {
  await hub?.cleanup()
})

const importFile = (body: unknown, token: string | undefined, query = '') =>
  api.rest({ body, method: 'POST', path: `parliamentary-questions/import${query}`, token })

describe('importing written questions from Parliament JSON', () => {
  it('is refused to anyone but editors and admins', async () => {
    expect((await importFile(fixture, undefined)).status).toBe(403)
    expect((await importFile(fixture, professionalToken)).status).toBe(403)
    expect((await hub.payload.count({ collection: 'parliamentary-questions' })).totalDocs).toBe(0)
  })

  it('creates drafts for an editor to check, and reports the items it skipped', async () => {
    const { json, status } = await importFile(fixture, editorToken)
    expect(status).toBe(200)
    expect(json).toMatchObject({ created: 1, unchanged: 0, updated: 0 })
    expect(json.problems).toHaveLength(2)
    const { docs } = await hub.payload.find({ collection: 'parliamentary-questions', draft: true })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ _status: 'draft', answeringBody: 'Department of Health', uin: '54218' })
    expect(docs[0].answer).toContain('£40 million')
    // Drafts are not public.
    expect((await api.rest({ path: 'parliamentary-questions' })).json.docs).toHaveLength(0)
  })

  it('importing the same file again changes nothing; a new answer updates the question in place', async () => {
    expect((await importFile(fixture, editorToken)).json).toMatchObject({ created: 0, unchanged: 1, updated: 0 })
    const changed = structuredClone(fixture)
    changed.results[0].value.answerText = '<p>A corrected answer.</p>'
    const { json } = await importFile(changed, editorToken, '?publish=true')
    expect(json).toMatchObject({ created: 0, updated: 1 })
    const publicDocs = (await api.rest({ path: 'parliamentary-questions' })).json.docs
    expect(publicDocs).toHaveLength(1)
    expect(publicDocs[0].answer).toBe('A corrected answer.')
  })

  it('answers a file in the wrong shape with 400 naming the body', async () => {
    const { json, status } = await importFile({ something: 'else' }, editorToken)
    expect(status).toBe(400)
    expect(json.errors[0].field).toBe('body')
  })
})
