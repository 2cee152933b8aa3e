import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { permuteDecimal, questionReference } from '../../src/lib/questions/reference'
import { startTestHub, testDatabase } from '../helpers/hub'
import { waitFor } from '../helpers/wait'

let hub: TestHub

beforeAll(async () => {
  // What is tested is uniqueness, not speed: a loaded machine must not turn a slow burst into refusals.
  hub = await startTestHub({ env: { DATABASE_POOL_TIMEOUT_MS: '60000', QUESTION_RATE_LIMIT_MAX: '100000' } })
})

afterAll(async () => {
  vi.restoreAllMocks()
  await hub?.cleanup()
})

// Typed loosely: the generated type asks for the fields hooks fill in (reference, receivedAt, status).
const question = (label: string, n: number) =>
  ({
    email: `${label}-${n}@example.org`,
    name: `${label} asker ${n}`,
    question: `Question ${n} of the ${label} burst, sent at the same moment as the others.`,
  }) as never

describe('the keyed permutation behind references', () => {
  it.each([2, 3, 4])('maps the %i-digit numbers one to one onto themselves', (digits) => {
    const key = randomBytes(32)
    const outputs = new Set(Array.from({ length: 10 ** digits }, (_, value) => permuteDecimal({ digits, key, value })))
    expect(outputs.size).toBe(10 ** digits)
    expect(Math.max(...outputs)).toBeLessThan(10 ** digits)
    expect(Math.min(...outputs)).toBeGreaterThanOrEqual(0)
  })

  it('gives consecutive ids unrelated references, and another key other references', () => {
    const key = randomBytes(32)
    const numbers = Array.from({ length: 50 }, (_, id) => permuteDecimal({ digits: 6, key, value: id + 1 }))
    const steps = numbers.slice(1).map((value, n) => value - numbers[n]!)
    expect(new Set(steps).size).toBeGreaterThan(45)
    const other = Array.from({ length: 50 }, (_, id) => permuteDecimal({ digits: 6, key: randomBytes(32), value: id + 1 }))
    expect(other).not.toEqual(numbers)
  })

  it('reads Q-<UK year>-<six digits>, and grows a digit past a million questions', () => {
    const key = randomBytes(32)
    // 31 December 2026 23:30 in London is still 2026; the reference follows the UK calendar.
    expect(questionReference({ id: 42, key, receivedAt: '2026-12-31T23:30:00Z' })).toMatch(/^Q-2026-\d{6}$/)
    expect(questionReference({ id: 1_234_567, key, receivedAt: '2027-06-30T11:00:00Z' })).toMatch(/^Q-2027-\d{7}$/)
  })
})

describe(`references of questions stored at the same moment (${testDatabase()})`, () => {
  it('never repeat, even when the random number source repeats itself', async () => {
    // The old scheme drew references from Math.random: a source that repeats would hand out one reference twice.
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.123456)
    try {
      const created = await Promise.all(
        Array.from({ length: 20 }, (_, n) => hub.payload.create({ collection: 'questions', data: question('same-moment', n) })),
      )
      const references = created.map((doc) => doc.reference)
      expect(new Set(references).size).toBe(20)
      for (const reference of references) expect(reference).toMatch(/^Q-\d{4}-\d{6}$/)
    } finally {
      random.mockRestore()
    }
  })

  it('never repeat across two instances submitting together', { timeout: 120_000 }, async () => {
    const COUNT = 25
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('tests', 'helpers', 'question-burst-child.ts')], {
      env: { ...process.env, COUNT: String(COUNT), DATA_DIR: hub.dataDir, DATABASE_URL: hub.databaseUrl, JOBS_AUTORUN: 'false' },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout!.on('data', (chunk) => (output += chunk))
    child.stderr!.on('data', (chunk) => (output += chunk))
    const exited = new Promise<null | number>((resolve) => child.once('exit', resolve))
    // The child is ready once Payload has booted; it then waits for a line on stdin.
    const ready = () => /^ready$/m.test(output)
    await waitFor({ check: () => ready() || child.exitCode !== null, intervalMs: 100, timeoutMs: 60_000 })
    if (!ready()) {
      child.kill('SIGKILL')
      throw new Error(`the second instance did not become ready:\n${output}`)
    }
    child.stdin!.write('go\n')
    const mine = await Promise.all(
      Array.from({ length: COUNT }, (_, n) => hub.payload.create({ collection: 'questions', data: question('first-instance', n) })),
    )
    expect(await exited, output).toBe(0)
    const theirs = JSON.parse(output.trim().split('\n').at(-1)!).references as string[]
    const all = [...mine.map((doc) => doc.reference), ...theirs]
    expect(all).toHaveLength(COUNT * 2)
    expect(new Set(all).size).toBe(COUNT * 2)
    const stored = await hub.payload.find({ collection: 'questions', limit: 0, pagination: false, select: { reference: true } })
    expect(new Set(stored.docs.map((doc) => doc.reference)).size).toBe(stored.docs.length)
  })
})
