import type { Payload, TaskConfig, Where } from 'payload'

import { NEWSLETTER_QUEUE, SEND_NEWSLETTERS_TASK } from '../jobs/names'
import { staleJournals } from './journal'
import { runNewsletterSender } from './sender'
import { newsletterSettings } from './settings'

/**
 * Whether a sender run has anything to do: an issue sending or due to start, or a stopped sender's journal to
 * settle (copies a stopped sender had claimed belong to an issue still sending). Reads only.
 */
export const senderHasWork = async ({ now = new Date(), payload }: { now?: Date; payload: Payload }): Promise<boolean> => {
  if (staleJournals({ before: new Date(now.getTime() - newsletterSettings().leaseSeconds * 1000) }).length) return true
  const where: Where = {
    or: [
      { status: { equals: 'sending' } },
      { and: [{ status: { equals: 'scheduled' } }, { scheduledFor: { less_than_equal: now.toISOString() } }] },
    ],
  }
  const { totalDocs } = await payload.db.count({ collection: 'newsletters', where })
  return totalDocs > 0
}

/**
 * Sends newsletters in runs of a few seconds on a queue of its own, so a long send never holds up other
 * email. Checked continually, but a run is queued only when there is something to send, so an idle hub does
 * not create and delete a job every tick; "send now" also queues a run so it starts at once.
 */
export const sendNewslettersTask: TaskConfig<'sendNewsletters'> = {
  slug: SEND_NEWSLETTERS_TASK,
  handler: async ({ req }) => ({ output: await runNewsletterSender({ payload: req.payload }) }),
  label: 'Send newsletters',
  outputSchema: [
    { name: 'sent', type: 'number', required: true },
    { name: 'retried', type: 'number', required: true },
    { name: 'failed', type: 'number', required: true },
    { name: 'bounced', type: 'number', required: true },
    { name: 'skipped', type: 'number', required: true },
    { name: 'recovered', type: 'number', required: true },
  ],
  // Every run starts from the deliveries' states, so a failed run is simply followed by the next one. That
  // holds for a run whose process died too: once its job's lease runs out it is recorded as failed, the
  // scheduler queues the next run, and that run takes back the dead sender's expired claims.
  retries: 0,
  schedule: [
    {
      cron: '* * * * * *',
      hooks: {
        // Recording every skipped check in the job statistics would be a write each tick for nothing.
        afterSchedule: async (args) => {
          if (args.status !== 'skipped') await args.defaultAfterSchedule(args)
        },
        beforeSchedule: async (args) => {
          if (!(await senderHasWork({ payload: args.req.payload }))) return { shouldSchedule: false }
          // The work is due now: run in this same cron run rather than at the next one.
          return { ...(await args.defaultBeforeSchedule(args)), waitUntil: undefined }
        },
      },
      queue: NEWSLETTER_QUEUE,
    },
  ],
}
