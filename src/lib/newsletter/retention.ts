import type { Payload, TaskConfig } from 'payload'

import { SYSTEM_CONTEXT } from './system-context'
import { ERASE_UNCONFIRMED_SUBSCRIBERS_TASK } from '../jobs/names'

/** Sign-ups never confirmed are forgotten after this long (the link itself expires after 7 days). */
export const UNCONFIRMED_RETENTION_DAYS = 30

/**
 * Addresses someone entered but nobody confirmed are not a subscription, and are not kept: after 30 days
 * they are deleted with their consent record. Anyone who once confirmed keeps their record (it proves what
 * they agreed to and when they left).
 */
export const eraseUnconfirmedSubscribers = async ({ now = new Date(), payload }: { now?: Date; payload: Payload }): Promise<number> => {
  const cutoff = new Date(now.getTime() - UNCONFIRMED_RETENTION_DAYS * 24 * 60 * 60 * 1000).toISOString()
  const { docs } = await payload.delete({
    collection: 'subscribers',
    context: SYSTEM_CONTEXT,
    depth: 0,
    overrideAccess: true,
    where: {
      and: [{ status: { equals: 'unconfirmed' } }, { confirmedAt: { exists: false } }, { confirmationSentAt: { less_than: cutoff } }],
    },
  })
  return docs.length
}

export const eraseUnconfirmedSubscribersTask: TaskConfig<'eraseUnconfirmedSubscribers'> = {
  slug: ERASE_UNCONFIRMED_SUBSCRIBERS_TASK,
  handler: async ({ req }) => ({ output: { erased: await eraseUnconfirmedSubscribers({ payload: req.payload }) } }),
  label: 'Erase unconfirmed newsletter sign-ups',
  outputSchema: [{ name: 'erased', type: 'number', required: true }],
  retries: 3,
  schedule: [{ cron: '0 45 3 * * *', queue: 'default' }],
}
