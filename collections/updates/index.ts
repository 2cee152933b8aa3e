import type { CollectionConfig } from 'payload'

import { previewAdmin } from '../../src/lib/admin/preview'
import { editorialAccess } from '../../src/lib/access'
import { validateUrl } from '../../src/lib/fields/url'
import { slugField } from '../../src/lib/fields/slug'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { CONTENT_STAFF } from '../../src/lib/access/roles'

/**
 * Network updates and letters. An update can be a consultation: the site shows it open until its
 * feedback deadline and says where feedback goes. Drafts, version history and scheduled publishing.
 */
export const Updates: CollectionConfig = {
  slug: 'updates',
  // Opt-ins: the search index follows its changes, and a change empties the page cache (see src/plugins).
  custom: { pageCache: true, searchIndex: true },
  access: editorialAccess,
  admin: {
    hidden: hiddenUnless({ roles: CONTENT_STAFF }),
    ...previewAdmin({ collection: 'updates' }),
    defaultColumns: ['title', 'date', 'isConsultation', '_status'],
    group: 'Content',
    useAsTitle: 'title',
  },
  defaultSort: '-date',
  fields: [
    { name: 'title', type: 'text', maxLength: 200, required: true },
    slugField(),
    {
      name: 'date',
      type: 'date',
      admin: {
        description: 'The day the update or letter was issued, shown with it.',
        date: { pickerAppearance: 'dayOnly' },
        position: 'sidebar',
      },
      index: true,
      required: true,
    },
    {
      name: 'from',
      type: 'text',
      admin: { description: 'Who the update or letter is from, e.g. "Naresh Kanumilli, SCN Clinical Lead for Diabetes".' },
      maxLength: 300,
    },
    {
      admin: { description: 'The organisation it comes from, shown after "From".' },
      name: 'fromOrganisation',
      type: 'relationship',
      relationTo: 'organisations',
    },
    { name: 'summary', type: 'textarea', maxLength: 600 },
    { name: 'body', type: 'richText' },
    {
      admin: { description: 'Library documents offered with the update.' },
      name: 'attachments',
      type: 'relationship',
      hasMany: true,
      maxRows: 20,
      relationTo: 'documents',
    },
    {
      admin: { description: 'People to contact about it: their name, job title and organisation are shown, never their email.' },
      name: 'contacts',
      type: 'relationship',
      hasMany: true,
      maxRows: 20,
      relationTo: 'people',
    },
    {
      name: 'isConsultation',
      type: 'checkbox',
      admin: {
        description: 'Tick when it asks for responses: it is then listed under Consultations with its closing date.',
        position: 'sidebar',
      },
      defaultValue: false,
      index: true,
      label: 'This is a consultation',
    },
    {
      name: 'consultation',
      type: 'group',
      admin: {
        description: 'How to respond, by when and to whom, shown on the update.',
        condition: (data) => Boolean(data?.isConsultation),
      },
      fields: [
        {
          name: 'feedbackDeadline',
          type: 'date',
          admin: {
            description: 'The last day responses are accepted; from the next day it shows as closed.',
            date: { pickerAppearance: 'dayOnly' },
          },
          index: true,
          validate: (value: unknown, { data }: { data: { isConsultation?: boolean } }) =>
            data?.isConsultation && !value ? 'A consultation needs a feedback deadline.' : true,
        },
        {
          name: 'feedbackTo',
          type: 'relationship',
          admin: { description: 'The person feedback goes to (their name is shown; never their email).' },
          relationTo: 'people',
        },
        {
          name: 'feedbackInstructions',
          type: 'textarea',
          admin: { description: 'How to respond, e.g. "Send comments to Ewan Jones at the network by 31 January 2018."' },
          maxLength: 1000,
        },
        {
          admin: { description: 'An online form for responses, if there is one.' },
          name: 'feedbackUrl',
          type: 'text',
          label: 'Online response form (optional)',
          maxLength: 500,
          validate: validateUrl,
        },
      ],
    },
  ],
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
}
