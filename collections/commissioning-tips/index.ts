import type { CollectionConfig } from 'payload'

import { editorialAccess } from '../../src/lib/access'
import { slugField } from '../../src/lib/fields/slug'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { CONTENT_STAFF } from '../../src/lib/access/roles'

/** The ten top tips for commissioning long-term conditions, shown together and as a block in pages. */
export const CommissioningTips: CollectionConfig = {
  slug: 'commissioning-tips',
  // Opt-ins: the search index follows its changes, and a change empties the page cache (see src/plugins).
  custom: { pageCache: true, searchIndex: true },
  access: editorialAccess,
  admin: {
    hidden: hiddenUnless({ roles: CONTENT_STAFF }),
    defaultColumns: ['rank', 'title', '_status'],
    group: 'Guidance',
    useAsTitle: 'title',
  },
  defaultSort: 'rank',
  fields: [
    {
      name: 'rank',
      type: 'number',
      admin: { description: 'Its number among the ten top tips (1 to 10), which sets the order.', position: 'sidebar' },
      index: true,
      max: 99,
      min: 1,
      required: true,
      unique: true,
    },
    { name: 'title', type: 'text', maxLength: 200, required: true },
    slugField({ from: 'title' }),
    { name: 'body', type: 'textarea', maxLength: 3000, required: true },
  ],
  labels: { plural: 'Commissioning tips', singular: 'Commissioning tip' },
  versions: { drafts: true, maxPerDoc: 50 },
}
