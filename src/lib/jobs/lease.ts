import type { Job, JobLog, Payload, TaskConfig, Where } from 'payload'

import { randomUUID } from 'node:crypto'

import { withDatabaseLock } from '../db/lock'
import { env } from '../env'

/**
 * Payload marks a job `processing` when a runner takes it and never looks at it again until that runner
 * finishes it: a runner that dies (kill -9, a lost machine) leaves the job taken for ever, and the
 * scheduler queues no new job of a scheduled task while one looks active. So each running job holds a
 * lease: its runner touches the job's row every third of the lease while the handler runs, and any runner
 * takes back jobs whose row has not been touched for a whole lease (see `releaseExpiredJobs`). The lease is
 * read at each use, so a changed environment (and each test) takes effect without a restart.
 */
export const jobsLeaseSeconds = (): number => env().JOBS_LEASE_SECONDS

/** Renews the lease of a running job until the returned function is called. One touch at a time. */
export const keepJobAlive = ({ everyMs, id, payload }: { everyMs: number; id: number | string; payload: Payload }): (() => void) => {
  let touching = false
  const timer = setInterval(() => {
    if (touching) return
    touching = true
    payload.db
      .updateJobs({ data: { updatedAt: new Date().toISOString() }, id, returning: false })
      .catch((err: unknown) => payload.logger.warn({ err, jobId: id, msg: 'Could not renew the lease of a running job' }))
      .finally(() => (touching = false))
  }, everyMs)
  // A heartbeat alone must not keep a process alive that is otherwise done.
  timer.unref()
  return () => clearInterval(timer)
}

// Jobs this process is running. A process whose event loop was held up (on SQLite the driver is
// synchronous, so a long run of queries keeps timers from firing) may miss heartbeats, but it knows its own
// jobs are alive and never takes them back itself.
const runningHere = new Map<string, number | string>()

/**
 * The same task, its handler holding the job's lease while it runs. Applied to every task in the jobs config
 * (hence `any`: tasks of every input and output type go through here).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const withLease = <T extends TaskConfig<any>>(task: T): T => {
  const { handler } = task
  if (typeof handler !== 'function') return task
  return {
    ...task,
    handler: async (args: Parameters<typeof handler>[0]) => {
      const stop = keepJobAlive({ everyMs: (jobsLeaseSeconds() * 1000) / 3, id: args.job.id, payload: args.req.payload })
      runningHere.set(String(args.job.id), args.job.id)
      try {
        return await handler(args)
      } finally {
        runningHere.delete(String(args.job.id))
        stop()
      }
    },
  }
}

// Any constant works; it only has to be the same in every instance of the hub and differ from the other locks.
const RELEASE_LOCK_KEY = 726_118_206

type StaleJob = Pick<Job, 'id' | 'input' | 'log' | 'taskSlug' | 'totalTried' | 'updatedAt'>

const attemptsAllowed = (retries: TaskConfig['retries']): number => (typeof retries === 'number' ? retries : (retries?.attempts ?? 0))

/**
 * What a stale job becomes. The lost run counts as a failed try, logged the way Payload logs one (Payload
 * counts a task's tries by its log entries), so a job that keeps killing its runner stops after the task's
 * retries like any other failure. It is not delayed: the lease has made it wait already. A job whose task
 * had succeeded before the runner died is only released; Payload then completes it without running it.
 */
const releaseOf = ({ job, leaseSeconds, now, payload }: { job: StaleJob; leaseSeconds: number; now: string; payload: Payload }) => {
  const ownLog = (job.log ?? []).filter((entry) => entry.taskSlug === job.taskSlug)
  if (ownLog.some((entry) => entry.state === 'succeeded')) return { data: { processing: false, updatedAt: now }, final: false }
  const task = payload.config.jobs.tasks?.find((each) => each.slug === job.taskSlug)
  const final = ownLog.length >= attemptsAllowed(task?.retries)
  const error = { message: `The process running this job stopped (no sign of it for ${leaseSeconds} s)`, name: 'JobLeaseExpired' }
  const entry: Omit<JobLog, 'taskSlug'> & { taskSlug: string } = {
    completedAt: now,
    error,
    // When it was last seen running: the start of a lost run is not recorded anywhere.
    executedAt: job.updatedAt,
    id: randomUUID(),
    input: job.input as Record<string, unknown>,
    output: {},
    state: 'failed',
    // A single-task job runs its task under this id.
    taskID: '1',
    taskSlug: job.taskSlug ?? '',
  }
  const data = {
    ...(job.taskSlug ? { log: { $push: entry } } : {}),
    // Without `error` the job still counts as pending, so the scheduler does not queue a second one meanwhile.
    ...(final ? { error, hasError: true } : {}),
    processing: false,
    totalTried: (job.totalTried ?? 0) + 1,
    updatedAt: now,
  }
  return { data, final }
}

/**
 * Takes back jobs whose runner stopped: `processing` but not touched for a whole lease. Run by every job
 * runner before each run (see the jobs config), so a restarted worker, or any other instance, picks them up
 * once the lease has passed. Runners take back under a database lock, reading again inside it, so a job
 * another runner has released and taken meanwhile is never released twice.
 */
export const releaseExpiredJobs = async ({
  now = new Date(),
  payload,
}: {
  now?: Date
  payload: Payload
}): Promise<{ gaveUp: number; released: number }> => {
  const leaseSeconds = jobsLeaseSeconds()
  const stale: Where = {
    and: [
      { processing: { equals: true } },
      { updatedAt: { less_than: new Date(now.getTime() - leaseSeconds * 1000).toISOString() } },
      ...(runningHere.size ? [{ id: { not_in: [...runningHere.values()] } }] : []),
    ],
  }
  // The common case, nothing stale, costs one indexed count and no lock.
  if (!(await payload.db.count({ collection: 'payload-jobs', where: stale })).totalDocs) return { gaveUp: 0, released: 0 }
  const result = await withDatabaseLock({
    key: RELEASE_LOCK_KEY,
    payload,
    work: async (req) => {
      const { docs } = await payload.db.find<StaleJob>({ collection: 'payload-jobs', limit: 0, pagination: false, req, where: stale })
      const outcome = { gaveUp: 0, released: 0 }
      for (const job of docs) {
        const { data, final } = releaseOf({ job, leaseSeconds, now: now.toISOString(), payload })
        await payload.db.updateJobs({ data, id: job.id, req, returning: false })
        outcome[final ? 'gaveUp' : 'released']++
      }
      return outcome
    },
  })
  if (result.gaveUp + result.released) payload.logger.warn({ ...result, msg: 'Took back jobs left running by a process that stopped' })
  return result
}

/**
 * Payload's `shouldAutoRun`, asked by each job runner before each run: takes back stale jobs first, so they
 * run in this very run. A failure to check never stops the runner.
 */
export const releaseThenRun = async (payload: Payload): Promise<boolean> => {
  try {
    await releaseExpiredJobs({ payload })
  } catch (err) {
    payload.logger.error({ err, msg: 'Could not check for jobs left running by a stopped process' })
  }
  return true
}
