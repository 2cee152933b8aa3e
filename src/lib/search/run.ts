import type { Payload } from 'payload'

import type { SearchQuery, SearchResult } from './types'

import { searchDatabase } from './fallback'
import { searchRuntime } from './runtime'

export type SearchOutcome = {
  /** 'database' when the engine was down or still building and the simpler database search answered. */
  mode: 'database' | 'engine'
  result: SearchResult
}

// While the engine is down every search fails the same way: one log line a minute says so without flooding.
const LOG_EVERY_MS = 60_000
let lastLogged = 0
let unlogged = 0

const logEngineFailure = ({ error, payload }: { error: unknown; payload: Payload }) => {
  if (Date.now() - lastLogged < LOG_EVERY_MS) {
    unlogged++
    return
  }
  payload.logger.error({ err: error, failuresSinceLastReport: unlogged }, 'Search engine failed; answering from the database')
  lastLogged = Date.now()
  unlogged = 0
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
      logEngineFailure({ error, payload })
    }
  }
  return { mode: 'database', result: await searchDatabase({ payload, query }) }
}
