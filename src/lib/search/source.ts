import type { Payload } from 'payload'

import fs from 'node:fs/promises'
import path from 'node:path'

import type { CareArea, CommissioningTip, Document, Page, ParliamentaryQuestion, QuestionsAndAnswer, Update } from '../../payload-types'
import type { Audience, SearchDocument } from './types'

import { mediaDir } from '../env'
import {
  loadAllMeetingSearchDocuments,
  loadAllRecommendationSearchDocuments,
  loadMeetingSearchDocument,
  loadRecommendationSearchDocument,
  meetingsOfGroup,
} from '../governance/search'
import { plainTextOf } from '../richtext/build'
import { careAreaPath, documentPath, parliamentaryQuestionPath, questionAndAnswerPath, tipPath, updatePath } from '../routes'
import { guidancePlace, MAX_GUIDANCE_DEPTH } from '../routes/guidance-tree'
import { hasFile, referenceLine } from '../site/documents'
import { relationId } from '../site/format'
import { TEN_TOP_TIPS } from '../site/ten-top-tips'
import { extractPdfText } from './pdf-text'

/** The collections whose published documents are searchable. */
export const SEARCHABLE_COLLECTIONS = [
  'care-areas',
  'pages',
  'commissioning-tips',
  'updates',
  'parliamentary-questions',
  'questions-and-answers',
  'documents',
] as const

export type SearchableCollection = (typeof SEARCHABLE_COLLECTIONS)[number]

export const isSearchableCollection = (value: string): value is SearchableCollection =>
  (SEARCHABLE_COLLECTIONS as readonly string[]).includes(value)

export const searchDocumentId = ({ collection, id }: { collection: string; id: number | string }): string => `${collection}:${id}`

// Trusted reads of the published versions: the index holds everything published and filters by audience itself.
const TRUSTED = { depth: 0, draft: false, overrideAccess: true } as const

type Key = number | string

/**
 * Care areas and pages looked up while building guidance addresses, memoised so a full load reads each
 * ancestor once. Null for a missing or unpublished one: anything under it is not on the site.
 */
type Lookups = {
  careArea: (id: Key) => Promise<CareArea | null>
  page: (id: Key) => Promise<null | Page>
}

const memoised = <T>({ load }: { load: (id: Key) => Promise<null | T> }) => {
  const cache = new Map<string, Promise<null | T>>()
  return (id: Key): Promise<null | T> => {
    const key = String(id)
    if (!cache.has(key)) cache.set(key, load(id))
    return cache.get(key)!
  }
}

const publishedById = async <T extends { _status?: null | string }>({
  collection,
  id,
  payload,
}: {
  collection: SearchableCollection
  id: Key
  payload: Payload
}): Promise<null | T> => {
  const doc = (await payload.findByID({ collection, disableErrors: true, id, ...TRUSTED }).catch(() => null)) as null | T
  return doc?._status === 'published' ? doc : null
}

const createLookups = ({ payload }: { payload: Payload }): Lookups => ({
  careArea: memoised({
    load: (id) => publishedById<CareArea>({ collection: 'care-areas', id, payload }),
  }),
  page: memoised({
    load: (id) => publishedById<Page>({ collection: 'pages', id, payload }),
  }),
})

/**
 * Text of the PDF, as read at upload; none for other file types or an unreadable file (the document stays
 * findable by title). Files uploaded before the text was kept are read from disk instead.
 */
const documentBody = async ({ doc }: { doc: Document }): Promise<string | undefined> => {
  if (typeof doc.extractedText === 'string') return doc.extractedText || undefined
  if (doc.mimeType !== 'application/pdf' || !doc.filename) return undefined
  try {
    const data = await fs.readFile(path.join(mediaDir(), 'documents', path.basename(doc.filename)))
    const result = await extractPdfText({ data })
    return result.ok ? result.text : undefined
  } catch {
    return undefined
  }
}

