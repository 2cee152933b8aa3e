import type { CollectionConfig } from 'payload'

import { editorialAccess } from '../../src/lib/access'
import { slugField } from '../../src/lib/fields/slug'
import { importEndpoint } from './endpoints'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { CONTENT_STAFF } from '../../src/lib/access/roles'

/** Written parliamentary questions and their answers, typed in or imported from Parliament's JSON. */
export const ParliamentaryQuestions: CollectionConfig = {
  slug: 'parliamentary-questions',
  // Opt-ins: the search index follows its changes, and a change empties the page cache (see src/plugins).
  custom: { pageCache: true, searchIndex: true },
  access: editorialAccess,
  admin: {
    hidden: hiddenUnless({ roles: CONTENT_STAFF }),
    defaultColumns: ['heading', 'uin', 'dateAsked', 'dateAnswered', 'answeringBody'],
    group: 'Content',
    useAsTitle: 'heading',
  },
  defaultSort: '-dateAsked',
  endpoints: [importEndpoint],
  fields: [
    { name: 'heading', type: 'text', maxLength: 200, required: true },
    slugField({ from: 'heading' }),
    {
      type: 'row',
      fields: [
        {
          name: 'uin',
          type: 'text',
          admin: { description: "Parliament's unique identification number." },
          index: true,
          label: 'UIN',
          maxLength: 20,
        },
        { admin: { description: 'The House the question was asked in.' }, name: 'house', type: 'select', options: ['Commons', 'Lords'] },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'dateAsked',
          type: 'date',
          admin: { description: 'The day the question was tabled.', date: { pickerAppearance: 'dayOnly' } },
          index: true,
          required: true,
        },
        {
          name: 'dateAnswered',
          type: 'date',
          admin: { description: 'The day the answer was given; empty while unanswered.', date: { pickerAppearance: 'dayOnly' } },
        },
      ],
    },
    { admin: { description: 'The Member who asked it, as Parliament names them.' }, name: 'askingMember', type: 'text', maxLength: 200 },
    {
      admin: { description: 'The department that answered, e.g. Department of Health and Social Care.' },
      name: 'answeringBody',
      type: 'text',
      maxLength: 200,
      required: true,
    },
    { admin: { description: 'The minister who answered.' }, name: 'answeringMember', type: 'text', maxLength: 200 },
    { name: 'question', type: 'textarea', maxLength: 5000, required: true },
    { name: 'answer', type: 'textarea', maxLength: 20000 },
    {
      admin: { description: 'Words people may search for that the text does not use, e.g. "T2DM".' },
      name: 'tags',
      type: 'text',
      hasMany: true,
      maxLength: 60,
    },
    { admin: { description: 'The question on Parliament’s written questions site.' }, name: 'sourceUrl', type: 'text', maxLength: 500 },
  ],
  labels: { plural: 'Parliamentary questions', singular: 'Parliamentary question' },
  versions: { drafts: true, maxPerDoc: 20 },
}
