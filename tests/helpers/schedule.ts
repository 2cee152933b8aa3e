import type { Payload } from 'payload'

import { waitFor } from './wait'

/** A draft network update with a publish job due `inSeconds` from now, as the admin's "Schedule" button queues it. */
export const scheduleDraftUpdate = async ({ inSeconds, payload }: { inSeconds: number; payload: Payload }) => {
  const draft = await payload.create({
    collection: 'updates',
    data: { _status: 'draft', date: new Date().toISOString(), title: `Scheduled ${Date.now()}` },
    draft: true,
  })
  await payload.jobs.queue({
    // The admin stores the id as a string whatever the database's id type (Payload coerces it back).
    input: { doc: { relationTo: 'updates', value: String(draft.id) as never }, type: 'publish' },
    task: 'schedulePublish',
    waitUntil: new Date(Date.now() + inSeconds * 1000),
  })
  return draft
}

export const waitForStatus = async ({
  id,
  payload,
  status,
  timeoutMs,
}: {
  id: number | string
  payload: Payload
  status: 'draft' | 'published'
  timeoutMs: number
}): Promise<string | undefined> => {
  let current: string | undefined
  await waitFor({
    check: async () => {
      current = (await payload.findByID({ collection: 'updates', depth: 0, id }))._status ?? undefined
      return current === status
    },
    intervalMs: 250,
    timeoutMs,
  })
  return current
}
