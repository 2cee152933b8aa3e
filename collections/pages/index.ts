import type { CollectionConfig } from 'payload'

import { contentStaffField } from '../../src/lib/access'
import { guidanceEditor } from '../../src/lib/blocks'
import { audienceField } from '../../src/lib/fields/audience'
import { reviewFields } from '../../src/lib/fields/review'
import { slugField } from '../../src/lib/fields/slug'
import { pagesAccess } from './access'
import { enforceSignOff, recordSignOff, saveAsDraftUnlessReviewer, SIGN_OFF_STATES } from './hooks/signOff'
import { keepTreeSound } from './hooks/tree'

/** Guidance pages, nested under a care area and optionally under another page. */
export const Pages: CollectionConfig = {
  slug: 'pages',
  // Opt-ins: the search index follows its changes, and a change empties the page cache (see src/plugins).
  custom: { pageCache: true, searchIndex: true },
  access: pagesAccess,
  admin: {
    defaultColumns: ['title', 'careArea', 'audience', 'signOff.status', '_status'],
    group: 'Guidance',
    listSearchableFields: ['title', 'summary'],
    useAsTitle: 'title',
  },
  fields: [
    { name: 'title', type: 'text', maxLength: 200, required: true },
    slugField({ unique: false }),
    {
      name: 'careArea',
      type: 'relationship',
      admin: { description: 'Taken from the parent page when there is one.', position: 'sidebar' },
      index: true,
      relationTo: 'care-areas',
    },
    {
      name: 'parent',
      type: 'relationship',
      admin: { position: 'sidebar' },
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
      index: true,
      relationTo: 'pages',
    },
    {
      name: 'order',
      type: 'number',
      admin: { description: 'Position among its sibling pages (lower first).', position: 'sidebar' },
      defaultValue: 10,
    },
    audienceField(),
    { name: 'summary', type: 'textarea', maxLength: 400, required: true },
    { name: 'body', type: 'richText', editor: guidanceEditor() },
    { name: 'relatedDocuments', type: 'relationship', hasMany: true, maxRows: 20, relationTo: 'documents' },
    reviewFields(),
    {
      name: 'signOff',
      type: 'group',
      access: { read: contentStaffField },
      admin: { position: 'sidebar' },
      fields: [
        {
          name: 'status',
          type: 'select',
          admin: { description: 'Set "Awaiting clinical sign-off" when the draft is ready; a clinical reviewer publishes it.' },
          defaultValue: 'draft',
          options: SIGN_OFF_STATES.map((state) => ({ ...state })),
          required: true,
        },
        { name: 'requestedBy', type: 'relationship', admin: { readOnly: true }, relationTo: 'users' },
        { name: 'requestedAt', type: 'date', admin: { readOnly: true } },
        { name: 'signedOffBy', type: 'relationship', admin: { readOnly: true }, relationTo: 'users' },
        { name: 'signedOffAt', type: 'date', admin: { readOnly: true } },
      ],
      label: 'Clinical sign-off',
    },
  ],
  hooks: {
    afterChange: [recordSignOff],
    beforeChange: [enforceSignOff],
    beforeOperation: [saveAsDraftUnlessReviewer],
    beforeValidate: [keepTreeSound],
  },
  labels: { plural: 'Guidance pages', singular: 'Guidance page' },
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 100 },
}
