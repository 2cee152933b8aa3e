import type { CollectionConfig } from 'payload'

import { previewAdmin } from '../../src/lib/admin/preview'
import { contentStaffField } from '../../src/lib/access'
import { guidanceEditor } from '../../src/lib/blocks'
import { audienceField } from '../../src/lib/fields/audience'
import { reviewFields } from '../../src/lib/fields/review'
import { slugField } from '../../src/lib/fields/slug'
import { pagesAccess } from './access'
import { signOffEndpoints } from './endpoints'
import { enforceSignOff, notifySignOff, recordSignOff, saveAsDraftUnlessReviewer } from './hooks/signOff'
import { REQUEST_NOTE_MAX, SIGN_OFF_STATES } from '../../src/lib/sign-off/constants'
import { keepTreeSound } from './hooks/tree'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { CONTENT_STAFF } from '../../src/lib/access/roles'

/** Guidance pages, nested under a care area and optionally under another page. */
export const Pages: CollectionConfig = {
  slug: 'pages',
  // Opt-ins: the search index follows its changes, and a change empties the page cache (see src/plugins).
  custom: { pageCache: true, searchIndex: true },
  access: pagesAccess,
  admin: {
    hidden: hiddenUnless({ roles: CONTENT_STAFF }),
    ...previewAdmin({ collection: 'pages' }),
    defaultColumns: ['title', 'careArea', 'audience', 'signOff.status', '_status'],
    group: 'Guidance',
    listSearchableFields: ['title', 'summary'],
    useAsTitle: 'title',
  },
  endpoints: signOffEndpoints,
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
    {
      admin: { description: 'Library documents listed under the page.' },
      name: 'relatedDocuments',
      type: 'relationship',
      hasMany: true,
      maxRows: 20,
      relationTo: 'documents',
    },
    reviewFields(),
    {
      name: 'signOff',
      type: 'group',
      access: { read: contentStaffField },
      admin: {
        description: 'Where the page stands in clinical sign-off. It moves by the steps offered here, not by choosing a status.',
        position: 'sidebar',
      },
      fields: [
        {
          name: 'status',
          type: 'select',
          // Moved by the sign-off steps (the panel below, or the workflow's API), not picked from a list.
          admin: { components: { Field: '/src/components/admin/SignOffPanel#SignOffPanel' } },
          defaultValue: 'draft',
          label: 'Sign-off status',
          options: SIGN_OFF_STATES.map((state) => ({ ...state })),
          required: true,
        },
        {
          name: 'requestNote',
          type: 'textarea',
          admin: { readOnly: true },
          label: 'Note to the reviewer',
          maxLength: REQUEST_NOTE_MAX,
        },
        { name: 'reviewer', type: 'relationship', admin: { readOnly: true }, label: 'Reviewer asked', relationTo: 'users' },
        { name: 'requestedBy', type: 'relationship', admin: { readOnly: true }, relationTo: 'users' },
        { name: 'requestedAt', type: 'date', admin: { readOnly: true } },
        { name: 'returnReason', type: 'textarea', admin: { readOnly: true }, label: 'Reason for return', maxLength: REQUEST_NOTE_MAX },
        { name: 'returnedBy', type: 'relationship', admin: { readOnly: true }, relationTo: 'users' },
        { name: 'returnedAt', type: 'date', admin: { readOnly: true } },
        { name: 'signedOffBy', type: 'relationship', admin: { readOnly: true }, relationTo: 'users' },
        { name: 'signedOffAt', type: 'date', admin: { readOnly: true } },
      ],
      label: 'Clinical sign-off',
    },
  ],
  hooks: {
    afterChange: [recordSignOff, notifySignOff],
    beforeChange: [enforceSignOff],
    beforeOperation: [saveAsDraftUnlessReviewer],
    beforeValidate: [keepTreeSound],
  },
  labels: { plural: 'Guidance pages', singular: 'Guidance page' },
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 100 },
}
