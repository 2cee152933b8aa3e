import type { TaskConfig } from 'payload'

import { eraseExpiredQuestions } from './retention'
import { ERASE_EXPIRED_QUESTIONS_TASK } from '../jobs/names'

/** Daily: erase personal data from questions closed longer ago than the retention period. */
export const eraseExpiredQuestionsTask: TaskConfig<'eraseExpiredQuestions'> = {
  slug: ERASE_EXPIRED_QUESTIONS_TASK,
  handler: async ({ req }) => ({ output: { erased: await eraseExpiredQuestions({ payload: req.payload }) } }),
  label: 'Erase expired question data',
  outputSchema: [{ name: 'erased', type: 'number', required: true }],
  retries: 3,
  schedule: [{ cron: '0 15 3 * * *', queue: 'default' }],
}
