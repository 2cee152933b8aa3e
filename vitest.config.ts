import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'node',
    // The idle memory test compares heaps after full collections.
    execArgv: ['--expose-gc'],
    fileParallelism: true,
    globalSetup: ['tests/helpers/global-setup.ts'],
    hookTimeout: 120_000,
    include: ['tests/int/**/*.test.ts', 'tests/int/**/*.test.tsx'],
    // One process per test file: Payload caches its instance process-wide.
    isolate: true,
    maxWorkers: 2,
    pool: 'forks',
    testTimeout: 60_000,
  },
})
