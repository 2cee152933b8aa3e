import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionConfig, PayloadRequest } from 'payload'

/**
 * Every write is recorded, drafts included: the followers re-read the published state, so a needless record
 * costs one read, while deciding here which saves matter would be a second copy of the publishing rules.
 * Passing `req` keeps the record in the change's transaction: a rolled-back write leaves no record.
 */
export const recordSearchChange = async ({ collection, id, req }: { collection: string; id: number | string; req: PayloadRequest }) => {
  await req.payload.create({
    collection: 'search-changes',
    data: { collection, docId: String(id) },
    depth: 0,
    overrideAccess: true,
    req,
  })
}

export const recordsSearchChanges = (collection: CollectionConfig): CollectionConfig => {
  const afterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
    await recordSearchChange({ collection: collection.slug, id: doc.id, req })
    return doc
  }
  const afterDelete: CollectionAfterDeleteHook = async ({ id, req }) => {
    await recordSearchChange({ collection: collection.slug, id, req })
  }
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      afterChange: [...(collection.hooks?.afterChange ?? []), afterChange],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), afterDelete],
    },
  }
}
