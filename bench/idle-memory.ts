/**
 * Memory of an idle hub: the background work it does when nobody uses it, run thousands of times.
 *
 *   npm run bench:memory -- [--ticks 3000] [--every 500] [--db sqlite|postgres] [--snapshots DIR]
 *
 * Boots the hub in-process on a fresh, seeded database (PostgreSQL: a private cluster in a temp dir) and
 * repeats what its timers do, through the same code: a run of the newsletter queue's cron, a search change
 * poll and a readiness check per tick, and a run of the default queue's cron every fifth tick (the default
 * 2 s, 2 s and 10 s). The job clock moves one second a tick, so scheduled tasks fall due as on a real server.
 * Prints RSS, heap after a full collection and open files at intervals, and their trend per 1,000 ticks after
 * the warm-up; a steady process shows about zero. `--snapshots DIR` also writes a heap snapshot at each row.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { IdleSample } from '../tests/helpers/idle-work'
import type { PostgresCluster } from '../tests/helpers/postgres'

import { idleTrend, idleWorkEnv, startIdleWork } from '../tests/helpers/idle-work'
import { startPostgresCluster } from '../tests/helpers/postgres'

const option = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(`--${name}`)
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback
}

if (!global.gc) {
  console.error('Run with --expose-gc (npm run bench:memory does): heap figures need a full collection.')
  process.exit(1)
}

const ticks = Number(option('ticks', '3000'))
const every = Number(option('every', '500'))
const db = option('db', 'sqlite') as 'postgres' | 'sqlite'
const snapshots = option('snapshots', '')

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-idle-'))
let cluster: PostgresCluster | undefined
if (db === 'postgres') cluster = await startPostgresCluster()
Object.assign(process.env, {
  ...idleWorkEnv,
  DATA_DIR: dataDir,
  DATABASE_URL: cluster ? cluster.createDatabase('hub') : `file:${path.join(dataDir, 'hub.db')}`,
  LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
  MEDIA_DIR: path.join(dataDir, 'media'),
  NODE_ENV: 'production',
  PAYLOAD_SECRET: randomBytes(16).toString('hex'),
})
const { bootPayload } = await import('../src/server/boot')
const { seed } = await import('../seed/index')
const payload = await bootPayload({ cron: false })
// An idle server holds the seeded content in its search index.
await seed({ log: () => undefined, payload })
const hub = await startIdleWork({ payload })
try {
  const row = (sample: IdleSample) =>
    console.log(
      [
        String(sample.ticks).padStart(6),
        sample.rssMb.toFixed(1).padStart(8),
        sample.heapMb.toFixed(1).padStart(8),
        sample.externalMb.toFixed(1).padStart(8),
        String(sample.fds).padStart(6),
        (sample.ms / 1000).toFixed(1).padStart(8),
      ].join(' '),
    )
  console.log(`Idle hub on ${payload.db.name}: ${ticks} ticks (newsletter cron, default cron every 5th, search poll, readiness)`)
  console.log(' ticks   rss MB  heap MB   ext MB    fds     secs')
  const warmUp = Math.min(every, Math.floor(ticks / 5))
  const samples: IdleSample[] = []
  const started = Date.now()
  const take = async (done: number) => {
    const sample = await hub.sample({ ms: Date.now() - started, ticks: done, writeSnapshotTo: snapshots || undefined })
    samples.push(sample)
    row(sample)
  }
  await take(0)
  for (let done = 0; done < ticks;) {
    const step = done < warmUp ? warmUp - done : Math.min(every, ticks - done)
    await hub.tick({ count: step })
    done += step
    await take(done)
  }
  const trend = idleTrend({ samples: samples.filter((sample) => sample.ticks >= warmUp) })
  console.log(
    `Trend after ${warmUp} warm-up ticks, per 1,000 ticks: rss ${trend.rssMb.toFixed(1)} MB, heap ${trend.heapMb.toFixed(2)} MB, ` +
      `file descriptors ${trend.fds.toFixed(1)}; ${((Date.now() - started) / ticks).toFixed(1)} ms per tick`,
  )
} finally {
  await hub.stop()
  await payload.destroy()
  cluster?.remove()
  fs.rmSync(dataDir, { force: true, recursive: true })
}
