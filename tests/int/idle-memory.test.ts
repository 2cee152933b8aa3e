import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'
import type { IdleSample, IdleWork } from '../helpers/idle-work'

import { startTestHub, testDatabase } from '../helpers/hub'
import { idleWorkEnv, startIdleWork } from '../helpers/idle-work'

// Each tick is one run of the newsletter cron, one search poll and one readiness check, and every fifth a run
// of the default queue's cron: the warm-up fills caches and compiles code, the rest must not add memory.
const WARM_UP = 200
const TICKS = 600

let hub: TestHub
let work: IdleWork | undefined

beforeAll(async () => {
  hub = await startTestHub({ env: idleWorkEnv })
  work = await startIdleWork({ payload: hub.payload })
})

afterAll(async () => {
  await work?.stop()
  await hub?.cleanup()
})

const describeSample = (sample: IdleSample) =>
  `heap ${sample.heapMb.toFixed(1)} MB, RSS ${sample.rssMb.toFixed(1)} MB, ${sample.fds} open files after ${sample.ticks} ticks`

describe(`an idle hub (${testDatabase()})`, () => {
  it(`keeps its memory and open files flat over ${TICKS} runs of its timers`, async () => {
    expect(global.gc, 'tests run with --expose-gc (vitest.config.ts)').toBeTypeOf('function')
    const started = Date.now()
    await work!.tick({ count: WARM_UP })
    const before = await work!.sample({ ms: Date.now() - started, ticks: WARM_UP })
    await work!.tick({ count: TICKS })
    const after = await work!.sample({ ms: Date.now() - started, ticks: WARM_UP + TICKS })
    console.log(`idle memory on ${testDatabase()}: ${describeSample(before)}; ${describeSample(after)} (${after.ms} ms)`)
    // Growth at these bounds would be 5 KB of heap, or 50 KB of process memory, per tick: a leak, not noise.
    expect(after.heapMb - before.heapMb).toBeLessThan(5)
    expect(after.rssMb - before.rssMb).toBeLessThan(50)
    // Linux only (0 elsewhere): a connection or file left open per tick shows here first.
    expect(after.fds - before.fds).toBeLessThan(10)
  }, 150_000)
})