const audienceOf = (value: unknown): Audience => (value === 'professional' ? 'professional' : 'public')

/** Maps one published document to what the index stores; null when it is not on the site. */
const toSearchDocument = async ({
  collection,
  doc,
  lookups,
}: {
  collection: SearchableCollection
  doc: Record<string, unknown> & { id: Key }
  lookups: Lookups
}): Promise<null | SearchDocument> => {
  const id = searchDocumentId({ collection, id: doc.id })
  switch (collection) {
    case 'care-areas': {
      const area = doc as unknown as CareArea
      const body = plainTextOf({ value: area.body })
      return {
        id,
        type: 'care-area',
        title: area.title,
        summary: area.summary,
        body,
        url: careAreaPath({ slug: area.slug }),
        careArea: area.title,
        audience: 'public',
        date: null,
      }
    }
    case 'pages': {
      const page = doc as unknown as Page
      const place = await guidancePlace({ careAreaOf: lookups.careArea, page, pageOf: lookups.page })
      if (!place) return null
      const body = plainTextOf({ value: page.body })
      return {
        id,
        type: 'guidance',
        title: page.title,
        summary: page.summary,
        body,
        url: place.path,
        careArea: place.careArea.title,
        audience: audienceOf(page.audience),
        date: null,
      }
    }
    case 'commissioning-tips': {
      const tip = doc as unknown as CommissioningTip
      return {
        id,
        type: 'tip',
        title: tip.title,
        body: tip.body,
        url: tipPath({ slug: tip.slug }),
        careArea: null,
        audience: 'public',
        date: null,
      }
    }
    case 'updates': {
      const update = doc as unknown as Update
      const type = update.isConsultation ? 'consultation' : 'update'
      const body = plainTextOf({ value: update.body })
      return {
        id,
        type,
        title: update.title,
        summary: update.summary ?? undefined,
        body,
        url: updatePath({ slug: update.slug }),
        careArea: null,
        audience: 'public',
        date: update.date,
      }
    }
    case 'parliamentary-questions': {
      const question = doc as unknown as ParliamentaryQuestion
      const body = [question.question, question.answer].filter(Boolean).join('\n')
      const url = parliamentaryQuestionPath({ slug: question.slug })
      return {
        id,
        type: 'question',
        title: question.heading,
        body,
        url,
        careArea: null,
        audience: 'public',
        date: question.dateAnswered ?? question.dateAsked,
      }
    }
    case 'questions-and-answers': {
      const answer = doc as unknown as QuestionsAndAnswer
      // Its own address does not depend on the care area: the area only names it (when published).
      const careArea = await lookups.careArea(relationId(answer.careArea) ?? '')
      return {
        id,
        type: 'answer',
        title: answer.question,
        body: plainTextOf({ value: answer.answer }),
        url: questionAndAnswerPath({ slug: String(answer.slug) }),
        careArea: careArea?.title ?? null,
        audience: 'public',
        date: null,
      }
    }
    case 'documents': {
      const file = doc as unknown as Document
      // An entry without a file is still found: it leads to its library page, which says who holds the document.
      const body = [referenceLine({ document: file }), await documentBody({ doc: file })].filter(Boolean).join('\n')
      return {
        id,
        type: 'document',
        title: file.title,
        summary: file.summary ?? undefined,
        body,
        url: hasFile({ document: file }) ? file.url! : documentPath({ id: file.id }),
        careArea: null,
        audience: audienceOf(file.audience),
        date: file.publicationDate,
      }
    }
  }
}

/**
 * Pages of the site that are no document of their own but are found as pages, under this pseudo-collection:
 * the ten top tips page, whose text is its fixed introduction and the titles of the published tips.
 */
export const SITE_PAGES = 'site-pages'
const TEN_TOP_TIPS_KEY = 'ten-top-tips'

