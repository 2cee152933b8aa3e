import type { Payload, PayloadRequest, Where } from 'payload'

import type {
  CareArea,
  CommissioningTip,
  Document,
  Page,
  ParliamentaryQuestion,
  Policy,
  QuestionsAndAnswer,
  Update,
  User,
} from '../../payload-types'
import type { PolicyKind } from '../policies/kinds'

import { consultationIsOpen } from '../content/consultation'
import { isRecordId } from '../input/record-id'
import { guidancePath as routeToGuidance } from '../routes'
import { guidancePlace } from '../routes/guidance-tree'
import { relationId } from './format'

/**
 * Every read for the public site goes through the collections' access rules as the visitor (anonymous or
 * signed in), never around them: professional-only and draft content cannot leak through a page.
 */
type Read = { payload: Payload; user: null | User }

const asVisitor = ({ user }: { user: null | User }) => ({ draft: false, overrideAccess: false, user: user ?? undefined })

/**
 * The site shows published content only, whoever is signed in: staff who may read drafts still see a
 * never-published document's draft through the API, so the site asks for published explicitly.
 */
const published = (where?: Where): Where =>
  where ? { and: [{ _status: { equals: 'published' } }, where] } : { _status: { equals: 'published' } }

export const PAGE_SIZE = 10

export const listCareAreas = async ({ payload, user }: Read): Promise<CareArea[]> =>
  (
    await payload.find({
      collection: 'care-areas',
      depth: 1,
      limit: 100,
      pagination: false,
      sort: 'step',
      where: published(),
      ...asVisitor({ user }),
    })
  ).docs

export const findCareArea = async ({ depth = 1, payload, slug, user }: Read & { depth?: number; slug: string }): Promise<CareArea | null> =>
  (
    await payload.find({
      collection: 'care-areas',
      depth,
      limit: 1,
      pagination: false,
      where: published({ slug: { equals: slug } }),
      ...asVisitor({ user }),
    })
  ).docs[0] ?? null

/** Pages directly under a care area (parent empty) or under a page, in their editor-chosen order. */
export const childPages = async ({
  careAreaId,
  parentId,
  payload,
  user,
}: Read & { careAreaId: number | string; parentId: null | number | string }): Promise<Page[]> => {
  const where: Where = {
    and: [{ careArea: { equals: careAreaId } }, parentId === null ? { parent: { exists: false } } : { parent: { equals: parentId } }],
  }
  return (
    await payload.find({
      collection: 'pages',
      depth: 0,
      limit: 200,
      pagination: false,
      sort: 'order',
      where: published(where),
      ...asVisitor({ user }),
    })
  ).docs
}

/**
 * Resolves /care-areas/<area>/<slug>/<slug>… one level at a time, so a page is found only through its
 * real position in the tree and every ancestor must be visible to the visitor too.
 */
export const resolveGuidancePage = async ({
  careAreaSlug,
  payload,
  segments,
  user,
}: Read & { careAreaSlug: string; segments: string[] }): Promise<null | { careArea: CareArea; page: Page; trail: Page[] }> => {
  // A guidance page shows its care area's name and address only: nothing related needs reading.
  const careArea = await findCareArea({ depth: 0, payload, slug: careAreaSlug, user })
  if (!careArea) return null
  const trail: Page[] = []
  let parentId: null | number | string = null
  for (const [index, slug] of segments.entries()) {
    const where: Where = {
      and: [
        { slug: { equals: slug } },
        { careArea: { equals: careArea.id } },
        parentId === null ? { parent: { exists: false } } : { parent: { equals: parentId } },
      ],
    }
    // Ancestors give the breadcrumbs their titles and addresses; only the page shown needs its documents read.
    const last = index === segments.length - 1
    const found = (
      await payload.find({
        collection: 'pages',
        depth: last ? 2 : 0,
        limit: 1,
        // One document wanted: no count query.
        pagination: false,
        where: published(where),
        ...(last ? {} : { select: { _status: true, careArea: true, parent: true, slug: true, title: true } }),
        ...asVisitor({ user }),
      })
    ).docs[0] as Page | undefined
    if (!found) return null
    trail.push(found)
    parentId = found.id
  }
  const page = trail.pop()
  return page ? { careArea, page, trail } : null
}

