import type { TaskConfig } from 'payload'

import { env } from '../env'
import { CHECK_LINKS_TASK } from '../jobs/names'
import { checkLinks } from './run'

/**
 * The nightly link check through Payload's job scheduler (web process or worker, whichever runs jobs);
 * LINK_CHECK_CRON (6 fields, seconds first) changes when. Admins can also queue it from the list.
 */
export const checkLinksTask: TaskConfig<'checkLinks'> = {
  slug: CHECK_LINKS_TASK,
  handler: async ({ req }) => ({ output: await checkLinks({ payload: req.payload }) }),
  label: 'External link check',
  outputSchema: [
    { name: 'checked', type: 'number', required: true },
    { name: 'broken', type: 'number', required: true },
    { name: 'redirected', type: 'number', required: true },
    { name: 'retired', type: 'number', required: true },
    { name: 'skipped', type: 'number', required: true },
  ],
  retries: 2,
  schedule: [{ cron: env().LINK_CHECK_CRON, queue: 'default' }],
}
