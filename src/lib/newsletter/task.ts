import type { Payload, TaskConfig, Where } from 'payload'

import { NEWSLETTER_QUEUE, SEND_NEWSLETTERS_TASK } from './job-names'
import { staleJournals } from './journal'
import { runNewsletterSender } from './sender'
import { newsletterSettings } from './settings'

/**
 * Payload leaves a job whose process died marked `processing` for ever, and will not schedule a task again
 * while one of its jobs looks active. A sender job untouched for longer than the claim lease cannot still be
 * running (a run lasts a quarter of it), so it is removed; its work resumes from the deliveries' states.
 */
export const removeAbandonedSenderJobs = async ({ now = new Date(), payload }: { now?: Date; payload: Payload }): Promise<number> => {
  const cutoff = new Date(now.getTime() - newsletterSettings().leaseSeconds * 1000).toISOString()
  const where: Where = { and: [{ taskSlug: { equals: SEND_NEWSLETTERS_TASK } }, { processing: { equals: true } }, { updatedAt: { less_than: cutoff } }] }
  const { totalDocs } = await payload.db.count({ collection: 'payload-jobs', where })
  if (totalDocs) {
    await payload.db.deleteMany({ collection: 'payload-jobs', where })
    payload.logger.warn({ msg: 'Removed newsletter sender jobs left behind by a stopped process', removed: totalDocs })
  }
  return totalDocs
}

/**
 * Whether a sender run has anything to do: an issue sending or due to start, or a stopped sender's journal to
 * settle (copies a stopped sender had claimed belong to an issue still sending). Reads only.
 */
export const senderHasWork = async ({ now = new Date(), payload }: { now?: Date; payload: Payload }): Promise<boolean> => {
  if (staleJournals({ before: new Date(now.getTime() - newsletterSettings().leaseSeconds * 1000) }).length) return true
  const where: Where = {
    or: [{ status: { equals: 'sending' } }, { and: [{ status: { equals: 'scheduled' } }, { scheduledFor: { less_than_equal: now.toISOString() } }] }],
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
  // Every run starts from the deliveries' states, so a failed run is simply followed by the next one.
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
          await removeAbandonedSenderJobs({ payload: args.req.payload })
          if (!(await senderHasWork({ payload: args.req.payload }))) return { shouldSchedule: false }
          // The work is due now: run in this same cron run rather than at the next one.
          return { ...(await args.defaultBeforeSchedule(args)), waitUntil: undefined }
        },
      },
      queue: NEWSLETTER_QUEUE,
    },
  ],
}
