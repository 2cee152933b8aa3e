import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import { isPolicyKind, policyKind } from '../policies/kinds'
import type { CareArea, Page } from '../../payload-types'

import {
  CARE_AREAS,
  careAreaPath,
  DOCUMENTS,
  documentPath,
  PARLIAMENTARY_QUESTIONS,
  parliamentaryQuestionPath,
  questionAndAnswerPath,
  QUESTIONS_AND_ANSWERS,
  UPDATES,
  updatePath,
} from '../routes'
import { POLICY_KINDS } from '../policies/kinds'
import { relationId } from '../site/format'
import { normalisedPath } from './paths'
import { guidancePlace } from '../routes/guidance-tree'

/** The collections whose documents a redirect may lead to: each has one public address. */
export const REDIRECT_TARGETS = [
  'pages',
  'care-areas',
  'updates',
  'parliamentary-questions',
  'questions-and-answers',
  'documents',
  'policies',
] as const
export type RedirectTarget = (typeof REDIRECT_TARGETS)[number]
/** Those whose address follows a slug or a place in the page tree, which editors change. */
export const MOVABLE_TARGETS = ['pages', 'care-areas', 'updates', 'parliamentary-questions', 'questions-and-answers'] as const

export type Destination = {
  document?: null | { relationTo: string; value: unknown }
  type?: null | string
  url?: null | string
}

type Published = { _status?: null | string; kind?: unknown; slug?: unknown }

/**
 * Published versions only, whoever may read them: a redirect to a professionals' page leads there, where the
 * page itself decides who sees it (the public gets its 404, as at its own address).
 */
const publishedDoc = async <T>({
  collection,
  id,
  payload,
  req,
}: {
  collection: CollectionSlug
  id: unknown
  payload: Payload
  req?: PayloadRequest
}): Promise<null | T> => {
  const found = relationId(id)
  if (found === null) return null
  const doc = (await payload.findByID({
    collection,
    depth: 0,
    disableErrors: true,
    draft: false,
    id: found,
    overrideAccess: true,
    req,
  })) as null | Published
  return doc?._status === 'published' ? (doc as T) : null
}

/** The public address of one document: null while it is unpublished or gone. */
export const documentAddress = async ({
  collection,
  id,
  payload,
  req,
}: {
  collection: string
  id: number | string
  payload: Payload
  req?: PayloadRequest
}): Promise<null | string> => {
  if (!(REDIRECT_TARGETS as readonly string[]).includes(collection) || !(collection in payload.collections)) return null
  if (collection === 'pages') {
    const page = await publishedDoc<Page>({ collection: 'pages', id, payload, req })
    if (!page) return null
    const place = await guidancePlace({
      careAreaOf: (areaId) => publishedDoc<CareArea>({ collection: 'care-areas', id: areaId, payload, req }),
      page,
      pageOf: (pageId) => publishedDoc<Page>({ collection: 'pages', id: pageId, payload, req }),
    })
    return place?.path ?? null
  }
  const doc = await publishedDoc<Published>({ collection: collection as CollectionSlug, id, payload, req })
  if (!doc) return null
  const slug = typeof doc.slug === 'string' ? doc.slug : ''
  switch (collection as RedirectTarget) {
    case 'care-areas':
      return careAreaPath({ slug })
    case 'documents':
      return documentPath({ id })
    case 'parliamentary-questions':
      return parliamentaryQuestionPath({ slug })
    case 'questions-and-answers':
      return questionAndAnswerPath({ slug })
    case 'policies':
      return isPolicyKind(doc.kind) ? policyKind({ kind: doc.kind }).path : null
    case 'updates':
      return updatePath({ slug })
    default:
      return null
  }
}

/** Where a redirect sends readers now: its document's current address, or its typed address; null when nowhere. */
export const destinationAddress = async ({
  destination,
  payload,
  req,
}: {
  destination?: Destination | null
  payload: Payload
  req?: PayloadRequest
}): Promise<null | string> => {
  if (destination?.type === 'url') return destination.url ?? null
  const relation = destination?.document
  const id = relationId(relation?.value)
  return relation && id !== null ? documentAddress({ collection: relation.relationTo, id, payload, req }) : null
}

type Candidate = { collection: RedirectTarget; where: Where }

/** The documents that could live at a path, by the shape of their addresses (a slug or id at the end). */
const candidatesAt = (path: string): Candidate[] => {
  const last = path.slice(path.lastIndexOf('/') + 1)
  const under = (prefix: string) => path.startsWith(`${prefix}/`)
  const policy = POLICY_KINDS.find((kind) => kind.path === path)
  return [
    ...(policy ? [{ collection: 'policies' as const, where: { kind: { equals: policy.value } } }] : []),
    ...(under(CARE_AREAS) && !path.slice(CARE_AREAS.length + 1).includes('/')
      ? [{ collection: 'care-areas' as const, where: { slug: { equals: last } } }]
      : []),
    ...(under(CARE_AREAS) ? [{ collection: 'pages' as const, where: { slug: { equals: last } } }] : []),
    ...(under(UPDATES) ? [{ collection: 'updates' as const, where: { slug: { equals: last } } }] : []),
    ...(under(PARLIAMENTARY_QUESTIONS) ? [{ collection: 'parliamentary-questions' as const, where: { slug: { equals: last } } }] : []),
    ...(under(QUESTIONS_AND_ANSWERS) ? [{ collection: 'questions-and-answers' as const, where: { slug: { equals: last } } }] : []),
    ...(under(DOCUMENTS) && /^[0-9a-f]{1,24}$/.test(last) ? [{ collection: 'documents' as const, where: { id: { equals: last } } }] : []),
  ]
}

/**
 * The published document whose address is `path` (compared as old addresses are), or null: a redirect must not
 * take an address a page lives at, and a page published at a redirected address takes it back.
 */
export const liveDocumentAt = async ({
  path,
  payload,
  req,
}: {
  path: string
  payload: Payload
  req?: PayloadRequest
}): Promise<null | { collection: RedirectTarget; id: number | string }> => {
  for (const { collection, where } of candidatesAt(path)) {
    if (!(collection in payload.collections)) continue
    const { docs } = await payload.find({
      collection,
      depth: 0,
      draft: false,
      limit: 20,
      overrideAccess: true,
      pagination: false,
      req,
      where: { and: [{ _status: { equals: 'published' } }, where] },
    })
    for (const doc of docs) {
      const address = await documentAddress({ collection, id: doc.id, payload, req })
      if (address && normalisedPath(address) === path) return { collection, id: doc.id }
    }
  }
  return null
}
