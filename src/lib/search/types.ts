/** What the hub's search indexes and returns, independent of the engine behind it. */

export type SearchDocumentType =
  'care-area' | 'guidance' | 'answer' | 'tip' | 'update' | 'consultation' | 'question' | 'document' | 'minutes' | 'recommendation'

export type Audience = 'public' | 'professional'

export type SearchDocument = {
  /** Collection and id, e.g. 'pages:12', so ids from different collections never collide. */
  id: string
  type: SearchDocumentType
  title: string
  summary?: string
  body?: string
  url: string
  careArea?: string | null
  audience: Audience
  date?: string | null
}

export type SearchQuery = {
  q: string
  type?: string
  careArea?: string
  viewer: Audience
  /** 1-based. */
  page?: number
  pageSize?: number
}

export type SearchHit = {
  id: string
  type: SearchDocumentType
  title: string
  url: string
  careArea: string | null
  /** HTML-escaped text with <mark> around matched words: safe to render as HTML. */
  snippet: string
  score: number
}

export type SearchResult = {
  hits: SearchHit[]
  total: number
  facets: { type: Record<string, number>; careArea: Record<string, number> }
  suggestion: string | null
  tookMs: number
}

export type SearchEngine = {
  /** Replaces the synonym groups used by every later query. */
  setSynonyms: (groups: string[][]) => Promise<void>
  /** Every indexed id with the digest of the content indexed under it (see digest.ts), for reconciling. */
  digests: () => Promise<Map<string, string>>
  /** Adds documents, replacing any already indexed under the same id. */
  upsert: (docs: SearchDocument[]) => Promise<void>
  remove: (ids: string[]) => Promise<void>
  search: (query: SearchQuery) => Promise<SearchResult>
  count: () => Promise<number>
  clear: () => Promise<void>
}
