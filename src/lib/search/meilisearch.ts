/**
 * Search backed by a Meilisearch server, for deployments that run one (see select-engine.ts). Same contract
 * and, as far as the server allows, the same behaviour as the embedded engine: audience filtered inside the
 * query, each facet counted under the other facet's filter, HTML-escaped snippets with <mark>.
 *
 * Known differences: no "did you mean" (suggestion is always null), and no stop-word list, so every query
 * word must match, 'for' and 'the' included.
 */
import { Meilisearch } from 'meilisearch'
import type { EnqueuedTaskPromise, Hit, Index, MultiSearchQuery, Settings } from 'meilisearch'

import type { SynonymGroup } from './synonyms'
import type { Audience, SearchDocument, SearchEngine, SearchHit, SearchQuery, SearchResult } from './types'

import { escapeHtml } from '../html/escape'
import { digestOf } from './digest'
import { pagingOf } from './results'
import { DEFAULT_SYNONYMS } from './synonyms'
import { abbreviatedAmountsOf, withAmountsWrittenOut } from './terms'

/**
 * What the index stores: the document under a Meilisearch-safe primary key, with its own id kept as docId, and
 * its abbreviated amounts written out ("£40m" as "40 million") so a query written either way finds it.
 */
type IndexedDocument = Omit<SearchDocument, 'careArea' | 'id'> & {
  id: string
  docId: string
  careArea: string | null
  digest: string
  amounts: string
}

// Indexing a large batch or applying settings can take well over the client's 5 s default.
const TASK_TIMEOUT_MS = 60_000
// A search that hangs is worse than one that fails: the caller shows "search unavailable".
const REQUEST_TIMEOUT_MS = 10_000
// Roughly the embedded engine's 160-character snippet.
const CROP_WORDS = 28

// Control characters that never occur in indexed text (upsert strips them), so after escaping they can only be
// the highlight markers Meilisearch inserted, and turn into <mark> safely.
const PRE = '\u0001'
const POST = '\u0002'
const MARKERS = /[\u0001\u0002]/g

/**
 * Meilisearch ids allow only [a-zA-Z0-9_-]. ':' (the collection separator) becomes '-'; '-', '_' and anything else
 * become '_<hex code point>_'. Injective, hence reversible, so 'pages:12' and 'pages-12' never share a key.
 */
export const toMeilisearchId = ({ id }: { id: string }): string =>
  [...id].map((char) => (/[a-zA-Z0-9]/.test(char) ? char : char === ':' ? '-' : `_${char.codePointAt(0)?.toString(16)}_`)).join('')

/** Each member of a group finds the others; Meilisearch accepts multi-word synonyms. */
const synonymSettings = ({ synonyms }: { synonyms: SynonymGroup[] }): Record<string, string[]> => {
  const mapped: Record<string, string[]> = {}
  for (const group of synonyms) {
    for (const member of group) {
      const key = member.toLowerCase()
      const others = group.map((other) => other.toLowerCase()).filter((other) => other !== key)
      mapped[key] = [...new Set([...(mapped[key] ?? []), ...others])]
    }
  }
  return mapped
}

const indexSettings = ({ synonyms }: { synonyms: SynonymGroup[] }): Settings => ({
  // Order is the boost: a title match outranks a summary match, which outranks a body match.
  // 'amounts' last: it only repeats what the other fields say, written out.
  searchableAttributes: ['title', 'summary', 'body', 'amounts'],
  filterableAttributes: ['audience', 'type', 'careArea'],
  sortableAttributes: [],
  // The default order with 'attribute' moved up, so a title match beats a closer body match (as the embedded boosts do).
  rankingRules: ['words', 'typo', 'attribute', 'proximity', 'sort', 'exactness'],
  // Same reach as the embedded engine's fuzziness: one edit from 4 letters, two from 8.
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  synonyms: synonymSettings({ synonyms }),
  // A currency sign starts a new word, so "£40" is found as "40", as in the embedded engine.
  separatorTokens: ['£', '€', '$'],
  displayedAttributes: ['docId', 'type', 'title', 'summary', 'body', 'url', 'careArea', 'audience', 'date', 'digest'],
})

