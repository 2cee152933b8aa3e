import fs from 'node:fs'
import path from 'node:path'
import { configDefaults, defineConfig } from 'vitest/config'

const INTEGRATION = 'tests/int'
// What a test file uses to reach a database: a hub, the HTTP hub or app over one, the hub's commands or a worker.
const OPENS_A_DATABASE = /\b(startTestHub|startHttpHub|startTestApp|buildCommands|startWorker|spawn)\b/

/**
 * Test files that open no database (pure functions, configs, markup) give the same answer on every database: the
 * PostgreSQL and MongoDB runs leave them to the SQLite run, which runs everything.
 */
const databaseFreeFiles = (): string[] =>
  fs
    .readdirSync(INTEGRATION, { recursive: true })
    .map(String)
    .filter((file) => /\.test\.tsx?$/.test(file))
    .map((file) => path.join(INTEGRATION, file))
    .filter((file) => !OPENS_A_DATABASE.test(fs.readFileSync(file, 'utf8')))

const otherDatabase = Boolean(process.env.TEST_DB) && process.env.TEST_DB !== 'sqlite'
const leftOut = otherDatabase ? databaseFreeFiles() : []
if (leftOut.length) console.info(`${process.env.TEST_DB} run: ${leftOut.length} test files that open no database ran on SQLite only`)

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'node',
    exclude: [...configDefaults.exclude, ...leftOut],
    // The idle memory test compares heaps after full collections.
    execArgv: ['--expose-gc'],
    fileParallelism: true,
    globalSetup: ['tests/helpers/global-setup.ts'],
    hookTimeout: 120_000,
    include: [`${INTEGRATION}/**/*.test.ts`, `${INTEGRATION}/**/*.test.tsx`],
    // One process per test file: Payload caches its instance process-wide.
    isolate: true,
    maxWorkers: 2,
    pool: 'forks',
    testTimeout: 60_000,
  },
})
