import type { CollectionConfig } from 'payload'

import { CONTENT_STAFF, DESK } from '../../src/lib/access/roles'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { reviewFields } from '../../src/lib/fields/review'
import { distinctSlug, slugField } from '../../src/lib/fields/slug'
import { validateText } from '../../src/lib/input/text'
import { PUBLISHED_QUESTION_MAX } from '../../src/lib/questions-and-answers/constants'
import { answerStaffField, questionsAndAnswersAccess } from './access'
import { suggestEndpoint } from './endpoints'
import { refusePersonalData } from './hooks/personal-data'
import { draftUnlessPublishing, enforceClinicalSignOff, fillReviewOnPublish } from './hooks/publishing'

// Stamped by the hooks, never sent; read by the staff who work on answers.
const stamped = { create: () => false, read: answerStaffField, update: () => false }

/**
 * Answers the desk gave, published for everyone: a responder proposes one from a question whose asker agreed,
 * an editor publishes it, a clinical reviewer when it gives clinical information. There is deliberately no
 * field that could hold who asked (name, email, telephone, organisation, job title).
 */
export const QuestionsAndAnswers: CollectionConfig = {
  slug: 'questions-and-answers',
  // PostgreSQL cuts identifiers at 63 characters: named after the slug, the versions table's review-source indexes would not fit.
  dbName: 'answers',
  // Opt-ins: the search index follows its changes, and a change empties the page cache (see src/plugins).
  custom: { pageCache: true, searchIndex: true },
  access: questionsAndAnswersAccess,
  admin: {
    hidden: hiddenUnless({ roles: [...CONTENT_STAFF, ...DESK] }),
    defaultColumns: ['question', 'careArea', 'givesClinicalInformation', '_status', 'updatedAt'],
    group: 'Guidance',
    listSearchableFields: ['question'],
    useAsTitle: 'question',
  },
  defaultSort: '-updatedAt',
  endpoints: [suggestEndpoint],
  fields: [
    {
      name: 'question',
      type: 'text',
      admin: { description: 'The question as the public reads it: edited, short, with nothing that says who asked.' },
      maxLength: PUBLISHED_QUESTION_MAX,
      minLength: 10,
      required: true,
      validate: validateText({ label: 'question', max: PUBLISHED_QUESTION_MAX, min: 10 }),
    },
    slugField({ from: 'question' }),
    {
      name: 'answer',
      type: 'richText',
      admin: { description: 'The answer as published. Links to guidance are checked like any page’s.' },
      required: true,
    },
    {
      name: 'careArea',
      type: 'relationship',
      admin: { description: 'Where the answer is listed on Questions and answers.', position: 'sidebar' },
      index: true,
      relationTo: 'care-areas',
      required: true,
    },
    {
      name: 'givesClinicalInformation',
      type: 'checkbox',
      admin: {
        description: 'Tick when the answer gives clinical information: then only a clinical reviewer publishes it, signing it off.',
        position: 'sidebar',
      },
      defaultValue: false,
      index: true,
      label: 'Gives clinical information',
    },
    reviewFields(),
    {
      name: 'clinicalSignOff',
      type: 'group',
      access: stamped,
      admin: { description: 'The clinical reviewer who published it, for answers that give clinical information.', position: 'sidebar' },
      fields: [
        { name: 'signedOffBy', type: 'relationship', admin: { readOnly: true }, relationTo: 'users' },
        { name: 'signedOffAt', type: 'date', admin: { readOnly: true } },
      ],
      label: 'Clinical sign-off',
    },
    {
      name: 'proposal',
      type: 'group',
      access: stamped,
      admin: { description: 'Who on the desk proposed it, and when.', position: 'sidebar' },
      fields: [
        { name: 'proposedBy', type: 'relationship', admin: { readOnly: true }, relationTo: 'users' },
        { name: 'proposedAt', type: 'date', admin: { readOnly: true } },
      ],
      label: 'Proposed',
    },
  ],
  hooks: {
    beforeChange: [enforceClinicalSignOff, refusePersonalData],
    beforeOperation: [draftUnlessPublishing],
    beforeValidate: [distinctSlug({ collection: 'questions-and-answers' }), fillReviewOnPublish],
  },
  labels: { plural: 'Questions and answers', singular: 'Question and answer' },
  // No scheduled publishing: a job publishes whatever the newest draft says when it runs, past the checks of a person publishing.
  versions: { drafts: true, maxPerDoc: 50 },
}