/** Waits for a task and turns a failed or cancelled one into a thrown error (the client resolves those). */
const settle = async ({ task, allow = [] }: { task: EnqueuedTaskPromise; allow?: string[] }) => {
  const done = await task.waitTask({ timeout: TASK_TIMEOUT_MS })
  if (done.status === 'succeeded' || (done.error && allow.includes(done.error.code))) return
  throw new Error(`Meilisearch task ${done.uid} (${done.type}) ${done.status}: ${done.error?.message ?? 'no error given'}`)
}

/** Filter values are quoted, with quotes and backslashes escaped, so a care area slug can never change the filter. */
const equals = ({ field, value }: { field: string; value: string }) => `${field} = "${value.replace(/["\\]/g, '\\$&')}"`

const clean = (text: string | undefined) => text?.replace(MARKERS, '')

const toIndexed = (doc: SearchDocument): IndexedDocument => ({
  ...doc,
  id: toMeilisearchId({ id: doc.id }),
  docId: doc.id,
  careArea: doc.careArea ?? null,
  // Of the document as given, before cleaning, so it compares equal with digestOf the database's version.
  digest: digestOf(doc),
  title: clean(doc.title) ?? '',
  summary: clean(doc.summary),
  body: clean(doc.body),
  amounts: abbreviatedAmountsOf([doc.title, doc.summary, doc.body].filter(Boolean).join('\n')),
})

const markCount = (text: string | undefined) => (text?.split(PRE).length ?? 1) - 1

/** Escapes the server's formatted text, then turns its markers into <mark>: Meilisearch itself escapes nothing. */
const toSnippet = ({ hit }: { hit: Hit<IndexedDocument> }) => {
  const formatted = hit._formatted ?? {}
  // Like the embedded engine: the summary or body with most matches (summary on a tie), else the title.
  const fields = (['summary', 'body'] as const).filter((field) => hit[field])
  const best = [...fields].sort((a, b) => markCount(formatted[b]) - markCount(formatted[a]))[0]
  const text = (best ? (formatted[best] ?? hit[best]) : (formatted.title ?? hit.title)) ?? ''
  return escapeHtml(text.replace(/\s+/g, ' ').trim()).replaceAll(PRE, '<mark>').replaceAll(POST, '</mark>')
}

const toHit = (hit: Hit<IndexedDocument>): SearchHit => ({
  id: hit.docId,
  type: hit.type,
  title: hit.title,
  url: hit.url,
  careArea: hit.careArea ?? null,
  snippet: toSnippet({ hit }),
  score: hit._rankingScore ?? 0,
})

type FacetName = 'careArea' | 'type'
const FACETS: FacetName[] = ['type', 'careArea']

