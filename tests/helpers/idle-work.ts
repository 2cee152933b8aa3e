import type { Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'
import { writeHeapSnapshot } from 'node:v8'
import { _internal_jobSystemGlobals, _internal_resetJobSystemGlobals } from 'payload'

/**
 * Job crons that never fire by themselves within a run (midnight on 1 January): the ticks trigger Payload's
 * cron objects directly, so the work is exactly what a cron run does, only without waiting for the clock.
 */
export const idleWorkEnv = { JOBS_AUTORUN: 'true', JOBS_CRON: '0 0 0 1 1 *', NEWSLETTER_CRON: '0 0 0 1 1 *' }

export type IdleSample = { externalMb: number; fds: number; heapMb: number; ms: number; rssMb: number; ticks: number }

export type IdleWork = {
  /** Heap after a full collection, RSS and open descriptors now. */
  sample: (args: { ms: number; ticks: number; writeSnapshotTo?: string }) => Promise<IdleSample>
  stop: () => Promise<void>
  /** `count` ticks of an idle server's timers, one second of its job clock each. */
  tick: (args: { count: number }) => Promise<void>
}

const MB = 1024 * 1024

const openDescriptors = (): number => {
  try {
    return fs.readdirSync('/proc/self/fd').length
  } catch {
    // Not Linux: the figure is left out rather than guessed.
    return 0
  }
}

// Native handles (database connections, statements) are released by finalisers that run after a collection.
const collect = async () => {
  for (let round = 0; round < 3; round++) {
    global.gc?.()
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/**
 * Starts what an idle web process runs on a booted hub (`idleWorkEnv` in its environment): the job crons,
 * the search index with its change follower, and returns a driver for their ticks. Each tick is one run of
 * the newsletter cron, one search poll and one readiness check, and every fifth one a run of the default
 * queue's cron, the ratios of the default settings (2 s, 2 s, and 10 s).
 */
export const startIdleWork = async ({ payload }: { payload: Payload }): Promise<IdleWork> => {
  const { startJobCrons } = await import('../../src/server/boot')
  const { DEFAULT_QUEUE, NEWSLETTER_QUEUE } = await import('../../src/lib/jobs/names')
  const { drainJobs } = await import('../../src/lib/jobs/drain')
  const { databaseReadiness } = await import('../../src/lib/db/readiness')
  const { sharePageCacheInvalidations } = await import('../../src/lib/cache/broadcast')
  const { searchRuntime } = await import('../../src/lib/search/runtime')
  const { followSearchChanges, rebuildSearchIndex } = await import('../../src/lib/search/sync')

  await startJobCrons()
  const autoRun = payload.config.jobs.autoRun
  const cronConfigs = typeof autoRun === 'function' ? await autoRun(payload) : (autoRun ?? [])
  // Payload creates one cron per autoRun entry, in order.
  const cronOf = (queue: string) => {
    const cron = payload.crons[cronConfigs.findIndex((config) => config.queue === queue)]
    if (!cron) throw new Error(`no job cron for the ${queue} queue: is JOBS_AUTORUN off?`)
    return cron
  }
  const newsletterCron = cronOf(NEWSLETTER_QUEUE)
  const defaultCron = cronOf(DEFAULT_QUEUE)

  const stopSharing = await sharePageCacheInvalidations({ payload })
  const since = new Date()
  const engine = searchRuntime().engine
  await rebuildSearchIndex({ engine, payload })
  // A day between timer polls: the ticks poll.
  const follower = followSearchChanges({ engine, intervalMs: 24 * 60 * 60 * 1000, payload, since })

  let clock = Date.now()
  _internal_jobSystemGlobals.getCurrentDate = () => new Date(clock)
  let ticks = 0

  return {
    sample: async ({ ms, ticks: done, writeSnapshotTo }) => {
      await collect()
      const memory = process.memoryUsage()
      if (writeSnapshotTo) writeHeapSnapshot(path.join(writeSnapshotTo, `idle-${payload.db.name}-${done}.heapsnapshot`))
      return {
        externalMb: memory.external / MB,
        fds: openDescriptors(),
        heapMb: memory.heapUsed / MB,
        ms,
        rssMb: memory.rss / MB,
        ticks: done,
      }
    },
    stop: async () => {
      follower.stop()
      await drainJobs({ payload, timeoutMs: 10_000 })
      await stopSharing()
      _internal_resetJobSystemGlobals()
    },
    tick: async ({ count }) => {
      for (let i = 0; i < count; i++) {
        clock = Math.max(clock + 1000, Date.now())
        await newsletterCron.trigger()
        if (ticks % 5 === 0) await defaultCron.trigger()
        await follower.pollNow()
        const readiness = await databaseReadiness({ payload })
        if (!readiness.ok) throw new Error(readiness.reason)
        ticks++
      }
    },
  }
}

/** Least-squares slope of each figure, per 1,000 ticks. */
export const idleTrend = ({ samples }: { samples: IdleSample[] }) => {
  const slope = (value: (sample: IdleSample) => number): number => {
    if (samples.length < 2) return 0
    const meanX = samples.reduce((sum, sample) => sum + sample.ticks, 0) / samples.length
    const meanY = samples.reduce((sum, sample) => sum + value(sample), 0) / samples.length
    const num = samples.reduce((sum, sample) => sum + (sample.ticks - meanX) * (value(sample) - meanY), 0)
    const den = samples.reduce((sum, sample) => sum + (sample.ticks - meanX) ** 2, 0)
    return den ? (num / den) * 1000 : 0
  }
  return { fds: slope((sample) => sample.fds), heapMb: slope((sample) => sample.heapMb), rssMb: slope((sample) => sample.rssMb) }
}
