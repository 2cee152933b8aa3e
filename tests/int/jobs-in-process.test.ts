import { getPayload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { drainJobs } from '../../src/lib/jobs/drain'
import { startTestHub } from '../helpers/hub'
import { scheduleDraftUpdate, waitForStatus } from '../helpers/schedule'

let hub: TestHub

beforeAll(async () => {
  hub = await startTestHub({ env: { JOBS_AUTORUN: 'true', JOBS_CRON: '* * * * * *' } })
})

afterAll(async () => {
  await hub?.cleanup()
})

describe('in-process job runner (default)', () => {
  it('publishes a scheduled draft when it falls due, not before', async () => {
    // What the first Next.js request does: start the crons on the shared instance. The config is imported
    // only now, after the test hub has set the environment it is built from.
    const { default: config } = await import('@payload-config')
    await getPayload({ config, cron: true })
    expect(hub.payload.crons.length).toBeGreaterThan(0)
    const draft = await scheduleDraftUpdate({ inSeconds: 3, payload: hub.payload })
    const early = await hub.payload.findByID({ collection: 'updates', id: draft.id })
    expect(early._status).toBe('draft')
    expect(await waitForStatus({ id: draft.id, payload: hub.payload, status: 'published', timeoutMs: 20_000 })).toBe('published')
    const anonymous = await hub.payload.find({ collection: 'updates', overrideAccess: false })
    expect(anonymous.docs.map((doc) => doc.id)).toContain(draft.id)
  })

  it('stops its crons cleanly on shutdown', async () => {
    expect(await drainJobs({ payload: hub.payload, timeoutMs: 5_000 })).toBe(true)
    expect(hub.payload.crons).toHaveLength(0)
  })
})
