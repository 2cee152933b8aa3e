import type { CollectionConfig } from 'payload'

import { deskCalendar, describeSla } from '../../src/lib/questions/sla'
import { validateOptionalText, validateText } from '../../src/lib/input/text'
import { validateEmail, validateSourcePath, validateUkPhone } from '../../src/lib/questions/validate'
import { DESK } from '../../src/lib/access/roles'
import { askerField, deskField, deskOnlyField, questionsAccess } from './access'
import { proposeEndpoint, reportCsvEndpoint, reportEndpoint } from './endpoints'
import { findDelivery } from '../../src/lib/email/deliveries'
import { eraseAskerEndpoint } from './erase-endpoint'
import { acceptPublicQuestion, assignReference, screenPublicQuestion, stampNewQuestion } from './hooks/intake'
import { notifyAsker, prepareAnswerEmail } from './hooks/notify'
import { trackQuestionWorkflow } from './hooks/workflow'
import { hiddenUnless } from '../../src/lib/admin/navigation'

export const QUESTION_STATUSES = [
  { label: 'New', value: 'new' },
  { label: 'Assigned', value: 'assigned' },
  { label: 'Awaiting requester', value: 'awaiting-requester' },
  { label: 'Answered', value: 'answered' },
  { label: 'Closed', value: 'closed' },
] as const

const readOnlyDesk = { ...deskField, create: () => false, update: () => false }