/** Site path of a page, from its care area and ancestors. */
export const guidancePath = ({
  careArea,
  page,
  trail,
}: {
  careArea: Pick<CareArea, 'slug'>
  page: Pick<Page, 'slug'>
  trail: Pick<Page, 'slug'>[]
}) => routeToGuidance({ careArea: careArea.slug, slugs: [...trail.map((ancestor) => ancestor.slug), page.slug] })

export const listTips = async ({ payload, user }: Read): Promise<CommissioningTip[]> =>
  (
    await payload.find({
      collection: 'commissioning-tips',
      depth: 0,
      limit: 50,
      pagination: false,
      sort: 'rank',
      where: published(),
      ...asVisitor({ user }),
    })
  ).docs

export const listUpdates = async ({
  consultationsOnly = false,
  limit = PAGE_SIZE,
  page,
  payload,
  user,
}: Read & { consultationsOnly?: boolean; limit?: number; page: number }) =>
  payload.find({
    collection: 'updates',
    depth: 0,
    limit,
    page,
    sort: consultationsOnly ? '-consultation.feedbackDeadline' : '-date',
    where: published(consultationsOnly ? { isConsultation: { equals: true } } : undefined),
    ...asVisitor({ user }),
  })

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Consultations still taking feedback today (UK time), the soonest to close first. The query takes a day's margin
 * either side of the server's zone; `consultationIsOpen` decides.
 */
export const openConsultations = async ({ now = new Date(), payload, user }: Read & { now?: Date }): Promise<Update[]> =>
  (
    await payload.find({
      collection: 'updates',
      depth: 0,
      limit: 20,
      pagination: false,
      sort: 'consultation.feedbackDeadline',
      where: published({
        and: [
          { isConsultation: { equals: true } },
          { 'consultation.feedbackDeadline': { greater_than: new Date(now.getTime() - DAY_MS).toISOString() } },
        ],
      }),
      ...asVisitor({ user }),
    })
  ).docs.filter((update) => consultationIsOpen({ deadline: update.consultation?.feedbackDeadline, now }))

export const findUpdate = async ({ payload, slug, user }: Read & { slug: string }): Promise<Update | null> =>
  (
    await payload.find({
      collection: 'updates',
      depth: 2,
      limit: 1,
      pagination: false,
      where: published({ slug: { equals: slug } }),
      ...asVisitor({ user }),
    })
  ).docs[0] ?? null

export const listQuestions = async ({ page, payload, user }: Read & { page: number }) =>
  payload.find({
    collection: 'parliamentary-questions',
    depth: 0,
    limit: PAGE_SIZE,
    page,
    sort: '-dateAsked',
    where: published(),
    ...asVisitor({ user }),
  })

export const findQuestion = async ({ payload, slug, user }: Read & { slug: string }): Promise<null | ParliamentaryQuestion> =>
  (
    await payload.find({
      collection: 'parliamentary-questions',
      depth: 0,
      limit: 1,
      pagination: false,
      where: published({ slug: { equals: slug } }),
      ...asVisitor({ user }),
    })
  ).docs[0] ?? null

// Newest first; entries known only by their year sort by it, and title settles ties between databases.
export const listDocuments = async ({ page, payload, user }: Read & { page: number }) =>
  payload.find({
    collection: 'documents',
    depth: 0,
    limit: 25,
    page,
    sort: ['-publicationYear', '-publicationDate', 'title'],
    where: published(),
    ...asVisitor({ user }),
  })

/** One library entry by id, published and readable by the visitor; null otherwise (or for an id that cannot be one). */
export const findDocument = async ({ id, payload, user }: Read & { id: string }): Promise<Document | null> => {
  if (!isRecordId(id)) return null
  return (
    (
      await payload.find({
        collection: 'documents',
        depth: 0,
        limit: 1,
        pagination: false,
        where: published({ id: { equals: id } }),
        ...asVisitor({ user }),
      })
    ).docs[0] ?? null
  )
}

