import type { CollectionConfig } from 'payload'

import { adminOnly, anyone, contentStaffField, editorsOnly } from '../../src/lib/access'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { CONTENT_STAFF } from '../../src/lib/access/roles'

/** Contacts named in updates and (later) meetings: name, role and organisation are public. */
export const People: CollectionConfig = {
  slug: 'people',
  // Opt-in: a change empties the page cache (see src/plugins/page-cache).
  custom: { pageCache: true },
  access: { create: editorsOnly, delete: adminOnly, read: anyone, update: editorsOnly },
  admin: {
    hidden: hiddenUnless({ roles: CONTENT_STAFF }),
    defaultColumns: ['name', 'jobTitle', 'organisation'],
    group: 'Contacts',
    useAsTitle: 'name',
  },
  defaultSort: 'name',
  // Contact details are personal data: staff who write content need them, the public never sees them.
  fields: [
    { name: 'name', type: 'text', maxLength: 200, required: true },
    { name: 'jobTitle', type: 'text', maxLength: 200 },
    {
      admin: { description: 'Shown with their name and job title.' },
      name: 'organisation',
      type: 'relationship',
      relationTo: 'organisations',
    },
    {
      name: 'email',
      type: 'email',
      access: { read: contentStaffField },
      admin: { description: 'Never shown on the public site.' },
    },
    {
      admin: { description: 'For staff only: never shown on the site.' },
      name: 'telephone',
      type: 'text',
      access: { read: contentStaffField },
      maxLength: 40,
    },
  ],
  labels: { plural: 'People', singular: 'Person' },
}
