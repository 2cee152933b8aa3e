import type { CollectionConfig } from 'payload'

import { adminOnly, CONTENT_STAFF, allowRoles } from '../../src/lib/access'
import { validateOptionalText } from '../../src/lib/input/text'

/**
 * "Was this page useful?" answers. Created only through the site's form handler (trusted Local API with
 * validation), read by content staff, who see per-page totals in the admin.
 */
export const Feedback: CollectionConfig = {
  slug: 'feedback',
  access: { create: adminOnly, delete: adminOnly, read: allowRoles({ roles: CONTENT_STAFF }), update: adminOnly },
  admin: { defaultColumns: ['page', 'useful', 'comment', 'createdAt'], group: 'Guidance' },
  defaultSort: '-createdAt',
  fields: [
    { name: 'page', type: 'relationship', index: true, relationTo: 'pages', required: true },
    { name: 'useful', type: 'checkbox', index: true, required: true },
    { name: 'comment', type: 'textarea', maxLength: 1000, validate: validateOptionalText({ label: 'comment', max: 1000, multiline: true }) },
  ],
  labels: { plural: 'Feedback', singular: 'Feedback' },
}
