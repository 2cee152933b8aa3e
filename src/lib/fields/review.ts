import type { Field } from 'payload'

import { contentStaffField } from '../access'
import { validateUrl } from './url'

/** Months until the next review when an editor does not choose a date. */
export const DEFAULT_REVIEW_MONTHS = 12

const monthsFrom = ({ date, months }: { date: Date; months: number }): string => {
  const next = new Date(date)
  next.setMonth(next.getMonth() + months)
  return next.toISOString()
}

/** Review metadata every guidance page carries (who owns it, who approved it, when it is next due). */
export const reviewFields = (): Field => ({
  name: 'review',
  type: 'group',
  admin: { description: 'Shown on the page as "Page last reviewed" and "Next review due".' },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'lastReviewed', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } }, required: true },
        {
          name: 'nextReviewDue',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayOnly' } },
          hooks: {
            beforeValidate: [
              ({ siblingData, value }) =>
                value ||
                (siblingData?.lastReviewed
                  ? monthsFrom({ date: new Date(siblingData.lastReviewed), months: DEFAULT_REVIEW_MONTHS })
                  : value),
            ],
          },
          index: true,
          required: true,
          validate: (value: unknown, { siblingData }: { siblingData: { lastReviewed?: string } }) => {
            if (!value) return 'Next review due is required.'
            if (siblingData.lastReviewed && new Date(value as string) <= new Date(siblingData.lastReviewed)) {
              return 'Next review due must be after the last review.'
            }
            return true
          },
        },
      ],
    },
    // Who owns and approved a page is for staff; the public sees the review dates.
    { name: 'contentOwner', type: 'relationship', access: { read: contentStaffField }, relationTo: 'users', required: true },
    {
      name: 'clinicalApprover',
      type: 'relationship',
      access: { read: contentStaffField },
      filterOptions: { roles: { contains: 'clinical-reviewer' } },
      relationTo: 'users',
    },
    {
      name: 'evidenceSources',
      type: 'array',
      fields: [
        { name: 'title', type: 'text', maxLength: 300, required: true },
        { name: 'url', type: 'text', maxLength: 1000, validate: (value: unknown) => validateUrl(value) },
      ],
    },
  ],
})
