import type { CollectionConfig } from 'payload'

import { slugField } from '../../src/lib/fields/slug'
import { updatesAccess } from './access'

/** Network updates and letters. Drafts, version history and scheduled publishing for editors. */
export const Updates: CollectionConfig = {
  slug: 'updates',
  access: updatesAccess,
  admin: { defaultColumns: ['title', 'date', '_status'], group: 'Content', useAsTitle: 'title' },
  defaultSort: '-date',
  fields: [
    { name: 'title', type: 'text', maxLength: 200, required: true },
    slugField(),
    { name: 'date', type: 'date', admin: { position: 'sidebar' }, index: true, required: true },
    { name: 'summary', type: 'textarea', maxLength: 600 },
    { name: 'body', type: 'richText' },
  ],
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
}
