import type { CollectionConfig } from 'payload'

import { adminOnly, anyone, CONTENT_STAFF, editorsOnly, fieldAllowRoles } from '../../src/lib/access'

// Contact details are personal data: staff who write content need them, the public never sees them.
const staffOnlyField = fieldAllowRoles({ roles: CONTENT_STAFF })

/** Contacts named in updates and (later) meetings: name, role and organisation are public. */
export const People: CollectionConfig = {
  slug: 'people',
  access: { create: editorsOnly, delete: adminOnly, read: anyone, update: editorsOnly },
  admin: { defaultColumns: ['name', 'jobTitle', 'organisation'], group: 'Contacts', useAsTitle: 'name' },
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', maxLength: 200, required: true },
    { name: 'jobTitle', type: 'text', maxLength: 200 },
    { name: 'organisation', type: 'relationship', relationTo: 'organisations' },
    {
      name: 'email',
      type: 'email',
      access: { read: staffOnlyField },
      admin: { description: 'Never shown on the public site.' },
    },
    { name: 'telephone', type: 'text', access: { read: staffOnlyField }, maxLength: 40 },
  ],
  labels: { plural: 'People', singular: 'Person' },
}
