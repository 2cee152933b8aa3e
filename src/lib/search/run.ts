import type { Payload } from 'payload'

import type { SearchQuery, SearchResult } from './types'

import { searchDatabase } from './fallback'
import { searchRuntime } from './runtime'

export type SearchOutcome = {
  /** 'database' when the engine was down or still building and the simpler database search answered. */
  mode: 'database' | 'engine'
  result: SearchResult
}

/**
 * One way to search for the page and the API: the engine when it can answer, the database otherwise, so a
 * search server outage or a slow index build degrades search instead of breaking it. Throws only when both fail.
 */
export const runSearch = async ({ payload, query }: { payload: Payload; query: SearchQuery }): Promise<SearchOutcome> => {
  const runtime = searchRuntime()
  if (runtime.ready) {
    try {
      return { mode: 'engine', result: await runtime.engine.search(query) }
    } catch (error) {
      payload.logger.error({ err: error }, 'Search engine failed; answering from the database')
    }
  }
  return { mode: 'database', result: await searchDatabase({ payload, query }) }
}
