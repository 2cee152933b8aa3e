import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { databaseReadiness } from '../../src/lib/db/readiness'
import { CLIENT_IP_HEADER } from '../../src/lib/http/client-ip'
import { submitQuestion } from '../../src/lib/questions/submit'
import { apiClient } from '../helpers/api'
import { startTestHub, testDatabase } from '../helpers/hub'
import { waitFor } from '../helpers/wait'

// A small pool makes "well above the pool size" cheap: ten submissions in flight for every connection.
const POOL = 2
const BURST = POOL * 10 * 2

let hub: TestHub
let api: ReturnType<typeof apiClient>

beforeAll(async () => {
  // A queue timeout long enough for the whole burst, even on a loaded machine: every submission should be
  // stored. What happens past the timeout (503 with Retry-After) is database-busy.test.ts's subject.
  hub = await startTestHub({
    env: {
      DATABASE_POOL_MAX: String(POOL),
      DATABASE_POOL_TIMEOUT_MS: '30000',
      QUESTION_RATE_LIMIT_MAX: '100000',
      SQLITE_BUSY_TIMEOUT_MS: '30000',
    },
  })
  api = apiClient({ config: import('../../payload.config').then((m) => m.default) })
})

afterAll(async () => {
  await hub?.cleanup()
})

const question = (n: number) => ({
  email: `burst-${n}@example.org`,
  name: `Burst Asker ${n}`,
  question: `Question number ${n} from a burst of simultaneous submissions.`,
})

/** Sessions of this database left holding a transaction open with nothing running (PostgreSQL only). */
const idleInTransaction = async (): Promise<number> => {
  if (hub.payload.db.name !== 'postgres') return 0
  const pool = (hub.payload.db as unknown as { pool: import('pg').Pool }).pool
  const { rows } = await pool.query(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
  )
  return rows[0].n as number
}

/** A burst must end: each answer is a 201, or a 503 that says when to come back. Nothing waits for ever. */
const expectEveryAnswerEnds = (answers: { retryAfter: null | string; status: number }[]) => {
  for (const answer of answers) {
    expect([201, 503]).toContain(answer.status)
    if (answer.status === 503) expect(Number(answer.retryAfter)).toBeGreaterThan(0)
  }
}

describe(`a burst of ${BURST} simultaneous questions with a pool of ${POOL} (${testDatabase()})`, () => {
  it('through the API: every submission ends, each accepted one is stored, and the hub stays ready', async () => {
    const before = (await hub.payload.count({ collection: 'questions' })).totalDocs
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, n) =>
        api
          .raw({ body: question(n), headers: { [CLIENT_IP_HEADER]: `192.0.2.${n % 250}` }, method: 'POST', path: 'questions' })
          .then((response) => ({ retryAfter: response.headers.get('retry-after'), status: response.status })),
      ),
    )
    expectEveryAnswerEnds(answers)
    const accepted = answers.filter((answer) => answer.status === 201).length
    expect(accepted).toBe(BURST)
    expect((await hub.payload.count({ collection: 'questions' })).totalDocs - before).toBe(accepted)
    expect(await databaseReadiness({ payload: hub.payload })).toEqual({ ok: true })
    expect(await waitFor({ check: async () => (await idleInTransaction()) === 0, timeoutMs: 5_000 })).toBe(true)
  })

  it('through the site form: every submission is stored or refused as unavailable, never left hanging', async () => {
    const before = (await hub.payload.count({ collection: 'questions' })).totalDocs
    const results = await Promise.all(
      Array.from({ length: BURST }, (_, n) => {
        const form = new FormData()
        for (const [key, value] of Object.entries(question(1000 + n))) form.set(key, value)
        return submitQuestion({ form, ip: `198.51.100.${n % 250}`, payload: hub.payload })
      }),
    )
    const kinds = results.map((result) => result.kind)
    expect(kinds.every((kind) => kind === 'accepted' || kind === 'unavailable')).toBe(true)
    const accepted = kinds.filter((kind) => kind === 'accepted').length
    expect(accepted).toBe(BURST)
    expect((await hub.payload.count({ collection: 'questions' })).totalDocs - before).toBe(accepted)
    expect(await databaseReadiness({ payload: hub.payload })).toEqual({ ok: true })
    expect(await waitFor({ check: async () => (await idleInTransaction()) === 0, timeoutMs: 5_000 })).toBe(true)
  })
})
