import type { Payload } from 'payload'

import type { CareArea, Newsletter, Page, Policy, Update, User } from '../../payload-types'

import { CONTENT_STAFF, hasRole } from '../access'
import { isRecordId } from '../input/record-id'
import { guidancePlace } from '../routes/guidance-tree'

/** What staff can preview: the collections whose drafts the public will one day read on the site. */
export const PREVIEWABLE = ['pages', 'care-areas', 'updates', 'newsletters', 'policies'] as const
export type Previewable = (typeof PREVIEWABLE)[number]

export const isPreviewable = (value: string): value is Previewable => (PREVIEWABLE as readonly string[]).includes(value)

type Read = { id: string; payload: Payload; user: null | User }

export type Preview =
  | { careArea: CareArea; collection: 'care-areas' }
  | { collection: 'newsletters'; issue: Newsletter }
  | { collection: 'pages'; found: { careArea: CareArea; page: Page; trail: Page[] } }
  | { collection: 'policies'; policy: Policy }
  | { collection: 'updates'; update: Update }

/**
 * The newest version of a document, draft or not, read with the viewer's own access (so a role that may not
 * read drafts gets nothing). Only content staff preview; anyone else, signed in or not, gets null (404).
 */
const latest = async <T>({ collection, depth, id, payload, user }: Read & { collection: Previewable; depth: number }): Promise<null | T> =>
  (await payload
    .findByID({ collection, depth, disableErrors: true, draft: true, id, overrideAccess: false, user: user ?? undefined })
    .catch(() => null)) as null | T

/**
 * A guidance page's draft with the care area and parents it will sit under, newest versions throughout,
 * so the breadcrumbs and address are the ones the page will have once published.
 */
const guidancePreview = async ({ id, payload, user }: Read): Promise<null | Preview> => {
  const page = await latest<Page>({ collection: 'pages', depth: 2, id, payload, user })
  if (!page) return null
  const trail: Page[] = []
  const place = await guidancePlace({
    careAreaOf: (careAreaId) => latest<CareArea>({ collection: 'care-areas', depth: 0, id: String(careAreaId), payload, user }),
    page,
    pageOf: async (parentId) => {
      const parent = await latest<Page>({ collection: 'pages', depth: 0, id: String(parentId), payload, user })
      if (parent) trail.unshift(parent)
      return parent
    },
  })
  return place ? { collection: 'pages', found: { careArea: place.careArea, page, trail } } : null
}

/** The draft to show at /preview/<collection>/<id>, or null when there is none the viewer may preview. */
export const loadPreview = async ({ collection, id, payload, user }: Read & { collection: string }): Promise<null | Preview> => {
  if (!isPreviewable(collection) || !isRecordId(id) || !hasRole({ roles: CONTENT_STAFF, user })) return null
  if (!(collection in payload.collections)) return null
  switch (collection) {
    case 'care-areas': {
      const careArea = await latest<CareArea>({ collection, depth: 1, id, payload, user })
      return careArea ? { careArea, collection } : null
    }
    case 'newsletters': {
      const issue = await latest<Newsletter>({ collection, depth: 0, id, payload, user })
      return issue ? { collection, issue } : null
    }
    case 'pages':
      return guidancePreview({ id, payload, user })
    case 'policies': {
      const policy = await latest<Policy>({ collection, depth: 0, id, payload, user })
      return policy ? { collection, policy } : null
    }
    case 'updates': {
      const update = await latest<Update>({ collection, depth: 2, id, payload, user })
      return update ? { collection, update } : null
    }
  }
}
