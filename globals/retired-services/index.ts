import type { GlobalConfig } from 'payload'

import { adminOnly, contentStaffOnly } from '../../src/lib/access'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { CONTENT_STAFF } from '../../src/lib/access/roles'
import { RETIRED_SERVICES } from '../../src/lib/link-health/options'
import { DEFAULT_RETIRED_SERVICES } from '../../src/lib/link-health/retired'

/**
 * Services that have closed, whose links and phone numbers the link check flags wherever published content
 * still gives them. Starts with NHS Direct and 0845 numbers; administrators keep it up to date.
 */
export const RetiredServices: GlobalConfig = {
  slug: RETIRED_SERVICES,
  access: { read: contentStaffOnly, update: adminOnly },
  admin: { group: 'Content', hidden: hiddenUnless({ roles: CONTENT_STAFF }) },
  fields: [
    {
      name: 'services',
      type: 'array',
      admin: {
        description:
          'Each closed service: its web sites (links to them or their subdomains are flagged), its phone numbers (matched however they are spaced; end one with * to match every number starting so, like 0845*), and what readers should use instead.',
      },
      defaultValue: DEFAULT_RETIRED_SERVICES,
      fields: [
        { name: 'name', type: 'text', maxLength: 120, required: true },
        { name: 'hosts', type: 'text', hasMany: true, label: 'Web sites', maxLength: 253 },
        { name: 'numbers', type: 'text', hasMany: true, label: 'Phone numbers', maxLength: 40 },
        { name: 'replacement', type: 'text', label: 'Use instead', maxLength: 300, required: true },
      ],
      label: 'Retired services',
    },
  ],
  label: 'Retired services',
}
