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
import { pagingOf } from './results'
import { createScorer } from './scorer'
import { snippet } from './snippet'
import { DEFAULT_SYNONYMS, expandQuery } from './synonyms'
import { searchWordsOf } from './terms'

// Dropped from documents and queries alike, so 'care for diabetes' does not require the word 'for' under AND.
export const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'how',
  'in',
  'is',
  'it',
  'of',
  'on',
  'or',
  'the',
  'to',
  'what',
  'with',
])

// Terms arrive lower-cased from the tokenizer (searchWordsOf), for documents and queries alike.
const processTerm = (term: string) => (STOP_WORDS.has(term) ? null : term)

const BOOST = { title: 3, summary: 1.5, body: 1 }
// Prefix on short terms would make '2' match '2024'; typos in short terms are usually other real words.
const prefix = (term: string) => term.length >= 3
const fuzzy = (term: string) => (term.length >= 4 ? 0.2 : false)

/** How documents are indexed, and the ranking the scorer reproduces (exported so tests can rank with MiniSearch itself). */
export const INDEX_OPTIONS = {
  fields: ['title', 'summary', 'body'],
  storeFields: ['audience', 'careArea', 'type'],
  // Splits on currency signs as well as punctuation and writes amounts out, in documents and queries alike.
  tokenize: searchWordsOf,
  processTerm,
  searchOptions: { boost: BOOST, combineWith: 'AND', fuzzy, prefix } satisfies SearchOptions,
}

type Stored = Pick<SearchDocument, 'audience' | 'careArea' | 'type'>

const visibleTo = (viewer: Audience) => (result: MiniSearchResult) =>
  viewer === 'professional' || (result as unknown as Stored).audience === 'public'

/** The field the snippet comes from: the one with most matched terms, the summary or body before the title (shown anyway). */
const snippetText = ({ doc, match }: { doc: SearchDocument; match: Record<string, string[]> }) => {
  const fields = [doc.summary ? 'summary' : null, doc.body ? 'body' : null].filter((f): f is 'body' | 'summary' => f !== null)
  const matchesIn = (field: string) => Object.values(match).filter((inFields) => inFields.includes(field)).length
  const best = [...fields].sort((a, b) => matchesIn(b) - matchesIn(a))[0]
  return best ? (doc[best] ?? '') : doc.title
}

export const createEmbeddedEngine = ({
  synonyms: initialSynonyms = DEFAULT_SYNONYMS,
}: { synonyms?: SynonymGroup[] } = {}): SearchEngine => {
  // Expanded at query time, so a change applies to the next query without re-indexing.
  let synonyms = initialSynonyms
  const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS)
  // Full documents for snippets and hits; the index itself stores only what its filter needs.
  const documents = new Map<string, SearchDocument>()
  const score = createScorer({ index, options: { boost: BOOST, fuzzy, prefix, processTerm, tokenize: searchWordsOf } })
  // Counts writes, so the scorer knows when to re-read document lengths.
  let generation = 0

  const upsert: SearchEngine['upsert'] = async (docs) => {
    // The last version of an id in one batch wins, as it would across batches.
    const latest = new Map(docs.map((doc) => [doc.id, doc]))
    generation++
    for (const doc of latest.values()) {
      if (index.has(doc.id)) index.replace(doc)
      else index.add(doc)
      documents.set(doc.id, doc)
    }
  }

  const remove: SearchEngine['remove'] = async (ids) => {
    generation++
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

    // The audience filter runs inside the scorer, so hidden documents never reach totals, facets or suggestions.
    // All counts are over every match, before paging.
    const scored = score({
      audience: query.viewer === 'professional' ? null : 'public',
      careArea: query.careArea,
      generation,
      limit: pageSize,
      offset: (page - 1) * pageSize,
      query: expandQuery({ q, synonyms }),
      type: query.type,
    })

    const hits = scored.hits.map((hit): SearchHit => {
      const doc = documents.get(hit.id) as SearchDocument
      return {
        id: doc.id,
        type: doc.type,
        title: doc.title,
        url: doc.url,
        careArea: doc.careArea ?? null,
        snippet: snippet({ text: snippetText({ doc, match: hit.match }), terms: Object.keys(hit.match) }),
        score: hit.score,
      }
    })
    const suggestion = scored.total === 0 ? suggest({ q, viewer: query.viewer }) : null
    return { hits, total: scored.total, facets: scored.facets, suggestion, tookMs: performance.now() - started }
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
      generation++
      index.removeAll()
      documents.clear()
    },
  }
}
