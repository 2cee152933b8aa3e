import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { isInvalidEnvironment, parseEnvironment } from '../../src/lib/env'
import { ENV_SCHEMA } from '../../src/lib/env/schema'
import { buildCommands } from '../helpers/commands'

/** The problems parseEnvironment reports for `source`, as "NAME: problem". */
const problemsOf = (source: Record<string, string>): string[] => {
  try {
    parseEnvironment({ source })
    return []
  } catch (error) {
    if (!isInvalidEnvironment(error)) throw error
    return error.problems.map(({ name, problem }) => `${name}: ${problem}`)
  }
}

describe('the environment schema', () => {
  it('gives defaults for unset and empty variables, and typed values for set ones', () => {
    const env = parseEnvironment({
      source: { JOBS_AUTORUN: 'FALSE', NEWSLETTER_RATE_PER_SECOND: '2.5', PORT: ' 8080 ', QUESTION_RATE_LIMIT_MAX: '' },
    })
    expect(env.PORT).toBe(8080)
    expect(env.QUESTION_RATE_LIMIT_MAX).toBe(20)
    expect(env.JOBS_AUTORUN).toBe(false)
    expect(env.NEWSLETTER_RATE_PER_SECOND).toBe(2.5)
    expect(env.PUBLIC_URL).toBeUndefined()
  })

  it('takes database addresses with several hosts or a socket directory', () => {
    expect(problemsOf({ DATABASE_URL: 'mongodb://h1:27017,h2:27017/hub?replicaSet=rs0' })).toEqual([])
    expect(problemsOf({ DATABASE_URL: 'postgres:///hub?host=/var/run/postgresql' })).toEqual([])
    expect(problemsOf({ DATABASE_URL: 'file:./data/hub.db' })).toEqual([])
  })

  it.each([
    ['QUESTION_RATE_LIMIT_MAX', 'abc', 'a whole number from 1 to 1000000'],
    ['QUESTION_RATE_LIMIT_MAX', '-5', 'a whole number from 1 to 1000000'],
    ['QUESTION_RATE_LIMIT_MAX', '0', 'a whole number from 1 to 1000000'],
    ['QUESTION_RATE_LIMIT_MAX', '2.5', 'a whole number from 1 to 1000000'],
    ['QUESTION_RATE_LIMIT_MAX', '0x10', 'a whole number from 1 to 1000000'],
    ['PORT', '70000', 'a whole number from 1 to 65535'],
    ['NEWSLETTER_RATE_PER_SECOND', 'NaN', 'a number from 0.01 to 10000'],
    ['JOBS_AUTORUN', 'yes', 'true or false'],
    ['SMTP_SECURE', 'ture', 'true or false'],
    ['PUBLIC_URL', 'hub.example.nhs.uk', 'an address starting with http:, https:'],
    ['PUBLIC_URL', 'https://', 'an address starting with http:, https:'],
    ['DATABASE_URL', 'mysql://db/hub', 'an address starting with file:, postgres:'],
    ['DATABASE_URL', 'postgres://', 'an address starting with file:'],
    ['LOG_LEVEL', 'verbose', 'one of fatal, error, warn, info, debug, trace, silent'],
    ['JOBS_CRON', '*/5 * * * *', 'a cron expression of 6 fields'],
  ])('refuses %s=%s, saying it takes %s', (name, value, accepted) => {
    expect(problemsOf({ [name]: value })).toEqual([
      expect.stringMatching(new RegExp(`^${name}: use ${accepted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)),
    ])
  })

  it('reports every bad variable in one message', () => {
    let message = ''
    try {
      parseEnvironment({ source: { PORT: 'eighty', QUESTION_RATE_LIMIT_MAX: 'abc' } })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain('PORT="eighty" is not valid: use a whole number from 1 to 65535')
    expect(message).toContain('QUESTION_RATE_LIMIT_MAX="abc" is not valid: use a whole number from 1 to 1000000')
  })

  it('lists exactly the variables of the README configuration table', () => {
    const readme = fs.readFileSync('README.md', 'utf8')
    const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1))
    const documented = new Set(
      section
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .flatMap((line) => [...line.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((match) => match[1])),
    )
    expect([...documented].sort()).toEqual(Object.keys(ENV_SCHEMA).sort())
  })
})

describe('a bad setting stops start-up with one clear message', () => {
  let commands: Awaited<ReturnType<typeof buildCommands>>

  beforeAll(async () => {
    commands = await buildCommands({ name: 'env' })
  })

  afterAll(() => commands?.remove())

  it.each(['worker', 'seed', 'start'] as const)(
    'npm run %s with QUESTION_RATE_LIMIT_MAX=abc exits 1 naming the variable',
    async (entry) => {
      // A database that is never reached: the process must stop before it connects to anything.
      const result = await commands.run({
        entry,
        env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none', QUESTION_RATE_LIMIT_MAX: 'abc' },
      })
      expect(result.code).toBe(1)
      expect(result.stderr.trim()).toBe(
        'Invalid configuration:\n  QUESTION_RATE_LIMIT_MAX="abc" is not valid: use a whole number from 1 to 1000000 (Questions accepted from one address in 10 minutes).',
      )
      expect(result.stdout).toBe('')
    },
  )
})
