import type { CollectionConfig, CollectionSlug } from 'payload'

import { contentStaffOnly, editorsOnly } from '../../src/lib/access'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { CONTENT_STAFF } from '../../src/lib/access/roles'
import { FROM_MAX } from '../../src/lib/redirects/paths'
import { importRedirectsEndpoint } from './endpoints'
import { normaliseFrom, refuseLoopsAndChains } from './hooks/check'

export const REDIRECT_ORIGINS = [
  { label: 'Added by an editor', value: 'editor' },
  { label: 'Imported from CSV', value: 'import' },
  { label: 'Page moved or renamed', value: 'moved' },
] as const

/**
 * Old addresses (the static site's, or a page's before it moved) and where each leads now: a hub document,
 * whose current address is looked up on every use, or a typed address. Applied before the site renders.
 * `targets` are the collections present in this hub that a redirect may lead to.
 */
export const redirectsCollection = ({ targets }: { targets: CollectionSlug[] }): CollectionConfig => ({
  slug: 'redirects',
  // A change empties the page cache, which is also what tells every instance to read redirects again.
  custom: { pageCache: true },
  access: { create: editorsOnly, delete: editorsOnly, read: contentStaffOnly, update: editorsOnly },
  admin: {
    components: { beforeListTable: ['/src/components/admin/RedirectsImport#RedirectsImport'] },
    defaultColumns: ['from', 'destination.type', 'destination.url', 'statusCode', 'origin'],
    description: 'Old addresses and where each now leads. A page that moves or is renamed gets one from its old address.',
    group: 'Content',
    hidden: hiddenUnless({ roles: CONTENT_STAFF }),
    useAsTitle: 'from',
  },
  defaultSort: 'from',
  endpoints: [importRedirectsEndpoint],
  fields: [
    {
      name: 'from',
      type: 'text',
      admin: { description: 'The old address, a path such as /journey/step2.html (any site name, query or capitals are dropped).' },
      index: true,
      label: 'Old address',
      maxLength: FROM_MAX,
      required: true,
      unique: true,
    },
    {
      name: 'destination',
      type: 'group',
      admin: { description: 'Where readers of the old address are sent.' },
      fields: [
        {
          name: 'type',
          type: 'radio',
          defaultValue: 'document',
          options: [
            { label: 'A page or document in the hub', value: 'document' },
            { label: 'An address', value: 'url' },
          ],
          required: true,
        },
        {
          name: 'document',
          type: 'relationship',
          admin: { condition: (_data, sibling) => sibling?.type !== 'url' },
          relationTo: targets,
        },
        {
          name: 'url',
          type: 'text',
          admin: {
            condition: (_data, sibling) => sibling?.type === 'url',
            description: 'A path on this site (starting with /) or an http(s) address.',
          },
          label: 'Address',
          maxLength: 2000,
        },
      ],
      label: 'Leads to',
    },
    {
      name: 'statusCode',
      type: 'select',
      admin: { description: 'Permanent (301) unless the old address will be used again (302).', position: 'sidebar' },
      defaultValue: '301',
      label: 'Kind',
      options: [
        { label: 'Permanent (301)', value: '301' },
        { label: 'Temporary (302)', value: '302' },
      ],
      required: true,
    },
    {
      name: 'origin',
      type: 'select',
      access: { update: () => false },
      admin: { description: 'How this redirect came about.', position: 'sidebar', readOnly: true },
      defaultValue: 'editor',
      options: REDIRECT_ORIGINS.map(({ label, value }) => ({ label, value })),
    },
  ],
  hooks: { beforeChange: [refuseLoopsAndChains], beforeValidate: [normaliseFrom] },
  labels: { plural: 'Redirects', singular: 'Redirect' },
})
