import type { CollectionConfig } from 'payload'

import { adminOnly, nobody } from '../../src/lib/access'
import { CONSENT_ACTIONS } from '../../src/lib/newsletter/consent'
import { SUBSCRIBER_STATUSES } from '../../src/lib/newsletter/subscriber-status'
import { topicOptions } from '../../src/lib/newsletter/topics'
import { newsletterManagers, newsletterManagersField, systemOnlyField } from './access'
import { subscriberEndpoints } from './endpoints'
import { forgetErasedSubscriber, noteUnsubscribeOnDeliveries, staffMayOnlyUnsubscribe } from './hooks/changes'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { EDITORS } from '../../src/lib/access/roles'

const readOnly = { ...systemOnlyField, read: newsletterManagersField }

/**
 * Newsletter subscribers: double opt-in (unconfirmed → confirmed → unsubscribed), topics chosen by the
 * subscriber, a consent record for every change, and suppression after a hard bounce. People reach their
 * subscription through signed links (see src/lib/newsletter/tokens.ts), never through this API.
 */
export const Subscribers: CollectionConfig = {
  slug: 'subscribers',
  access: {
    // Sign-up goes through POST /api/subscribers/signup, which validates, limits the rate and asks for confirmation.
    create: nobody,
    delete: adminOnly,
    read: newsletterManagers,
    update: newsletterManagers,
  },
  admin: {
    hidden: hiddenUnless({ roles: EDITORS }),
    defaultColumns: ['email', 'status', 'topics', 'confirmedAt', 'suppressedAt'],
    description: 'Only administrators and editors with the newsletter permission see this list.',
    group: 'Newsletter',
    listSearchableFields: ['email'],
    useAsTitle: 'email',
  },
  defaultSort: '-createdAt',
  endpoints: subscriberEndpoints,
  fields: [
    { name: 'email', type: 'email', access: readOnly, admin: { readOnly: true }, index: true, required: true, unique: true },
    {
      name: 'status',
      type: 'select',
      access: { create: () => false, read: newsletterManagersField, update: newsletterManagersField },
      admin: {
        description: 'Staff can only unsubscribe someone (for example, at their request by phone); confirming is for the subscriber.',
        position: 'sidebar',
      },
      defaultValue: 'unconfirmed',
      index: true,
      options: SUBSCRIBER_STATUSES.map((status) => ({ ...status })),
      required: true,
    },
    {
      name: 'topics',
      type: 'select',
      access: readOnly,
      admin: { description: 'What they chose to receive.', readOnly: true },
      hasMany: true,
      options: topicOptions(),
    },
    {
      name: 'source',
      type: 'text',
      access: readOnly,
      admin: { description: 'The page they first signed up on.', readOnly: true },
      maxLength: 500,
    },
    {
      name: 'confirmedAt',
      type: 'date',
      access: readOnly,
      admin: { description: 'When they confirmed by the emailed link; nothing is sent before.', position: 'sidebar', readOnly: true },
    },
    {
      name: 'unsubscribedAt',
      type: 'date',
      access: readOnly,
      admin: { description: 'When they unsubscribed.', position: 'sidebar', readOnly: true },
    },
    {
      name: 'suppressedAt',
      type: 'date',
      access: readOnly,
      admin: {
        description: 'A hard bounce: no newsletter is sent to this address until it is confirmed again.',
        position: 'sidebar',
        readOnly: true,
      },
      index: true,
    },
    {
      name: 'suppressionReason',
      type: 'text',
      access: readOnly,
      admin: { description: 'Why mail to them stopped (a hard bounce or a complaint).', position: 'sidebar', readOnly: true },
      maxLength: 1000,
    },
    {
      name: 'confirmationSentAt',
      type: 'date',
      access: readOnly,
      admin: { description: 'When the confirmation email was last sent.', position: 'sidebar', readOnly: true },
    },
    {
      // Signs this subscriber's links; replacing it revokes every link sent before. Never leaves the server.
      name: 'tokenNonce',
      type: 'text',
      access: { create: () => false, read: () => false, update: () => false },
      admin: { hidden: true },
      maxLength: 64,
    },
    {
      name: 'consents',
      type: 'array',
      access: readOnly,
      admin: { description: 'Every change, with the page it came from and the version of the words shown.', readOnly: true },
      fields: [
        { name: 'at', type: 'date', admin: { date: { displayFormat: 'd MMM yyyy, HH:mm:ss' } }, required: true },
        { name: 'action', type: 'select', options: CONSENT_ACTIONS.map((action) => ({ ...action })), required: true },
        { name: 'source', type: 'text', maxLength: 500 },
        {
          name: 'wording',
          type: 'text',
          admin: { description: 'Version of the consent words shown (see src/lib/newsletter/consent.ts).' },
          maxLength: 50,
        },
        { name: 'topics', type: 'text', maxLength: 500 },
      ],
      label: 'Consent record',
    },
  ],
  hooks: {
    afterChange: [noteUnsubscribeOnDeliveries],
    beforeChange: [staffMayOnlyUnsubscribe],
    beforeDelete: [forgetErasedSubscriber],
  },
  labels: { plural: 'Subscribers', singular: 'Subscriber' },
}
