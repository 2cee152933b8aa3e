import type { CollectionBeforeValidateHook } from 'payload'

import { ValidationError } from 'payload'

import { relationId } from '../../../src/lib/site/format'

const MAX_DEPTH = 20

/** A group cannot report to itself, directly or through its parents. */
export const keepParentsSound: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  const id = originalDoc?.id
  let parent = relationId(data?.parent)
  if (!id || parent === null) return data
  for (let depth = 0; parent !== null && depth < MAX_DEPTH; depth++) {
    if (String(parent) === String(id)) {
      throw new ValidationError({
        collection: 'groups',
        errors: [{ message: 'A group cannot report to itself or to a group below it.', path: 'parent' }],
        req,
      })
    }
    const above: { parent?: unknown } | null = await req.payload
      .findByID({ collection: 'groups', depth: 0, disableErrors: true, id: parent, overrideAccess: true, req, select: { parent: true } })
      .catch(() => null)
    parent = relationId(above?.parent)
  }
  return data
}
