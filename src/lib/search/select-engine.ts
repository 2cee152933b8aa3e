import type { SearchEngine } from './types'

import { createEmbeddedEngine } from './embedded'
import { createMeilisearchEngine } from './meilisearch'

/**
 * Meilisearch when a server is configured (MEILISEARCH_HOST, with MEILISEARCH_API_KEY and MEILISEARCH_INDEX),
 * otherwise the in-process engine, so development and small deployments need no search server.
 */
export const selectSearchEngine = ({ env = process.env }: { env?: NodeJS.ProcessEnv } = {}): SearchEngine => {
  const host = env.MEILISEARCH_HOST?.trim()
  if (!host) return createEmbeddedEngine()
  return createMeilisearchEngine({
    host,
    apiKey: env.MEILISEARCH_API_KEY || undefined,
    indexName: env.MEILISEARCH_INDEX?.trim() || undefined,
  })
}
