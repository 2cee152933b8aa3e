import { relationId } from '../site/format'
import { guidancePath } from './index'

type Key = number | string

/** A guidance page as far as its address goes: its slug, its parent page (none at the top) and its care area. */
export type GuidanceNode = { careArea?: unknown; parent?: unknown; slug: string }

/** Deeper than any real tree; a loop of parents (a page made its own ancestor) ends here rather than forever. */
export const MAX_GUIDANCE_DEPTH = 20

/**
 * The one walk from a guidance page up its parents to its care area, giving the page's address. Callers
 * decide what counts as visible through the two lookups (published only, as a visitor, from memory or
 * from the database): a lookup that answers null (an unpublished or unreadable ancestor or care area) makes
 * the page unreachable, and the answer is null.
 */
export const guidancePlace = async <P extends GuidanceNode, A extends { slug: string }>({
  careAreaOf,
  page,
  pageOf,
}: {
  careAreaOf: (id: Key) => A | null | Promise<A | null>
  page: P
  pageOf: (id: Key) => P | null | Promise<P | null>
}): Promise<null | { careArea: A; path: string; slugs: string[] }> => {
  const slugs: string[] = []
  let current: P = page
  for (let depth = 0; depth < MAX_GUIDANCE_DEPTH; depth++) {
    slugs.unshift(current.slug)
    const parentId = relationId(current.parent)
    if (parentId === null) {
      const careAreaId = relationId(current.careArea)
      const careArea = careAreaId === null ? null : await careAreaOf(careAreaId)
      return careArea ? { careArea, path: guidancePath({ careArea: careArea.slug, slugs }), slugs } : null
    }
    const parent = await pageOf(parentId)
    if (!parent) return null
    current = parent
  }
  return null
}
