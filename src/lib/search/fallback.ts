import type { Payload, Where } from 'payload'

import type { Meeting, Recommendation } from '../../payload-types'
import type { SearchableCollection } from './source'
import type { Audience, SearchDocument, SearchHit, SearchQuery, SearchResult } from './types'

import { meetingSearchDocument, recommendationSearchDocument, runsGovernance } from '../governance/search'
import { filterAndCount, pagingOf } from './results'
import { snippet } from './snippet'
import { loadSitePageSearchDocument, SEARCHABLE_COLLECTIONS, SITE_PAGE_TEXTS, toSearchDocuments } from './source'
import { searchWordsOf, wordVariantsOf } from './terms'

/** The stored fields a database search can match, per collection; rich text bodies are not plain columns. */
const MATCHED_FIELDS: Record<SearchableCollection, string[]> = {
  'care-areas': ['title', 'summary'],
  'commissioning-tips': ['title', 'body'],
  documents: ['title', 'summary', 'extractedText'],
  pages: ['title', 'summary'],
  'parliamentary-questions': ['heading', 'question', 'answer'],
  'questions-and-answers': ['question'],
  updates: ['title', 'summary'],
}

/** Collections with an `audience` field; the rest are public. */
const WITH_AUDIENCE = new Set<SearchableCollection>(['documents', 'pages'])

// Enough for a useful first page or two; a database scan is the stand-in, not the search.
const PER_COLLECTION = 50

/** Title words count most, as the engines' boosts do; a plain count is enough to put title matches first. */
const scoreOf = ({ doc, words }: { doc: SearchDocument; words: string[] }) => {
  const count = (text: string | undefined) => {
    const found = new Set(searchWordsOf(text ?? ''))
    return words.filter((word) => found.has(word)).length
  }
  return count(doc.title) * 3 + count(doc.summary) * 1.5 + count(doc.body)
}

/**
 * Every word of one variant in one of the fields (each word may be in a different field), for any variant.
 * Payload's `like` needs every word of a phrase in the one field, hence one condition per word.
 */
const matching = ({ fields, variants }: { fields: string[]; variants: string[][] }): Where => ({
  or: variants.map((words): Where => ({ and: words.map((word): Where => ({ or: fields.map((field) => ({ [field]: { like: word } })) })) })),
})

type Finder = (args: { payload: Payload; variants: string[][]; viewer: Audience }) => Promise<SearchDocument[]>

const TRUSTED = { draft: false, limit: PER_COLLECTION, overrideAccess: true } as const

/** Published documents of a content collection, matched on its plain fields. */
const contentFinder =
  (collection: SearchableCollection): Finder =>
  async ({ payload, variants, viewer }) => {
    const found = await payload.find({
      collection,
      depth: 0,
      where: {
        and: [
          { _status: { equals: 'published' } },
          matching({ fields: MATCHED_FIELDS[collection], variants }),
          ...(viewer === 'public' && WITH_AUDIENCE.has(collection) ? [{ audience: { equals: 'public' } }] : []),
        ],
      },
      ...TRUSTED,
    })
    return toSearchDocuments({ collection, docs: found.docs as never, payload })
  }

/** Recommendations: title, detail, sub-points and review, with their own audience. */
const findRecommendations: Finder = async ({ payload, variants, viewer }) => {
  if (!runsGovernance({ payload })) return []
  const found = await payload.find({
    collection: 'recommendations',
    depth: 0,
    where: {
      and: [
        matching({ fields: ['title', 'detail', 'subPoints.text', 'review'], variants }),
        ...(viewer === 'public' ? [{ audience: { equals: 'public' } }] : []),
      ],
    },
    ...TRUSTED,
  })
  return found.docs.map((recommendation) => recommendationSearchDocument({ recommendation: recommendation as Recommendation }))
}

// Words of the minutes' own title ("<group>: minutes of <day>"), which no column holds: every approved minute has them.
const MINUTES_TITLE_WORDS = new Set(['minutes', 'of'])

/** Approved minutes of the groups the viewer may see: agenda items, minutes and decisions, or the group's name. */
const findMinutes: Finder = async ({ payload, variants, viewer }) => {
  if (!runsGovernance({ payload })) return []
  const stored = variants.map((words) => words.filter((word) => !MINUTES_TITLE_WORDS.has(word)))
  const found = await payload.find({
    collection: 'meetings',
    depth: 1,
    sort: '-startsAt',
    where: {
      and: [
        { minutesStatus: { equals: 'approved' } },
        { 'group.visibility': { in: viewer === 'public' ? ['public'] : ['public', 'professional'] } },
        // A query of title words only ("minutes") lists the latest minutes.
        ...(stored.some((words) => words.length === 0)
          ? []
          : [
              matching({
                fields: ['agendaItems.title', 'agendaItems.minute', 'agendaItems.decision', 'group.name', 'group.purpose'],
                variants: stored,
              }),
            ]),
      ],
    },
    ...TRUSTED,
  })
  return found.docs.flatMap((meeting) => meetingSearchDocument({ meeting: meeting as Meeting }) ?? [])
}

/** Site pages with fixed wording are matched on that wording, word for word, without the database. */
const findSitePages: Finder = async ({ payload, variants }) => {
  const pages = SITE_PAGE_TEXTS.filter(({ text }) => {
    const words = new Set(searchWordsOf(text))
    return variants.some((variant) => variant.every((word) => words.has(word)))
  })
  const docs = await Promise.all(pages.map(({ key }) => loadSitePageSearchDocument({ id: key, payload })))
  return docs.filter((doc): doc is SearchDocument => doc !== null)
}

const FINDERS: Finder[] = [...SEARCHABLE_COLLECTIONS.map(contentFinder), findRecommendations, findMinutes, findSitePages]

/**
 * Search straight from the database, for when the engine is down or still building: every query word must
 * appear (a case-insensitive substring match) in one of the collection's plain fields. Amounts are matched
 * however they are written ("40 million" also looks for "40m"). No typo tolerance, synonyms or suggestions;
 * the audience condition is part of the database query, as it is of the engines'.
 */
export const searchDatabase = async ({ payload, query }: { payload: Payload; query: SearchQuery }): Promise<SearchResult> => {
  const started = performance.now()
  const q = query.q.trim()
  const { page, pageSize } = pagingOf(query)
  const variants = wordVariantsOf(q)
  const [words] = variants
  if (words.length === 0)
    return { hits: [], total: 0, facets: { careArea: {}, type: {} }, suggestion: null, tookMs: performance.now() - started }

  const matches: SearchDocument[] = []
  for (const find of FINDERS) {
    const docs = await find({ payload, variants, viewer: query.viewer })
    // The audience is also checked on the mapped document: a page inherits nothing, but a minute's group decides.
    matches.push(...docs.filter((doc) => query.viewer === 'professional' || doc.audience === 'public'))
  }

  const { facets, filtered } = filterAndCount({ fieldsOf: (doc) => doc, matches, query })
  const ranked = filtered.map((doc) => ({ doc, score: scoreOf({ doc, words }) })).sort((a, b) => b.score - a.score)
  const hits = ranked.slice((page - 1) * pageSize, page * pageSize).map(({ doc, score }): SearchHit => ({
    id: doc.id,
    type: doc.type,
    title: doc.title,
    url: doc.url,
    careArea: doc.careArea ?? null,
    snippet: snippet({ text: doc.summary || doc.body || doc.title, terms: variants.flat() }),
    score,
  }))
  return {
    hits,
    total: ranked.length,
    facets,
    suggestion: null,
    tookMs: performance.now() - started,
  }
}
