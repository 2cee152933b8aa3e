import type { SearchEngine } from './types'

import { env } from '../env'
import { createEmbeddedEngine } from './embedded'
import { createMeilisearchEngine } from './meilisearch'

/**
 * Meilisearch when a server is configured (MEILISEARCH_HOST, with MEILISEARCH_API_KEY and MEILISEARCH_INDEX),
 * otherwise the in-process engine, so development and small deployments need no search server.
 */
export const selectSearchEngine = (): SearchEngine => {
  const { MEILISEARCH_API_KEY, MEILISEARCH_HOST, MEILISEARCH_INDEX } = env()
  if (!MEILISEARCH_HOST) return createEmbeddedEngine()
  return createMeilisearchEngine({ apiKey: MEILISEARCH_API_KEY || undefined, host: MEILISEARCH_HOST, indexName: MEILISEARCH_INDEX.trim() })
}
