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
  const all = { depth: 0, limit: 0, pagination: false, ...anonymous } as const
  const [careAreas, pages, updates, questions, groups, meetings, newsletters] = await Promise.all([
    payload.find({ collection: 'care-areas', ...all }),
    payload.find({ collection: 'pages', ...all }),
    payload.find({ collection: 'updates', ...all }),
    payload.find({ collection: 'parliamentary-questions', ...all }),
    // Anonymous reads: public groups only, and the meetings and sent issues the public may open.
    payload.find({ collection: 'groups', ...all }),
    payload.find({ collection: 'meetings', ...all, where: { minutesStatus: { equals: 'approved' } } }),
    payload.find({ collection: 'newsletters', ...all }),
  ])
  const groupById = new Map(groups.docs.map((group) => [String(group.id), group]))
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
    { path: '/governance' },
    { path: '/recommendations' },
    { path: '/newsletter' },
    { path: '/newsletters' },
    ...careAreas.docs.map((area) => ({ lastModified: area.updatedAt, path: `/care-areas/${area.slug}` })),
    ...pages.docs.flatMap((page) => {
      const path = pathOf(page)
      return path ? [{ lastModified: page.updatedAt, path }] : []
    }),
    ...updates.docs.map((update) => ({ lastModified: update.updatedAt, path: `/updates/${update.slug}` })),
    ...questions.docs.map((question) => ({ lastModified: question.updatedAt, path: `/parliamentary-questions/${question.slug}` })),
    ...groups.docs.map((group) => ({ lastModified: group.updatedAt, path: `/governance/${group.slug}` })),
    ...meetings.docs.flatMap((meeting) => {
      const group = groupById.get(String(relationId(meeting.group)))
      return group ? [{ lastModified: meeting.updatedAt, path: `/governance/${group.slug}/meetings/${meeting.day}` }] : []
    }),
    ...newsletters.docs.map((issue) => ({ lastModified: issue.updatedAt, path: `/newsletters/${issue.slug}` })),
  ]
}