/** Populated, published documents only: ids the visitor may not read stay unpopulated and are dropped. */
export const visibleDocuments = (values: unknown): Document[] =>
  Array.isArray(values)
    ? values.filter(
        (value): value is Document =>
          typeof value === 'object' && value !== null && 'title' in value && (value as Document)._status === 'published',
      )
    : []

/**
 * Site path of a page found by id, walking up its parents; null when the visitor cannot see it or an ancestor.
 * Inside a hook, pass its `req`: the reads join its transaction (and, with no `user`, are made as its user).
 */
export const pagePathById = async ({
  id,
  payload,
  req,
  user,
}: Read & { id: number | string; req?: PayloadRequest }): Promise<null | string> => {
  const pageOf = async (pageId: number | string): Promise<null | Page> => {
    const page = await payload
      .findByID({ collection: 'pages', depth: 0, disableErrors: true, id: pageId, req, ...asVisitor({ user }) })
      .catch(() => null)
    return page?._status === 'published' ? page : null
  }
  const careAreaOf = async (careAreaId: number | string): Promise<CareArea | null> => {
    const careArea = await payload
      .findByID({ collection: 'care-areas', depth: 0, disableErrors: true, id: careAreaId, req, ...asVisitor({ user }) })
      .catch(() => null)
    return careArea?._status === 'published' ? careArea : null
  }
  const page = await pageOf(id)
  return page ? ((await guidancePlace({ careAreaOf, page, pageOf }))?.path ?? null) : null
}

type BlockNode = { children?: BlockNode[]; fields?: { blockType?: string; pages?: unknown[] }; type: string }

/** Ids of pages referenced by "related pages" blocks, so their addresses can be resolved before rendering. */
export const relatedPageIds = (value: unknown): (number | string)[] => {
  const ids: (number | string)[] = []
  const walk = (node: BlockNode) => {
    if (node.type === 'block' && node.fields?.blockType === 'relatedPages') {
      for (const page of node.fields.pages ?? []) {
        const id = relationId(page)
        if (id !== null) ids.push(id)
      }
    }
    node.children?.forEach(walk)
  }
  const root = (value as { root?: BlockNode } | null)?.root
  if (root) walk(root)
  return [...new Set(ids)]
}

/** The published policy page of one kind (privacy notice, accessibility statement, cookies, contact), or null. */
export const findPolicy = async ({ kind, payload, user }: Read & { kind: PolicyKind }): Promise<null | Policy> =>
  (
    await payload.find({
      collection: 'policies',
      depth: 0,
      limit: 1,
      pagination: false,
      where: published({ kind: { equals: kind } }),
      ...asVisitor({ user }),
    })
  ).docs[0] ?? null

/** Published answers grouped under the care areas of the journey, in journey order; areas with none are left out. */
export const listQuestionsAndAnswers = async ({
  payload,
  user,
}: Read): Promise<{ answers: Pick<QuestionsAndAnswer, 'careArea' | 'id' | 'question' | 'slug'>[]; careArea: CareArea }[]> => {
  const [areas, { docs }] = await Promise.all([
    listCareAreas({ payload, user }),
    payload.find({
      collection: 'questions-and-answers',
      depth: 0,
      pagination: false,
      select: { careArea: true, question: true, slug: true },
      sort: 'question',
      where: published(),
      ...asVisitor({ user }),
    }),
  ])
  return areas
    .map((careArea) => ({ answers: docs.filter((doc) => String(relationId(doc.careArea)) === String(careArea.id)), careArea }))
    .filter((group) => group.answers.length > 0)
}

export const findQuestionAndAnswer = async ({ payload, slug, user }: Read & { slug: string }): Promise<null | QuestionsAndAnswer> =>
  (
    await payload.find({
      collection: 'questions-and-answers',
      depth: 1,
      limit: 1,
      pagination: false,
      where: published({ slug: { equals: slug } }),
      ...asVisitor({ user }),
    })
  ).docs[0] ?? null
