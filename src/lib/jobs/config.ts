import type { Config } from 'payload'

import { hasRole } from '../access'
import { sendEmailTask } from '../email/task'
import { jobsAutoRun } from '../env'
import { remindOverdueActionsTask } from '../governance/reminders'
import { watchQuestionDeadlinesTask } from '../questions/deadlines'
import { eraseExpiredQuestionsTask } from '../questions/retention-task'

export const DEFAULT_QUEUE = 'default'

const adminsOnly = ({ req }: { req: { user?: unknown } }): boolean => hasRole({ roles: ['admin'], user: req.user as never })

/**
 * In-process job runner by default. Deployments with several web instances set JOBS_AUTORUN=false on the web
 * processes and run `npm run worker`, which forces it on. Scheduled publishing is a job in the same queue.
 */
export const jobsConfig = (): NonNullable<Config['jobs']> => ({
  access: { cancel: adminsOnly, queue: adminsOnly, run: adminsOnly },
  autoRun: () =>
    jobsAutoRun() ? [{ cron: process.env.JOBS_CRON || '*/10 * * * * *', limit: 20, queue: DEFAULT_QUEUE }] : [],
  deleteJobOnComplete: true,
  tasks: [sendEmailTask, watchQuestionDeadlinesTask, eraseExpiredQuestionsTask, remindOverdueActionsTask],
})
