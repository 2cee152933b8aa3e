import type { TestProject } from 'vitest/node'

import type { PostgresCluster } from './postgres'

import { startPostgresCluster } from './postgres'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string
  }
}

let cluster: PostgresCluster | undefined

/** With TEST_DB=postgres the whole suite runs against one private cluster, a fresh database per test file. */
export const setup = async (project: TestProject) => {
  if (process.env.TEST_DB === 'postgres') {
    cluster = await startPostgresCluster()
    project.provide('postgresUrl', cluster.url())
  } else {
    project.provide('postgresUrl', '')
  }
}

export const teardown = () => {
  cluster?.remove()
}
