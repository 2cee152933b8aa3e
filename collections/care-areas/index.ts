import type { CollectionConfig } from 'payload'

import { previewAdmin } from '../../src/lib/admin/preview'
import { editorialAccess } from '../../src/lib/access'
import { slugField } from '../../src/lib/fields/slug'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { CONTENT_STAFF } from '../../src/lib/access/roles'

/** The steps of the diabetes journey. Guidance pages sit under a care area. */
export const CareAreas: CollectionConfig = {
  slug: 'care-areas',
  // Opt-ins: the search index follows its changes, and a change empties the page cache (see src/plugins).
  custom: { pageCache: true, searchIndex: true },
  access: editorialAccess,
  admin: {
    hidden: hiddenUnless({ roles: CONTENT_STAFF }),
    ...previewAdmin({ collection: 'care-areas' }),
    defaultColumns: ['step', 'title', '_status'],
    group: 'Guidance',
    useAsTitle: 'title',
  },
  defaultSort: 'step',
  fields: [
    {
      name: 'step',
      type: 'number',
      admin: { description: 'Position in the journey (1 is first).', position: 'sidebar' },
      index: true,
      min: 1,
      max: 99,
      required: true,
      unique: true,
    },
    { name: 'title', type: 'text', maxLength: 120, required: true },
    slugField(),
    { name: 'summary', type: 'textarea', maxLength: 400, required: true },
    {
      admin: { description: 'Shown at the top of the care area page. Give it alternative text in the media library.' },
      name: 'image',
      type: 'upload',
      relationTo: 'media',
    },
    { name: 'body', type: 'richText' },
  ],
  labels: { plural: 'Care areas', singular: 'Care area' },
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
}
