import type { TaskConfig } from 'payload'

import { NEWSLETTER_QUEUE, SEND_NEWSLETTERS_TASK } from './job-names'
import { runNewsletterSender } from './sender'

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
  // Every run starts from the deliveries' states, so a failed run is simply followed by the next one. That
  // holds for a run whose process died too: once its job's lease runs out it is recorded as failed, the
  // scheduler queues the next run, and that run takes back the dead sender's expired claims.
  retries: 0,
  schedule: [{ cron: '* * * * * *', queue: NEWSLETTER_QUEUE }],
}
