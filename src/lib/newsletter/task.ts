import type { Payload, TaskConfig, Where } from 'payload'

import { NEWSLETTER_QUEUE, SEND_NEWSLETTERS_TASK } from './job-names'
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
 * Sends newsletters in runs of a few seconds on a queue of its own, so a long send never holds up other
 * email. Scheduled to run continually; "send now" also queues a run so it starts at once.
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
        beforeSchedule: async (args) => {
          await removeAbandonedSenderJobs({ payload: args.req.payload })
          return args.defaultBeforeSchedule(args)
        },
      },
      queue: NEWSLETTER_QUEUE,
    },
  ],
}
