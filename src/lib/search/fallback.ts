import type { Payload, Where } from 'payload'

import type { SearchableCollection } from './source'
import type { SearchDocument, SearchHit, SearchQuery, SearchResult } from './types'

import { filterAndCount, pagingOf } from './results'
import { snippet } from './snippet'
import { SEARCHABLE_COLLECTIONS, toSearchDocuments } from './source'

/** The stored fields a database search can match, per collection; rich text bodies are not plain columns. */
const MATCHED_FIELDS: Record<SearchableCollection, string[]> = {
  'care-areas': ['title', 'summary'],
  'commissioning-tips': ['title', 'body'],
  documents: ['title', 'summary', 'extractedText'],
  pages: ['title', 'summary'],
  'parliamentary-questions': ['heading', 'question', 'answer'],
  updates: ['title', 'summary'],
}

/** Collections with an `audience` field; the rest are public. */
const WITH_AUDIENCE = new Set<SearchableCollection>(['documents', 'pages'])

// Enough for a useful first page or two; a database scan is the stand-in, not the search.
const PER_COLLECTION = 50

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

/** Title words count most, as the engines' boosts do; a plain count is enough to put title matches first. */
const scoreOf = ({ doc, words }: { doc: SearchDocument; words: string[] }) => {
  const count = (text: string | undefined) => {
    const found = new Set(wordsOf(text ?? ''))
    return words.filter((word) => found.has(word)).length
  }
  return count(doc.title) * 3 + count(doc.summary) * 1.5 + count(doc.body)
}

/**
 * Search straight from the database, for when the engine is down or still building: every query word must
 * appear (a case-insensitive substring match) in one of the collection's plain fields. No typo tolerance,
 * synonyms or suggestions; the audience condition is part of the database query, as it is of the engines'.
 */
export const searchDatabase = async ({ payload, query }: { payload: Payload; query: SearchQuery }): Promise<SearchResult> => {
  const started = performance.now()
  const q = query.q.trim()
  const { page, pageSize } = pagingOf(query)
  const words = wordsOf(q)
  if (words.length === 0) return { hits: [], total: 0, facets: { careArea: {}, type: {} }, suggestion: null, tookMs: performance.now() - started }

  const matches: SearchDocument[] = []
  for (const collection of SEARCHABLE_COLLECTIONS) {
    const conditions: Where[] = [
      { _status: { equals: 'published' } },
      // Payload's `like` needs every word of the phrase in the one field; each word may be in a different field here.
      ...words.map((word): Where => ({ or: MATCHED_FIELDS[collection].map((field) => ({ [field]: { like: word } })) })),
      ...(query.viewer === 'public' && WITH_AUDIENCE.has(collection) ? [{ audience: { equals: 'public' } }] : []),
    ]
    const found = await payload.find({
      collection,
      depth: 0,
      draft: false,
      limit: PER_COLLECTION,
      overrideAccess: true,
      where: { and: conditions },
    })
    const docs = await toSearchDocuments({ collection, docs: found.docs as never, payload })
    matches.push(...docs.filter((doc) => query.viewer === 'professional' || doc.audience === 'public'))
  }

  const { facets, filtered } = filterAndCount({ fieldsOf: (doc) => doc, matches, query })
  const ranked = filtered
    .map((doc) => ({ doc, score: scoreOf({ doc, words }) }))
    .sort((a, b) => b.score - a.score)
  const hits = ranked.slice((page - 1) * pageSize, page * pageSize).map(
    ({ doc, score }): SearchHit => ({
      id: doc.id,
      type: doc.type,
      title: doc.title,
      url: doc.url,
      careArea: doc.careArea ?? null,
      snippet: snippet({ text: doc.summary || doc.body || doc.title, terms: words }),
      score,
    }),
  )
  return {
    hits,
    total: ranked.length,
    facets,
    suggestion: null,
    tookMs: performance.now() - started,
  }
}