/** "Ask a question" submissions and the desk's work on them. */
export const Questions: CollectionConfig = {
  slug: 'questions',
  access: questionsAccess,
  admin: {
    hidden: hiddenUnless({ roles: DESK }),
    defaultColumns: ['reference', 'status', 'dueDay', 'timeLeft', 'receivedAt', 'assignee'],
    group: 'Questions',
    listSearchableFields: ['reference'],
    useAsTitle: 'reference',
  },
  defaultSort: '-receivedAt',
  endpoints: [reportEndpoint, reportCsvEndpoint, eraseAskerEndpoint, proposeEndpoint],
  fields: [
    {
      name: 'reference',
      type: 'text',
      access: { create: () => false, update: () => false },
      admin: { description: 'Given to the asker; replies quoting it in the subject are matched to the question.', readOnly: true },
      index: true,
      unique: true,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'name',
          type: 'text',
          access: askerField,
          maxLength: 120,
          required: true,
          validate: validateText({ label: 'full name', max: 120 }),
        },
        { name: 'email', type: 'text', access: askerField, maxLength: 254, required: true, validate: validateEmail },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'jobTitle',
          type: 'text',
          access: askerField,
          maxLength: 120,
          validate: validateOptionalText({ label: 'job title', max: 120 }),
        },
        {
          name: 'organisation',
          type: 'text',
          access: askerField,
          maxLength: 200,
          validate: validateOptionalText({ label: 'organisation', max: 200 }),
        },
        { name: 'telephone', type: 'text', access: askerField, maxLength: 30, validate: validateUkPhone },
      ],
    },
    // The question itself is not personal data in the same way: content staff may read it (FAQs, reports).
    {
      name: 'question',
      type: 'textarea',
      access: { create: () => true, update: deskOnlyField },
      maxLength: 5000,
      minLength: 10,
      required: true,
      validate: validateText({ label: 'question', max: 5000, min: 10, multiline: true }),
    },
    {
      name: 'sourcePath',
      type: 'text',
      access: { create: () => true, update: deskOnlyField },
      admin: { description: 'The page the question was asked from.', readOnly: true },
      maxLength: 500,
      validate: validateSourcePath,
    },
    {
      admin: { description: 'The care area it is about, for the question report.' },
      name: 'careArea',
      type: 'relationship',
      access: { create: () => true, update: deskOnlyField },
      relationTo: 'care-areas',
    },
    {
      name: 'newsletterOptIn',
      type: 'checkbox',
      access: askerField,
      admin: { description: 'Ticked by the asker (never pre-ticked).' },
      defaultValue: false,
      label: 'Asked to receive the newsletter',
    },
    {
      name: 'publicationConsent',
      type: 'checkbox',
      access: { create: () => true, read: deskField.read, update: deskOnlyField },
      admin: {
        description:
          'Ticked by the asker (never pre-ticked). Untick it if they withdraw: an answer can then no longer be proposed or published from it.',
      },
      defaultValue: false,
      // Only the asker agrees: the desk can record a withdrawal, never tick it for them.
      hooks: {
        beforeChange: [({ operation, originalDoc, value }) => (operation === 'update' && !originalDoc?.publicationConsent ? false : value)],
      },
      label: 'Agreed the question may be published without their details',
    },
    {
      name: 'status',
      type: 'select',
      access: { create: deskOnlyField, update: deskOnlyField },
      admin: {
        description: 'New until someone takes it; "Awaiting requester" stops the clock; "Answered" emails the answer to the asker.',
        position: 'sidebar',
      },
      defaultValue: 'new',
      index: true,
      options: QUESTION_STATUSES.map((status) => ({ ...status })),
      required: true,
    },
    {
      name: 'assignee',
      type: 'relationship',
      access: deskField,
      admin: { description: 'Who on the desk is answering it.', position: 'sidebar' },
      // The desk's people; staff may filter colleagues by role (collections/users/access.ts).
      filterOptions: { roles: { in: [...DESK] } },
      relationTo: 'users',
    },
    {
      name: 'receivedAt',
      type: 'date',
      access: readOnlyDesk,
      admin: { description: 'When the question arrived; the working-day target counts from here.', position: 'sidebar', readOnly: true },
      index: true,
    },
    {
      name: 'dueDay',
      type: 'text',
      access: readOnlyDesk,
      admin: {
        components: { Cell: '/src/components/admin/DueDayCell#DueDayCell' },
        description:
          'The UK working day the answer is promised by (received + the working-day target; later by time spent awaiting the asker). Empty while paused.',
        position: 'sidebar',
        readOnly: true,
      },
      index: true,
      label: 'Due by',
    },
    {
      name: 'dueAt',
      type: 'date',
      access: readOnlyDesk,
      admin: {
        // The day above is what people read; this is its last instant, for the overdue check.
        hidden: true,
        readOnly: true,
      },
      index: true,
      label: 'Due (end of the due day)',
    },
    {
      name: 'timeLeft',
      type: 'text',
      access: { read: deskField.read },
      admin: { description: 'Working days left before the day the answer is promised by.', position: 'sidebar', readOnly: true },
      hooks: {
        afterRead: [
          async ({ req, siblingData }) => {
            // One settings read per request, however many questions are listed.
            const context = req.context as { deskCalendar?: Promise<{ closures: string[] }> }
            context.deskCalendar ??= deskCalendar({ payload: req.payload, req })
            const { closures } = await context.deskCalendar
            return describeSla({ answeredAt: siblingData.answeredAt, closures, dueDay: siblingData.dueDay, status: siblingData.status })
          },
        ],
      },
      label: 'Time left',
      virtual: true,
    },
    {
      name: 'firstResponseAt',
      type: 'date',
      access: readOnlyDesk,
      admin: { description: 'When someone on the desk first replied or changed its status.', position: 'sidebar', readOnly: true },
    },
    {
      name: 'answeredAt',
      type: 'date',
      access: readOnlyDesk,
      admin: { description: 'When the answer was sent.', position: 'sidebar', readOnly: true },
    },
    {
      name: 'closedAt',
      type: 'date',
      access: readOnlyDesk,
      admin: { description: 'When the question was closed.', position: 'sidebar', readOnly: true },
    },
    {
      name: 'pauses',
      type: 'array',
      access: readOnlyDesk,
      admin: { description: 'Times spent awaiting the asker: the clock stops.', readOnly: true },
      fields: [
        { name: 'from', type: 'date', required: true },
        { name: 'to', type: 'date' },
      ],
    },
    { name: 'internalNotes', type: 'textarea', access: deskField, admin: { description: 'Never sent to the asker.' }, maxLength: 10_000 },
    {
      name: 'answer',
      type: 'textarea',
      access: deskField,
      admin: { description: 'Emailed to the asker when the status is set to Answered.' },
      maxLength: 20_000,
    },
    {
      name: 'answeredFrom',
      type: 'relationship',
      access: deskField,
      admin: { description: 'The published answer this question was answered from, if any: counted in the question report.' },
      filterOptions: { _status: { equals: 'published' } },
      label: 'Answered from a published answer',
      relationTo: 'questions-and-answers',
    },
    {
      name: 'proposeAnswer',
      type: 'ui',
      admin: {
        components: { Field: '/src/components/admin/ProposeAnswer#ProposeAnswer' },
        // Offered once the question is answered; the panel itself says when the asker has not agreed.
        condition: (data) => data?.status === 'answered' || data?.status === 'closed',
      },
      label: 'Propose for publication',
    },
    {
      name: 'publishedAs',
      type: 'relationship',
      access: readOnlyDesk,
      admin: { description: 'The published answer proposed from this question (it holds none of the asker’s details).', readOnly: true },
      index: true,
      label: 'Proposed as',
      relationTo: 'questions-and-answers',
    },
    {
      name: 'answerEmail',
      type: 'group',
      access: readOnlyDesk,
      admin: { description: 'The email that carried the answer, and whether it was delivered.', readOnly: true },
      fields: [
        { name: 'messageId', type: 'text' },
        { name: 'queuedAt', type: 'date' },
        {
          name: 'delivery',
          type: 'text',
          hooks: {
            afterRead: [
              async ({ req, siblingData }) => {
                if (!siblingData?.messageId) return null
                const delivery = await findDelivery({ messageId: siblingData.messageId, payload: req.payload, req })
                return delivery ? `Sent ${delivery.sentAt} (${delivery.transport})` : 'Queued, not sent yet'
              },
            ],
          },
          virtual: true,
        },
      ],
      label: 'Answer email',
    },
    {
      name: 'erasedAt',
      type: 'date',
      access: readOnlyDesk,
      admin: { description: 'Personal details were erased.', position: 'sidebar', readOnly: true },
    },
    {
      name: 'reminderSentAt',
      type: 'date',
      access: readOnlyDesk,
      admin: { description: 'When the desk was reminded that the question was nearly due.', position: 'sidebar', readOnly: true },
    },
    {
      name: 'breachAlertSentAt',
      type: 'date',
      access: readOnlyDesk,
      admin: { description: 'When the desk was told the question had passed its due day.', position: 'sidebar', readOnly: true },
    },
  ],
  hooks: {
    // The limits first (a refusal rolls the question back), then the reference: the confirmation email quotes it.
    afterChange: [acceptPublicQuestion, assignReference, notifyAsker],
    beforeChange: [stampNewQuestion, trackQuestionWorkflow, prepareAnswerEmail],
    beforeOperation: [screenPublicQuestion],
  },
  labels: { plural: 'Questions', singular: 'Question' },
}
