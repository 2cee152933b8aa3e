import type { CollectionConfig } from 'payload'

import { contentStaffOnly, nobody } from '../../src/lib/access'

/** Audit trail of clinical sign-offs: written by the guidance pages' hook only, never edited. */
export const SignOffs: CollectionConfig = {
  slug: 'sign-offs',
  access: { create: nobody, delete: nobody, read: contentStaffOnly, update: nobody },
  admin: { defaultColumns: ['pageTitle', 'reviewer', 'signedOffAt', 'version'], group: 'Guidance', useAsTitle: 'pageTitle' },
  defaultSort: '-signedOffAt',
  fields: [
    { name: 'page', type: 'relationship', index: true, relationTo: 'pages', required: true },
    { name: 'pageTitle', type: 'text', required: true },
    { name: 'version', type: 'text', admin: { description: 'The page version that was published.' } },
    { name: 'reviewer', type: 'relationship', relationTo: 'users' },
    { name: 'signedOffAt', type: 'date', required: true },
    { name: 'note', type: 'text', admin: { description: 'How the sign-off came about when not in the hub (imports).' } },
  ],
  labels: { plural: 'Sign-offs', singular: 'Sign-off' },
}
