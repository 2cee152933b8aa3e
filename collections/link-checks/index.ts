import type { CollectionConfig } from 'payload'

import { hiddenUnless } from '../../src/lib/admin/navigation'
import { CONTENT_STAFF } from '../../src/lib/access/roles'
import { LINK_CHECKS, LINK_OUTCOMES } from '../../src/lib/link-health/options'
import { linkChecksAccess } from './access'
import { checkNowEndpoint } from './endpoints'

const shown = { readOnly: true } as const

/**
 * One row per external address used in published content (guidance, care areas, updates, tips, parliamentary
 * answers, the library, policies, newsletters' web versions), with what the last check found and the
 * documents that use it. Written by the link check (src/lib/link-health) only.
 */
export const LinkChecks: CollectionConfig = {
  slug: LINK_CHECKS,
  access: linkChecksAccess,
  admin: {
    components: { beforeListTable: ['/src/components/admin/LinkChecksActions#LinkChecksActions'] },
    defaultColumns: ['url', 'outcome', 'statusCode', 'problemSince', 'lastCheckedAt'],
    description:
      'External links in published content and what the nightly check found: broken, redirected, or to a retired service. Open a row to see the pages that use it.',
    group: 'Content',
    hidden: hiddenUnless({ roles: CONTENT_STAFF }),
    listSearchableFields: ['url', 'host'],
    useAsTitle: 'url',
  },
  defaultSort: 'outcome',
  endpoints: [checkNowEndpoint],
  fields: [
    {
      name: 'url',
      type: 'text',
      admin: { ...shown, description: 'The address as content links to it (a tel: address for a phone number in the text).' },
      index: true,
      label: 'Address',
      required: true,
      unique: true,
    },
    {
      name: 'outcome',
      type: 'select',
      admin: { ...shown, description: 'What the last check found.' },
      index: true,
      options: LINK_OUTCOMES.map((outcome) => ({ ...outcome })),
      required: true,
    },
    {
      name: 'statusCode',
      type: 'number',
      admin: { ...shown, description: 'The HTTP status of the last answer (after any redirects).' },
      label: 'Status',
    },
    {
      name: 'error',
      type: 'text',
      admin: { ...shown, description: 'Why there was no answer: not found (DNS), refused, closed, or timed out.' },
      label: 'Problem',
    },
    {
      name: 'retiredService',
      type: 'text',
      admin: { ...shown, description: 'The retired service the address or number belongs to, and what replaced it.' },
    },
    {
      name: 'finalUrl',
      type: 'text',
      admin: { ...shown, description: 'Where the redirects ended: the address to link to instead.' },
      label: 'Leads to',
    },
    {
      name: 'redirects',
      type: 'array',
      admin: { ...shown, description: 'Each redirect followed, in order: its status and where it led.' },
      fields: [
        { name: 'status', type: 'number', required: true },
        { name: 'url', type: 'text', required: true },
      ],
    },
    {
      name: 'usedBy',
      type: 'array',
      admin: { ...shown, description: 'The published documents that use this address.' },
      fields: [
        { name: 'collection', type: 'text', required: true },
        { name: 'docId', type: 'text', label: 'Document id', required: true },
        { name: 'title', type: 'text' },
        // `collection:id`, so the owner's list and the edit view find a document's rows in one query.
        { name: 'key', type: 'text', admin: { hidden: true }, index: true, required: true },
      ],
      label: 'Used by',
    },
    {
      name: 'host',
      type: 'text',
      admin: { ...shown, description: 'The site, for sorting and search.', position: 'sidebar' },
      index: true,
    },
    {
      name: 'lastCheckedAt',
      type: 'date',
      admin: { ...shown, description: 'When the address was last asked (at most once a UK day).', position: 'sidebar' },
      label: 'Last checked',
    },
    {
      name: 'lastCheckedDay',
      type: 'text',
      admin: { hidden: true },
      index: true,
    },
    {
      name: 'problemSince',
      type: 'date',
      admin: { ...shown, description: 'When the check first found the current problem.', position: 'sidebar' },
      label: 'Problem since',
    },
  ],
  labels: { plural: 'Link checks', singular: 'Link check' },
  timestamps: true,
}
