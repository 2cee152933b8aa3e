import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { ValidationError } from 'payload'

import { audienceField } from '../../src/lib/fields/audience'
import { RECOMMENDATION_STATUSES } from '../../src/lib/governance/options'
import { validateWholeNumber } from '../../src/lib/governance/validate'
import { recommendationsAccess } from './access'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { EDITORS } from '../../src/lib/access/roles'

/** Within one review each recommendation has its own number. */
const oneNumberPerReview: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const merged = { ...originalDoc, ...data }
  const clash = await req.payload.count({
    collection: 'recommendations',
    overrideAccess: true,
    req,
    where: {
      and: [
        { review: { equals: merged.review } },
        { number: { equals: merged.number } },
        ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : []),
      ],
    },
  })
  if (clash.totalDocs) {
    throw new ValidationError({
      collection: 'recommendations',
      errors: [{ message: `This review already has a recommendation ${merged.number}.`, path: 'number' }],
      req,
    })
  }
  return data
}

/**
 * Recommendations from service reviews, tracked to completion: who owns them, their status, dated progress
 * notes with evidence, and the actions taken on them.
 */
export const Recommendations: CollectionConfig = {
  slug: 'recommendations',
  // Opt-ins: the search index follows its changes, and a change empties the page cache (see src/plugins).
  custom: { pageCache: true, searchIndex: true },
  access: recommendationsAccess,
  admin: {
    hidden: hiddenUnless({ roles: EDITORS }),
    defaultColumns: ['number', 'title', 'status', 'owners', 'review'],
    group: 'Governance',
    listSearchableFields: ['title', 'review'],
    useAsTitle: 'title',
  },
  defaultSort: 'number',
  fields: [
    {
      name: 'review',
      type: 'text',
      admin: { description: 'The review the recommendation comes from, e.g. "Service review by Dr Sue Levi".' },
      index: true,
      maxLength: 300,
      required: true,
    },
    {
      name: 'sourceDocument',
      type: 'relationship',
      admin: { description: 'The review report, if it is in the library.' },
      relationTo: 'documents',
    },
    {
      type: 'row',
      fields: [
        {
          admin: { description: 'Its number in the service review.' },
          name: 'number',
          type: 'number',
          index: true,
          min: 1,
          required: true,
          validate: (value: unknown) =>
            value === null || value === undefined ? 'Enter the recommendation’s number.' : validateWholeNumber(value),
        },
        { name: 'title', type: 'text', maxLength: 300, required: true },
      ],
    },
    { name: 'detail', type: 'textarea', maxLength: 5000 },
    {
      admin: { description: 'The lettered parts of the recommendation, if it has them.' },
      name: 'subPoints',
      type: 'array',
      fields: [{ name: 'text', type: 'textarea', maxLength: 2000, required: true }],
      label: 'Sub-points',
      maxRows: 30,
    },
    {
      name: 'owners',
      type: 'relationship',
      admin: { description: 'The organisations responsible.' },
      hasMany: true,
      index: true,
      relationTo: 'organisations',
    },
    {
      name: 'status',
      type: 'select',
      admin: { description: 'How far it has been put into effect.', position: 'sidebar' },
      defaultValue: 'not-started',
      index: true,
      options: RECOMMENDATION_STATUSES.map((status) => ({ ...status })),
      required: true,
    },
    audienceField(),
    {
      name: 'progressNotes',
      type: 'array',
      admin: { description: 'Progress and evidence, with dates.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'date', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } }, required: true },
            { name: 'evidence', type: 'relationship', admin: { description: 'A document showing the progress.' }, relationTo: 'documents' },
          ],
        },
        { name: 'note', type: 'textarea', maxLength: 5000, required: true },
      ],
      maxRows: 200,
    },
    {
      admin: { description: 'Governance actions that carry it out.' },
      name: 'linkedActions',
      type: 'relationship',
      hasMany: true,
      maxRows: 50,
      relationTo: 'actions',
    },
  ],
  hooks: { beforeChange: [oneNumberPerReview] },
}
