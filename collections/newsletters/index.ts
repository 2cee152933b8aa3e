import type { CollectionConfig } from 'payload'

import { previewAdmin } from '../../src/lib/admin/preview'
import { LinkFeature, lexicalEditor } from '@payloadcms/richtext-lexical'

import { adminOnly, EDITORS, editorsOnly, fieldAllowRoles } from '../../src/lib/access'
import { slugField } from '../../src/lib/fields/slug'
import { ISSUE_STATUSES } from '../../src/lib/newsletter/issue-status'
import type { NewsletterItemSource } from '../../src/lib/newsletter/items'

import { itemFilterOptions } from '../../src/lib/newsletter/items'
import { topicOptions } from '../../src/lib/newsletter/topics'
import { readIssues } from './access'
import { issueEndpoints } from './endpoints'
import { freezeSentIssues, onlyDraftsAreDeleted } from './hooks/lifecycle'
import { hiddenUnless } from '../../src/lib/admin/navigation'

const setBySender = { create: () => false, update: () => false }
// How many it went to, and when it was meant to go, are the staff's business: the web version shows neither.
const setBySenderForEditors = { ...setBySender, read: fieldAllowRoles({ roles: EDITORS }) }

// What an email can show faithfully: text, headings, lists, quotes and links. No images, embeds or layout.
const UNSUPPORTED_IN_EMAIL = new Set(['align', 'blocks', 'checklist', 'indent', 'relationship', 'upload'])

/**
 * Newsletter issues: a subject, a preheader, an introduction and items pulled from the site (title, summary
 * and link come from the item itself), for one topic. Status moves draft → scheduled → sending → sent
 * through the actions in the admin (endpoints.ts), never by editing the field. Items and links may point at
 * the item collections this hub has (`items`: minutes only when it runs governance).
 */
export const newslettersCollection = ({ items }: { items: readonly NewsletterItemSource[] }): CollectionConfig => ({
  slug: 'newsletters',
  // Opt-in: a change empties the page cache (see src/plugins/page-cache).
  custom: { pageCache: true },
  access: { create: editorsOnly, delete: adminOnly, read: readIssues, update: editorsOnly },
  admin: {
    hidden: hiddenUnless({ roles: EDITORS }),
    ...previewAdmin({ collection: 'newsletters' }),
    defaultColumns: ['subject', 'topic', 'status', 'scheduledFor', 'sentAt'],
    group: 'Newsletter',
    useAsTitle: 'subject',
  },
  defaultSort: '-createdAt',
  endpoints: issueEndpoints,
  fields: [
    { name: 'subject', type: 'text', maxLength: 150, required: true },
    slugField({ from: 'subject' }),
    {
      name: 'preheader',
      type: 'text',
      admin: { description: 'The short line most inboxes show after the subject.' },
      maxLength: 150,
    },
    {
      name: 'topic',
      type: 'select',
      admin: { description: 'The issue goes to confirmed subscribers who chose this topic.', position: 'sidebar' },
      index: true,
      options: topicOptions(),
      required: true,
    },
    {
      name: 'intro',
      type: 'richText',
      editor: lexicalEditor({
        features: ({ defaultFeatures }) => [
          ...defaultFeatures.filter((feature) => !UNSUPPORTED_IN_EMAIL.has(feature.key) && feature.key !== 'link'),
          LinkFeature({ enabledCollections: [...items], maxDepth: 1 }),
        ],
      }),
      label: 'Introduction',
    },
    {
      name: 'items',
      type: 'relationship',
      admin: {
        description: 'Network updates, consultations and guidance pages, in this order. Title, summary and link come from each item.',
      },
      filterOptions: itemFilterOptions,
      hasMany: true,
      maxRows: 30,
      relationTo: [...items],
    },
    {
      name: 'sending',
      type: 'ui',
      admin: { components: { Field: '/src/components/admin/NewsletterPanel#NewsletterPanel' } },
    },
    {
      name: 'status',
      type: 'select',
      access: setBySender,
      admin: { description: 'Set by Preview and send: draft, scheduled, sending, sent.', position: 'sidebar', readOnly: true },
      defaultValue: 'draft',
      index: true,
      options: ISSUE_STATUSES.map((status) => ({ ...status })),
      required: true,
    },
    {
      name: 'scheduledFor',
      type: 'date',
      access: setBySenderForEditors,
      admin: {
        description: 'When it goes out, UK time (set with Schedule in Preview and send).',
        date: { pickerAppearance: 'dayAndTime' },
        position: 'sidebar',
        readOnly: true,
      },
      index: true,
    },
    {
      name: 'sendStartedAt',
      type: 'date',
      access: setBySender,
      admin: { description: 'When sending began.', position: 'sidebar', readOnly: true },
    },
    {
      name: 'sentAt',
      type: 'date',
      access: setBySender,
      admin: { description: 'When the last copy went out.', position: 'sidebar', readOnly: true },
      index: true,
    },
    {
      name: 'recipientCount',
      type: 'number',
      access: setBySenderForEditors,
      admin: { description: 'Confirmed subscribers to its topic when sending began.', position: 'sidebar', readOnly: true },
    },
    {
      // The sender's progress in listing recipients: the last subscriber id queued, and whether the list is complete.
      name: 'recipients',
      type: 'group',
      access: setBySenderForEditors,
      admin: { hidden: true },
      fields: [
        { name: 'cursor', type: 'text', maxLength: 64 },
        { name: 'complete', type: 'checkbox', defaultValue: false },
      ],
    },
  ],
  hooks: {
    beforeChange: [freezeSentIssues],
    beforeDelete: [onlyDraftsAreDeleted],
  },
  labels: { plural: 'Newsletters', singular: 'Newsletter' },
})
