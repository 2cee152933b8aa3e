import type { GlobalConfig } from 'payload'

import { anyone, editorsOnly } from '../../src/lib/access'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { EDITORS } from '../../src/lib/access/roles'

const linkFields = [
  { name: 'label', type: 'text' as const, maxLength: 60, required: true },
  {
    name: 'href',
    type: 'text' as const,
    admin: { description: 'A path on this site (/updates) or a full web address.' },
    maxLength: 500,
    required: true,
    validate: (value: unknown) =>
      typeof value === 'string' && (/^\/(?!\/)/.test(value) || /^https?:\/\//.test(value))
        ? true
        : 'Start with / for a page on this site, or https:// for another site.',
  },
]

/** Header and footer links. */
export const Navigation: GlobalConfig = {
  slug: 'navigation',
  // Opt-in: a change empties the page cache (see src/plugins/page-cache).
  custom: { pageCache: true },
  access: { read: anyone, update: editorsOnly },
  admin: { hidden: hiddenUnless({ roles: EDITORS }), group: 'Administration' },
  fields: [
    {
      admin: { description: 'The links across the top of every page, in order.' },
      name: 'header',
      type: 'array',
      fields: linkFields,
      maxRows: 10,
    },
    {
      admin: { description: 'The links at the foot of every page, in order.' },
      name: 'footer',
      type: 'array',
      fields: linkFields,
      maxRows: 12,
    },
  ],
}
