import type { Config } from 'payload'

import { ADMINS, hasRole } from '../access'
import { sendEmailTask } from '../email/task'
import { env, jobsAutoRun } from '../env'
import { releaseThenRun, withLease } from './lease'
import { DEFAULT_QUEUE } from './names'

const adminsOnly = ({ req }: { req: { user?: unknown } }): boolean => hasRole({ roles: ADMINS, user: req.user as never })

/**
 * In-process job runner by default. Deployments with several web instances set JOBS_AUTORUN=false on the web
 * processes and run `npm run worker`, which forces it on. Scheduled publishing is a job in the same queue.
 * This is the hub's own part: email. Each capability plugin (src/plugins) adds its tasks and queues. Every task holds a lease on its job while it runs, and every runner takes back jobs whose lease ran out
 * before each run (./lease.ts), so a killed runner's jobs are retried and its scheduled tasks go on.
 */
export const jobsConfig = (): NonNullable<Config['jobs']> => {
  return {
    access: { cancel: adminsOnly, queue: adminsOnly, run: adminsOnly },
    // "Running N jobs." on every tick would bury the log at info; failures are still logged.
    autoRun: () => (jobsAutoRun() ? [{ cron: env().JOBS_CRON, limit: 20, queue: DEFAULT_QUEUE, silent: { info: true } }] : []),
    deleteJobOnComplete: true,
    shouldAutoRun: releaseThenRun,
    tasks: [sendEmailTask].map(withLease),
  }
}