export const createMeilisearchEngine = ({
  host,
  apiKey,
  indexName = 'hub',
  synonyms: initialSynonyms = DEFAULT_SYNONYMS,
}: {
  host: string
  apiKey?: string
  indexName?: string
  synonyms?: SynonymGroup[]
}): SearchEngine => {
  const client = new Meilisearch({ host, apiKey, timeout: REQUEST_TIMEOUT_MS })
  // Applied with the other settings whenever the index is (re)opened, and pushed by setSynonyms.
  let synonyms = initialSynonyms

  // Created and configured once per process, on first use; a failure is retried by the next call.
  let ready: Promise<Index<IndexedDocument>> | undefined
  const index = () => {
    ready ??= (async () => {
      await settle({ task: client.createIndex(indexName, { primaryKey: 'id' }), allow: ['index_already_exists'] })
      const created = client.index<IndexedDocument>(indexName)
      await settle({ task: created.updateSettings(indexSettings({ synonyms })) })
      return created
    })().catch((error: unknown) => {
      ready = undefined
      throw error
    })
    return ready
  }

  const upsert: SearchEngine['upsert'] = async (docs) => {
    if (docs.length === 0) return
    // The last version of an id in one batch wins, as it would across batches.
    const latest = new Map(docs.map((doc) => [doc.id, doc]))
    // addDocuments replaces the whole stored document, so fields dropped from a document disappear too.
    await settle({ task: (await index()).addDocuments([...latest.values()].map(toIndexed)) })
  }

  const remove: SearchEngine['remove'] = async (ids) => {
    if (ids.length === 0) return
    await settle({ task: (await index()).deleteDocuments(ids.map((id) => toMeilisearchId({ id }))) })
  }

  const search: SearchEngine['search'] = async (query: SearchQuery): Promise<SearchResult> => {
    const { page, pageSize } = pagingOf(query)
    const q = query.q.trim()
    if (!q) return { hits: [], total: 0, facets: { careArea: {}, type: {} }, suggestion: null, tookMs: 0 }
    await index()

    // The audience condition is part of every query, so hidden documents never reach hits, totals or facets.
    const selected: Record<FacetName, string | undefined> = { type: query.type, careArea: query.careArea }
    const filterWithout = ({ skip }: { skip?: FacetName }) => {
      const conditions = [
        ...(query.viewer === 'public' ? [equals({ field: 'audience', value: 'public' satisfies Audience })] : []),
        ...FACETS.flatMap((field) => (field !== skip && selected[field] ? [equals({ field, value: selected[field] })] : [])),
      ]
      // An array of conditions is ANDed; none at all is sent as no filter.
      return conditions.length > 0 ? conditions : undefined
    }

    // Amounts written out, as the documents' 'amounts' field holds them: "£40m" is sent as "£40 million".
    const base = { indexUid: indexName, q: withAmountsWrittenOut(q), matchingStrategy: 'all' as const }
    // Each facet is counted under the other facet's filter, so the page can offer the alternatives while one is
    // selected. A facet with no selection comes from the main query; a selected one needs its own hit-less query.
    const ownQueries = FACETS.filter((facet) => selected[facet])
    const queries: MultiSearchQuery[] = [
      {
        ...base,
        filter: filterWithout({}),
        facets: FACETS.filter((facet) => !selected[facet]),
        hitsPerPage: pageSize,
        page,
        attributesToRetrieve: ['docId', 'type', 'title', 'summary', 'body', 'url', 'careArea'],
        attributesToHighlight: ['title', 'summary', 'body'],
        attributesToCrop: ['summary', 'body'],
        cropLength: CROP_WORDS,
        cropMarker: '…',
        highlightPreTag: PRE,
        highlightPostTag: POST,
        showRankingScore: true,
      },
      ...ownQueries.map((facet) => ({ ...base, filter: filterWithout({ skip: facet }), facets: [facet], limit: 0 })),
    ]
    // One round trip for all of them; a network or server error rejects and reaches the caller.
    const { results } = await client.multiSearch<{ queries: MultiSearchQuery[] }, IndexedDocument>({ queries })
    const [main, ...facetResults] = results
    const distributionOf = (facet: FacetName) => {
      const source = selected[facet] ? facetResults[ownQueries.indexOf(facet)] : main
      return { ...source.facetDistribution?.[facet] }
    }

    return {
      hits: main.hits.map(toHit),
      total: main.totalHits ?? 0,
      facets: { type: distributionOf('type'), careArea: distributionOf('careArea') },
      // Meilisearch has no suggest API; typo tolerance covers most misspellings the suggestion would fix.
      suggestion: null,
      tookMs: main.processingTimeMs,
    }
  }

  const setSynonyms: SearchEngine['setSynonyms'] = async (groups) => {
    synonyms = groups
    await settle({ task: (await index()).updateSynonyms(synonymSettings({ synonyms })) })
  }

  const digests: SearchEngine['digests'] = async () => {
    const found = new Map<string, string>()
    const target = await index()
    const limit = 1000
    for (let offset = 0; ; offset += limit) {
      const page = await target.getDocuments({ fields: ['docId', 'digest'], limit, offset })
      for (const doc of page.results) found.set(doc.docId, doc.digest)
      if (page.results.length < limit) return found
    }
  }

  return {
    upsert,
    remove,
    search,
    setSynonyms,
    digests,
    count: async () => (await (await index()).getStats()).numberOfDocuments,
    clear: async () => settle({ task: (await index()).deleteAllDocuments() }),
  }
}