const tenTopTipsSearchDocument = async ({ payload }: { payload: Payload }): Promise<SearchDocument> => {
  const { docs } = await payload.find({
    collection: 'commissioning-tips',
    pagination: false,
    select: { title: true },
    sort: 'rank',
    where: { _status: { equals: 'published' } },
    ...TRUSTED,
  })
  return {
    id: searchDocumentId({ collection: SITE_PAGES, id: TEN_TOP_TIPS_KEY }),
    type: 'tip',
    title: TEN_TOP_TIPS.title,
    summary: TEN_TOP_TIPS.description,
    body: [TEN_TOP_TIPS.lede, ...docs.map((tip) => tip.title)].join('\n'),
    url: TEN_TOP_TIPS.path,
    careArea: null,
    audience: 'public',
    date: null,
  }
}

/** The site pages the database search can offer without reading the database: matched on their fixed wording. */
export const SITE_PAGE_TEXTS = [{ key: TEN_TOP_TIPS_KEY, text: `${TEN_TOP_TIPS.title} ${TEN_TOP_TIPS.description}` }]

export const loadSitePageSearchDocument = async ({ id, payload }: { id: Key; payload: Payload }): Promise<null | SearchDocument> =>
  String(id) === TEN_TOP_TIPS_KEY ? tenTopTipsSearchDocument({ payload }) : null

/** A document of any collection by id, with the Payload to read it: what loading it and finding its dependants both take. */
export type DocumentRef = { collection: string; id: Key; payload: Payload }

/** The published document as the index should hold it, or null when it is gone, unpublished or not on the site. */
export const loadSearchDocument = async ({ collection, id, payload }: DocumentRef): Promise<null | SearchDocument> => {
  // Approved minutes and recommendations have no draft/published status of their own: the governance module decides.
  if (collection === 'meetings') return loadMeetingSearchDocument({ id, payload })
  if (collection === 'recommendations') return loadRecommendationSearchDocument({ id, payload })
  if (collection === SITE_PAGES) return loadSitePageSearchDocument({ id, payload })
  if (!isSearchableCollection(collection)) return null
  const doc = await publishedById<Record<string, unknown> & { _status?: null | string; id: Key }>({ collection, id, payload })
  return doc ? toSearchDocument({ collection, doc, lookups: createLookups({ payload }) }) : null
}

type ReadDocuments = { collection: SearchableCollection; docs: (Record<string, unknown> & { id: Key })[] }

/** One page of documents mapped in order, dropping those not on the site; the full load shares `lookups` across pages. */
const mapSearchDocuments = async ({ collection, docs, lookups }: ReadDocuments & { lookups: Lookups }): Promise<SearchDocument[]> => {
  const mapped: SearchDocument[] = []
  for (const doc of docs) {
    const found = await toSearchDocument({ collection, doc, lookups })
    if (found) mapped.push(found)
  }
  return mapped
}

/** Maps documents already read from `collection` (published versions), dropping those not on the site. */
export const toSearchDocuments = async ({ collection, docs, payload }: ReadDocuments & { payload: Payload }): Promise<SearchDocument[]> =>
  mapSearchDocuments({ collection, docs, lookups: createLookups({ payload }) })

const PAGE_SIZE = 500

/**
 * The fields each collection's search document is made from, for the collections read straight from the
 * database adapter: none of their fields is computed on read, and Payload's read pass (field hooks, relation
 * traversal) was a fifth of building the index from 10,000 pages. Documents are read through Payload: their
 * file URL is computed on read. A field added to a search document must be added here too (search-sync.test.ts
 * compares every document of the full load with the same document read through Payload).
 */
const FIELDS_READ: Partial<Record<SearchableCollection, Record<string, true>>> = {
  'care-areas': { body: true, slug: true, summary: true, title: true },
  'commissioning-tips': { body: true, slug: true, title: true },
  pages: { audience: true, body: true, careArea: true, parent: true, slug: true, summary: true, title: true },
  'parliamentary-questions': { answer: true, dateAnswered: true, dateAsked: true, heading: true, question: true, slug: true },
  'questions-and-answers': { answer: true, careArea: true, question: true, slug: true },
  updates: { body: true, date: true, isConsultation: true, slug: true, summary: true, title: true },
}

