import type { CollectionConfig } from 'payload'

import { nobody } from '../../src/lib/access'
import { DELIVERY_STATUSES } from '../../src/lib/newsletter/delivery-status'
import { newsletterManagers } from '../subscribers/access'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { EDITORS } from '../../src/lib/access/roles'

/**
 * Each recipient of each newsletter issue, written only by the sender: who it went to, its state, attempts
 * and the last SMTP answer. One row per issue and subscriber (a unique index), so nobody is queued twice.
 */
export const NewsletterDeliveries: CollectionConfig = {
  slug: 'newsletter-deliveries',
  access: { create: nobody, delete: nobody, read: newsletterManagers, update: nobody },
  admin: {
    hidden: hiddenUnless({ roles: EDITORS }),
    defaultColumns: ['email', 'newsletter', 'status', 'attempts', 'sentAt'],
    group: 'Newsletter',
    listSearchableFields: ['email'],
    useAsTitle: 'email',
  },
  defaultSort: 'id',
  fields: [
    { name: 'newsletter', type: 'relationship', admin: { readOnly: true }, index: true, relationTo: 'newsletters', required: true },
    { name: 'subscriber', type: 'relationship', admin: { readOnly: true }, index: true, relationTo: 'subscribers' },
    {
      name: 'email',
      type: 'text',
      admin: { description: 'The address it was sent to (erased on request).', readOnly: true },
      maxLength: 254,
      required: true,
    },
    {
      name: 'status',
      type: 'select',
      admin: { description: 'Where this copy stands: queued, sending, sent, failed, bounced or skipped.', readOnly: true },
      defaultValue: 'queued',
      index: true,
      options: DELIVERY_STATUSES.map((status) => ({ ...status })),
      required: true,
    },
    {
      name: 'messageId',
      type: 'text',
      admin: { description: 'The same on every attempt, so a receiving system can recognise a repeat.', readOnly: true },
      maxLength: 200,
      required: true,
      unique: true,
    },
    {
      name: 'attempts',
      type: 'number',
      admin: { description: 'How many times sending was tried.', readOnly: true },
      defaultValue: 0,
      min: 0,
    },
    { name: 'nextAttemptAt', type: 'date', admin: { description: 'When a failed copy is tried again.', readOnly: true }, index: true },
    { name: 'claimId', type: 'text', admin: { hidden: true }, index: true, maxLength: 64 },
    {
      name: 'claimedAt',
      type: 'date',
      admin: { description: 'When a sending run took this copy (a run that stopped leaves it to be taken again).', readOnly: true },
    },
    { name: 'sentAt', type: 'date', admin: { readOnly: true } },
    {
      name: 'lastError',
      type: 'text',
      admin: { description: 'What the mail server said the last time it failed.', readOnly: true },
      maxLength: 1000,
    },
    {
      name: 'unsubscribedAt',
      type: 'date',
      admin: { description: 'The recipient unsubscribed after this was sent.', readOnly: true },
      index: true,
    },
  ],
  indexes: [{ fields: ['newsletter', 'subscriber'], unique: true }],
  labels: { plural: 'Newsletter deliveries', singular: 'Newsletter delivery' },
}
