/** Paging and facet counting shared by every engine and the database fallback, so they page and count alike. */
import type { SearchQuery, SearchResult } from './types'

const DEFAULT_PAGE_SIZE = 10
const MAX_PAGE_SIZE = 50

/** The 1-based page and its size for a query, clamped the same way by every engine. */
export const pagingOf = (query: Pick<SearchQuery, 'page' | 'pageSize'>): { page: number; pageSize: number } => ({
  page: Math.max(1, Math.floor(query.page ?? 1)),
  pageSize: Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize ?? DEFAULT_PAGE_SIZE))),
})

type Facetted = { careArea?: null | string; type: string }

const tally = (values: string[]) => {
  const counts: Record<string, number> = {}
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1
  return counts
}

/**
 * Applies the query's type and care area filters to every match and counts the facets. Each facet is counted
 * under the other facet's filter, so the page can offer the alternatives ("Guidance (4), Tips (2)") while a
 * type is selected. The matches must already be limited to what the viewer may see.
 */
export const filterAndCount = <T>({
  fieldsOf,
  matches,
  query,
}: {
  fieldsOf: (match: T) => Facetted
  matches: T[]
  query: Pick<SearchQuery, 'careArea' | 'type'>
}): { facets: SearchResult['facets']; filtered: T[] } => {
  const typeOk = (match: T) => !query.type || fieldsOf(match).type === query.type
  const areaOk = (match: T) => !query.careArea || fieldsOf(match).careArea === query.careArea
  return {
    facets: {
      type: tally(matches.filter(areaOk).map((match) => fieldsOf(match).type)),
      careArea: tally(matches.filter(typeOk).flatMap((match) => fieldsOf(match).careArea ?? [])),
    },
    filtered: matches.filter((match) => typeOk(match) && areaOk(match)),
  }
}
