import type { CollectionConfig } from 'payload'

import { contentStaffOnly, editorsOnly, nobody } from '../../src/lib/access'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { CONTENT_STAFF } from '../../src/lib/access/roles'

/**
 * Old-looking addresses (`.html`, `.asp`…) that readers still ask for and the hub does not have, with how often:
 * what editors should add redirects for. Written by the server only; editors clear a row once it is handled.
 */
export const NotFound: CollectionConfig = {
  slug: 'not-found',
  access: { create: nobody, delete: editorsOnly, read: contentStaffOnly, update: nobody },
  admin: {
    defaultColumns: ['path', 'count', 'lastSeen'],
    description:
      'Old addresses people still ask for that lead nowhere, most asked first. Add a redirect for each that has a page now, then delete its row.',
    group: 'Content',
    hidden: hiddenUnless({ roles: CONTENT_STAFF }),
    useAsTitle: 'path',
  },
  defaultSort: '-count',
  fields: [
    {
      name: 'path',
      type: 'text',
      admin: { description: 'The address asked for, without its query.', readOnly: true },
      index: true,
      label: 'Address',
      required: true,
      unique: true,
    },
    {
      name: 'count',
      type: 'number',
      admin: { description: 'How many times it was asked for.', readOnly: true },
      defaultValue: 0,
      label: 'Requests',
    },
    {
      name: 'lastSeen',
      type: 'date',
      admin: { description: 'When it was last asked for.', readOnly: true },
      index: true,
      label: 'Last asked for',
    },
  ],
  labels: { plural: 'Not found', singular: 'Address not found' },
  timestamps: true,
}
