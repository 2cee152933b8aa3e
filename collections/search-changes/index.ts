import type { CollectionConfig } from 'payload'

import { adminOnly, nobody } from '../../src/lib/access'

/**
 * A log of content changes for every web process to replay into its own search index. Written by the content
 * collections' hooks inside the change's transaction (overrideAccess), so a committed change is never missed.
 * Payload indexes createdAt, which is what the followers read and prune by.
 */
export const SearchChanges: CollectionConfig = {
  slug: 'search-changes',
  access: { create: nobody, delete: nobody, read: adminOnly, update: nobody },
  admin: {
    defaultColumns: ['collection', 'docId', 'createdAt'],
    group: 'Administration',
    hidden: true,
    useAsTitle: 'docId',
  },
  defaultSort: '-createdAt',
  fields: [
    { name: 'collection', type: 'text', required: true },
    { name: 'docId', type: 'text', required: true },
  ],
  labels: { plural: 'Search changes', singular: 'Search change' },
  timestamps: true,
}
