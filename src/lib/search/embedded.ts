/**
 * In-process search for the hub: no server, the index lives in this Node process.
 *
 * Engine: MiniSearch. Measured with bench/search-engines.ts (2,000 synthetic guidance-sized documents of ~600
 * words, 200 mixed queries, same boosts and audience filter for both, Node 20):
 *
 *                   build   heap    p50      p95      title ranks 1st   one-typo title in top 10
 *   MiniSearch 7.2  865 ms  11 MB   1.8 ms   3.7 ms   20/20             20/20
 *   Orama 3.1       986 ms  30 MB   8.4 ms   19.7 ms  20/20             16/20
 *
 * Why MiniSearch: about a third of the memory and 4-5x faster queries; fuzziness is a fraction of the term's
 * length (0.2 allows one edit in 'insulin', two in 'retinopathy') where Orama's tolerance is one edit
 * distance for every term, which lost 4 of 20 misspelt titles; a nested AND/OR query tree carries the synonym
 * expansion; autoSuggest over the indexed terms gives "did you mean"; and discard/replace update the index in
 * place. Orama's typed schema and where-clauses were attractive, but none of it outweighs the above here.
 */
import MiniSearch from 'minisearch'
import type { SearchOptions, SearchResult as MiniSearchResult } from 'minisearch'

import type { SynonymGroup } from './synonyms'
import type { Audience, SearchDocument, SearchEngine, SearchHit, SearchQuery, SearchResult } from './types'

import { digestOf } from './digest'
import { filterAndCount, pagingOf } from './results'
import { snippet } from './snippet'
import { DEFAULT_SYNONYMS, expandQuery } from './synonyms'
import { searchWordsOf } from './terms'

// Dropped from documents and queries alike, so 'care for diabetes' does not require the word 'for' under AND.
const STOP_WORDS = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'how', 'in', 'is', 'it', 'of', 'on', 'or', 'the', 'to', 'what', 'with'])

const processTerm = (term: string) => {
  const lower = term.toLowerCase()
  return STOP_WORDS.has(lower) ? null : lower
}

const SEARCH_OPTIONS: SearchOptions = {
  boost: { title: 3, summary: 1.5, body: 1 },
  combineWith: 'AND',
  // Prefix on short terms would make '2' match '2024'; typos in short terms are usually other real words.
  prefix: (term) => term.length >= 3,
  fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
}


type Stored = Pick<SearchDocument, 'audience' | 'careArea' | 'type'>

const visibleTo = (viewer: Audience) => (result: MiniSearchResult) => viewer === 'professional' || (result as unknown as Stored).audience === 'public'

/** The field the snippet comes from: the one with most matched terms, the summary or body before the title (shown anyway). */
const snippetText = ({ doc, result }: { doc: SearchDocument; result: MiniSearchResult }) => {
  const fields = [doc.summary ? 'summary' : null, doc.body ? 'body' : null].filter((f): f is 'body' | 'summary' => f !== null)
  const matchesIn = (field: string) => Object.values(result.match).filter((inFields) => inFields.includes(field)).length
  const best = [...fields].sort((a, b) => matchesIn(b) - matchesIn(a))[0]
  return best ? (doc[best] ?? '') : doc.title
}

export const createEmbeddedEngine = ({ synonyms: initialSynonyms = DEFAULT_SYNONYMS }: { synonyms?: SynonymGroup[] } = {}): SearchEngine => {
  // Expanded at query time, so a change applies to the next query without re-indexing.
  let synonyms = initialSynonyms
  const index = new MiniSearch<SearchDocument>({
    fields: ['title', 'summary', 'body'],
    storeFields: ['audience', 'careArea', 'type'],
    // Splits on currency signs as well as punctuation and writes amounts out, in documents and queries alike.
    tokenize: searchWordsOf,
    processTerm,
    searchOptions: SEARCH_OPTIONS,
  })
  // Full documents for snippets and hits; the index itself stores only what its filter needs.
  const documents = new Map<string, SearchDocument>()

  const upsert: SearchEngine['upsert'] = async (docs) => {
    // The last version of an id in one batch wins, as it would across batches.
    const latest = new Map(docs.map((doc) => [doc.id, doc]))
    for (const doc of latest.values()) {
      if (index.has(doc.id)) index.replace(doc)
      else index.add(doc)
      documents.set(doc.id, doc)
    }
  }

  const remove: SearchEngine['remove'] = async (ids) => {
    for (const id of ids) {
      if (!index.has(id)) continue
      index.discard(id)
      documents.delete(id)
    }
  }

  const suggest = ({ q, viewer }: { q: string; viewer: Audience }) => {
    // Looser than search so a misspelling too far for the search itself still finds a word; filtered by
    // audience so a suggestion never reveals a term that appears only in professional documents.
    const [best] = index.autoSuggest(q, { fuzzy: 0.4, prefix: false, filter: visibleTo(viewer) })
    return best && best.suggestion !== q.trim().toLowerCase() ? best.suggestion : null
  }

  const search: SearchEngine['search'] = async (query: SearchQuery): Promise<SearchResult> => {
    const started = performance.now()
    const { page, pageSize } = pagingOf(query)
    const q = query.q.trim()
    const empty = { hits: [], total: 0, facets: { careArea: {}, type: {} }, suggestion: null }
    if (!q) return { ...empty, tookMs: performance.now() - started }

    // The audience filter runs inside the engine, so hidden documents never reach totals, facets or suggestions.
    // Each variant keeps AND between its own words (a nested query inherits the outer combineWith otherwise).
    const variants = expandQuery({ q, synonyms }).map((variant) => ({ combineWith: 'AND' as const, queries: [variant] }))
    const matches = index.search({ combineWith: 'OR', queries: variants }, { filter: visibleTo(query.viewer) })

    // All counts are over every match, before paging.
    const { facets, filtered } = filterAndCount({ fieldsOf: (result) => result as unknown as Stored, matches, query })

    const hits = filtered.slice((page - 1) * pageSize, page * pageSize).map((result): SearchHit => {
      const doc = documents.get(result.id) as SearchDocument
      return {
        id: doc.id,
        type: doc.type,
        title: doc.title,
        url: doc.url,
        careArea: doc.careArea ?? null,
        snippet: snippet({ text: snippetText({ doc, result }), terms: result.terms }),
        score: result.score,
      }
    })
    const suggestion = filtered.length === 0 ? suggest({ q, viewer: query.viewer }) : null
    return { hits, total: filtered.length, facets, suggestion, tookMs: performance.now() - started }
  }

  return {
    upsert,
    remove,
    search,
    setSynonyms: async (groups) => {
      synonyms = groups
    },
    digests: async () => new Map([...documents.values()].map((doc) => [doc.id, digestOf(doc)])),
    count: async () => index.documentCount,
    clear: async () => {
      index.removeAll()
      documents.clear()
    },
  }
}
