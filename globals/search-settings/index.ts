import type { GlobalAfterChangeHook, GlobalConfig } from 'payload'

import { contentStaffOnly } from '../../src/lib/access'
import { recordSearchChange } from '../../src/lib/search/hooks'
import { MAX_SYNONYM_GROUPS, SYNONYMS_CHANGE, synonymTermsError } from '../../src/lib/search/synonyms'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { CONTENT_STAFF } from '../../src/lib/access/roles'

/**
 * Every web process's index follows the search change log; a record here makes each of them reload the
 * synonyms (and a Meilisearch index receive them) on its next poll. Same transaction as the save.
 */
const recordSynonymsChange: GlobalAfterChangeHook = async ({ doc, req }) => {
  await recordSearchChange({ ...SYNONYMS_CHANGE, req })
  return doc
}

/** Search behaviour the network's editors tune: synonyms and abbreviations, applied by whichever engine runs. */
export const SearchSettings: GlobalConfig = {
  slug: 'search-settings',
  // Opt-in: a change empties the page cache (see src/plugins/page-cache).
  custom: { pageCache: true },
  access: { read: contentStaffOnly, update: contentStaffOnly },
  admin: { hidden: hiddenUnless({ roles: CONTENT_STAFF }), group: 'Administration' },
  fields: [
    {
      name: 'synonyms',
      type: 'array',
      admin: {
        description:
          'Words and abbreviations that mean the same thing. A search for any term in a row also finds the others, e.g. "T2DM, type 2 diabetes".',
        initCollapsed: true,
      },
      fields: [
        {
          name: 'terms',
          type: 'text',
          admin: { description: 'Two or more terms, separated by commas.' },
          maxLength: 400,
          required: true,
          validate: (value: unknown) => synonymTermsError({ value }) ?? true,
        },
      ],
      label: 'Synonyms and abbreviations',
      labels: { plural: 'Synonym groups', singular: 'Synonym group' },
      maxRows: MAX_SYNONYM_GROUPS,
    },
  ],
  hooks: { afterChange: [recordSynonymsChange] },
  label: 'Search settings',
}
