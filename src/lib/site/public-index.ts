import type { Payload } from 'payload'

import type { CareArea, Page } from '../../payload-types'

import { relationId } from './format'

export type IndexedUrl = { lastModified?: string; path: string }

const anonymous = { draft: false, overrideAccess: false } as const

/**
 * Every address the public may see, for the sitemap: read as an anonymous visitor, so professional-only
 * and unpublished content never appears. Page paths are built in memory from one query per collection.
 */
export const publicUrls = async ({ payload }: { payload: Payload }): Promise<IndexedUrl[]> => {
  const [careAreas, pages, updates, questions] = await Promise.all([
    payload.find({ collection: 'care-areas', depth: 0, limit: 0, pagination: false, ...anonymous }),
    payload.find({ collection: 'pages', depth: 0, limit: 0, pagination: false, ...anonymous }),
    payload.find({ collection: 'updates', depth: 0, limit: 0, pagination: false, ...anonymous }),
    payload.find({ collection: 'parliamentary-questions', depth: 0, limit: 0, pagination: false, ...anonymous }),
  ])
  const areaById = new Map<string, CareArea>(careAreas.docs.map((area) => [String(area.id), area]))
  const pageById = new Map<string, Page>(pages.docs.map((page) => [String(page.id), page]))
  const pathOf = (page: Page, depth = 0): null | string => {
    if (depth > 20) return null
    const parentId = relationId(page.parent)
    if (parentId !== null) {
      const parent = pageById.get(String(parentId))
      const parentPath = parent ? pathOf(parent, depth + 1) : null
      return parentPath ? `${parentPath}/${page.slug}` : null
    }
    const area = areaById.get(String(relationId(page.careArea)))
    return area ? `/care-areas/${area.slug}/${page.slug}` : null
  }
  return [
    { path: '/' },
    { path: '/commissioning/ten-top-tips' },
    { path: '/updates' },
    { path: '/consultations' },
    { path: '/parliamentary-questions' },
    { path: '/documents' },
    { path: '/ask' },
    ...careAreas.docs.map((area) => ({ lastModified: area.updatedAt, path: `/care-areas/${area.slug}` })),
    ...pages.docs.flatMap((page) => {
      const path = pathOf(page)
      return path ? [{ lastModified: page.updatedAt, path }] : []
    }),
    ...updates.docs.map((update) => ({ lastModified: update.updatedAt, path: `/updates/${update.slug}` })),
    ...questions.docs.map((question) => ({ lastModified: question.updatedAt, path: `/parliamentary-questions/${question.slug}` })),
  ]
}