const readPublished = ({ collection, page, payload }: { collection: SearchableCollection; page: number; payload: Payload }) => {
  const where = { _status: { equals: 'published' } }
  const select = FIELDS_READ[collection]
  return select
    ? payload.db.find<Record<string, unknown> & { id: Key }>({ collection, limit: PAGE_SIZE, page, select, sort: 'id', where })
    : payload.find({ collection, limit: PAGE_SIZE, page, sort: 'id', where, ...TRUSTED })
}

/**
 * Every searchable published document, a page of up to 500 at a time: a caller that handles each page and lets
 * it go (the reconcile) never holds a second copy of the whole index's text.
 */
export async function* searchDocumentPages({ payload }: { payload: Payload }): AsyncGenerator<SearchDocument[]> {
  const lookups = createLookups({ payload })
  for (const collection of SEARCHABLE_COLLECTIONS) {
    for (let page = 1; ; page++) {
      const result = await readPublished({ collection, page, payload })
      yield await mapSearchDocuments({ collection, docs: result.docs as unknown as ReadDocuments['docs'], lookups })
      if (!result.hasNextPage) break
    }
  }
  yield await loadAllMeetingSearchDocuments({ payload })
  yield await loadAllRecommendationSearchDocuments({ payload })
  yield [await tenTopTipsSearchDocument({ payload })]
}

/** Every searchable published document. */
export const loadAllSearchDocuments = async ({ payload }: { payload: Payload }): Promise<SearchDocument[]> => {
  const all: SearchDocument[] = []
  for await (const page of searchDocumentPages({ payload })) all.push(...page)
  return all
}

/**
 * Documents whose indexed form depends on this one: the pages in a care area, or the pages below a page
 * (their address and visibility follow their ancestors). Read whatever their status; the caller re-loads each.
 */
export const dependentTargets = async ({
  collection,
  id,
  payload,
}: DocumentRef): Promise<{ collection: 'meetings' | SearchableCollection | typeof SITE_PAGES; id: Key }[]> => {
  if (collection === 'groups') return meetingsOfGroup({ id, payload })
  // The tips page lists every published tip's title.
  if (collection === 'commissioning-tips') return [{ collection: SITE_PAGES, id: TEN_TOP_TIPS_KEY }]
  const ids = async (where: object, of: 'pages' | 'questions-and-answers' = 'pages') =>
    (
      await payload.find({
        collection: of,
        depth: 0,
        limit: 0,
        overrideAccess: true,
        pagination: false,
        select: {},
        where: where as never,
      })
    ).docs.map((page) => page.id)
  if (collection === 'care-areas') {
    // Its pages' addresses and visibility follow it; its published answers carry its title.
    const [pages, answers] = await Promise.all([
      ids({ careArea: { equals: id } }),
      ids({ careArea: { equals: id } }, 'questions-and-answers'),
    ])
    return [
      ...pages.map((pageId) => ({ collection: 'pages' as const, id: pageId })),
      ...answers.map((answerId) => ({ collection: 'questions-and-answers' as const, id: answerId })),
    ]
  }
  if (collection !== 'pages') return []
  const found = new Map<string, Key>()
  let frontier: Key[] = [id]
  for (let depth = 0; frontier.length > 0 && depth < MAX_GUIDANCE_DEPTH; depth++) {
    const children = (await ids({ parent: { in: frontier } })).filter((child) => !found.has(String(child)) && String(child) !== String(id))
    for (const child of children) found.set(String(child), child)
    frontier = children
  }
  return [...found.values()].map((pageId) => ({
    collection: 'pages',
    id: pageId,
  }))
}
