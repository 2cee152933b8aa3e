import type { CollectionBeforeValidateHook } from 'payload'

import { ValidationError } from 'payload'

import { relationId as idOf } from '../../../src/lib/site/format'

/**
 * Keeps the guidance tree sound: a page inherits its parent's care area, never sits under itself or its
 * own descendants, and its slug is unique among its siblings (the address is built from the slugs).
 */
export const keepTreeSound: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  if (!data) return data
  const selfId = idOf(originalDoc?.id)
  const parentId = idOf(data.parent !== undefined ? data.parent : originalDoc?.parent)
  let careArea = idOf(data.careArea !== undefined ? data.careArea : originalDoc?.careArea)
  const fail = (path: string, message: string) => {
    throw new ValidationError({ collection: 'pages', errors: [{ message, path }], req })
  }
  if (parentId !== null) {
    let cursor: null | number | string = parentId
    let parentCareArea: null | number | string = null
    for (let depth = 0; cursor !== null; depth++) {
      if (selfId !== null && String(cursor) === String(selfId))
        fail('parent', 'A page cannot sit under itself or one of its own sub-pages.')
      if (depth > 20) fail('parent', 'The pages above this one are nested too deeply.')
      const ancestor = await req.payload
        .findByID({ collection: 'pages', depth: 0, disableErrors: true, draft: true, id: cursor, overrideAccess: true, req })
        .catch(() => null)
      if (!ancestor) fail('parent', 'The parent page does not exist.')
      if (depth === 0) parentCareArea = idOf(ancestor!.careArea)
      cursor = idOf(ancestor!.parent)
    }
    careArea = parentCareArea
    data.careArea = parentCareArea
  }
  if (careArea === null) fail('careArea', 'Choose the care area this page belongs to.')
  const slug = typeof data.slug === 'string' ? data.slug : originalDoc?.slug
  if (slug) {
    const siblings = await req.payload.find({
      collection: 'pages',
      depth: 0,
      draft: true,
      limit: 1,
      overrideAccess: true,
      pagination: false,
      req,
      where: {
        and: [
          { slug: { equals: slug } },
          { careArea: { equals: careArea } },
          parentId === null ? { parent: { exists: false } } : { parent: { equals: parentId } },
          ...(selfId !== null ? [{ id: { not_equals: selfId } }] : []),
        ],
      },
    })
    if (siblings.docs.length) fail('slug', `Another page here already uses the address "${slug}".`)
  }
  return data
}
