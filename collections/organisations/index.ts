import type { CollectionConfig } from 'payload'

import { adminOnly, anyone, editorsOnly } from '../../src/lib/access'
import { validateUrl } from '../../src/lib/fields/url'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { CONTENT_STAFF } from '../../src/lib/access/roles'

/** Organisations named by updates and meetings. Public information only. */
export const Organisations: CollectionConfig = {
  slug: 'organisations',
  // Opt-in: a change empties the page cache (see src/plugins/page-cache).
  custom: { pageCache: true },
  access: { create: editorsOnly, delete: adminOnly, read: anyone, update: editorsOnly },
  admin: { hidden: hiddenUnless({ roles: CONTENT_STAFF }), defaultColumns: ['name', 'shortName'], group: 'Contacts', useAsTitle: 'name' },
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', maxLength: 200, required: true, unique: true },
    { admin: { description: 'Used where space is short, e.g. "NHS England".' }, name: 'shortName', type: 'text', maxLength: 40 },
    { name: 'website', type: 'text', maxLength: 500, validate: validateUrl },
  ],
}
