import type { CollectionConfig } from 'payload'

import { editorialAccess } from '../../src/lib/access'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { previewAdmin } from '../../src/lib/admin/preview'
import { CONTENT_STAFF } from '../../src/lib/access/roles'
import { POLICY_KINDS } from '../../src/lib/policies/kinds'

/**
 * The pages a public-sector site must have: privacy notice, accessibility statement, cookies and contact. One
 * page per kind, each at its fixed address and linked from every page's footer once published. Editors write
 * them (drafts and version history as for updates); everyone reads what is published.
 */
export const Policies: CollectionConfig = {
  slug: 'policies',
  // Opt-in: a change empties the page cache, and with it the footer's links (see src/plugins/page-cache).
  custom: { pageCache: true },
  access: editorialAccess,
  admin: {
    hidden: hiddenUnless({ roles: CONTENT_STAFF }),
    ...previewAdmin({ collection: 'policies' }),
    defaultColumns: ['title', 'kind', 'lastReviewed', '_status'],
    description: 'The privacy notice, accessibility statement, cookies and contact pages, each at a fixed address in the footer.',
    group: 'Content',
    useAsTitle: 'title',
  },
  defaultSort: 'kind',
  fields: [
    { name: 'title', type: 'text', maxLength: 200, required: true },
    {
      name: 'kind',
      type: 'select',
      admin: {
        description: 'Which page this is; it decides the address (for example /privacy) and the footer link. One page of each.',
        position: 'sidebar',
      },
      index: true,
      options: POLICY_KINDS.map(({ label, value }) => ({ label, value })),
      required: true,
      unique: true,
    },
    {
      name: 'lastReviewed',
      type: 'date',
      admin: {
        description: 'The day the page was last checked against how the hub works, shown on the page as "Last reviewed".',
        date: { pickerAppearance: 'dayOnly' },
        position: 'sidebar',
      },
      label: 'Last reviewed',
      required: true,
    },
    { name: 'summary', type: 'textarea', maxLength: 600, required: true },
    { name: 'body', type: 'richText' },
  ],
  labels: { plural: 'Policy pages', singular: 'Policy page' },
  versions: { drafts: true, maxPerDoc: 50 },
}
