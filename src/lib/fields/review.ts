import type { Field } from 'payload'

import { contentStaffField } from '../access'
import { ukDay } from '../dates/uk-day'
import { validateUrl } from './url'

/** Months until the next review when an editor does not choose a date. */
export const DEFAULT_REVIEW_MONTHS = 12

const monthsFrom = ({ date, months }: { date: Date; months: number }): string => {
  const next = new Date(date)
  next.setMonth(next.getMonth() + months)
  return next.toISOString()
}

/** Today's calendar date in the UK (YYYY-MM-DD), whatever the server's time zone. */
export const ukToday = ({ now = new Date() }: { now?: Date } = {}): string => ukDay(now)

/** A calendar date some months on (YYYY-MM-DD in, YYYY-MM-DD out), without time-zone drift. */
export const addMonths = ({ date, months }: { date: string; months: number }): string => {
  const [year, month, day] = date.split('-').map(Number)
  return new Date(Date.UTC(year!, month! - 1 + months, day!)).toISOString().slice(0, 10)
}

type ReviewDates = { awaitingClinicalReview?: boolean | null; lastReviewed?: null | string; nextReviewDue?: null | string }

/**
 * A clinical reviewer's publication is a review: it ends "awaiting clinical review", and a page with no known
 * review date (imported text) gets today's, with the next review a year on unless a later date is chosen.
 */
export const reviewedNow = <T extends ReviewDates>({ review }: { review: T }): T => {
  if (!review.awaitingClinicalReview && review.lastReviewed) return { ...review, awaitingClinicalReview: false }
  const today = ukToday()
  const laterDue = review.nextReviewDue && review.nextReviewDue.slice(0, 10) > today
  return {
    ...review,
    awaitingClinicalReview: false,
    lastReviewed: today,
    nextReviewDue: laterDue ? review.nextReviewDue : addMonths({ date: today, months: DEFAULT_REVIEW_MONTHS }),
  }
}

/** Review metadata every guidance page carries (who owns it, who approved it, when it is next due). */
export const reviewFields = (): Field => ({
  name: 'review',
  type: 'group',
  admin: { description: 'Shown on the page as "Page last reviewed" and "Next review due".' },
  fields: [
    {
      name: 'awaitingClinicalReview',
      type: 'checkbox',
      admin: {
        description:
          'Set on content brought in from elsewhere that no clinical reviewer has signed off here. Cleared when a clinical reviewer publishes the page.',
        readOnly: true,
      },
      defaultValue: false,
      label: 'Awaiting clinical review',
    },
    {
      type: 'row',
      fields: [
        {
          name: 'origin',
          type: 'text',
          admin: {
            condition: (_, siblingData) => Boolean(siblingData?.origin || siblingData?.awaitingClinicalReview),
            description:
              'How the text came to the hub, completing "This page was …", e.g. "written for the earlier Diabetes Journey site".',
          },
          maxLength: 200,
        },
        {
          name: 'originYear',
          type: 'number',
          admin: {
            description: 'The year the imported text was first written, when known.',
            condition: (_, siblingData) => Boolean(siblingData?.origin || siblingData?.awaitingClinicalReview),
          },
          label: 'Year the text was written',
          max: 2100,
          min: 1948,
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'lastReviewed',
          type: 'date',
          // Empty means not known (imported text): an import date is never a review. A clinical reviewer's
          // sign-off fills it in when it is empty.
          admin: { date: { pickerAppearance: 'dayOnly' }, description: 'Leave empty when not known.' },
        },
        {
          name: 'nextReviewDue',
          type: 'date',
          admin: {
            description: 'When the page must next be clinically reviewed: a year after the last review unless you choose a date.',
            date: { pickerAppearance: 'dayOnly' },
          },
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
    {
      admin: {
        description: 'Who keeps the page up to date: named in Reviews due, and the page is on their work list while it is a draft.',
      },
      name: 'contentOwner',
      type: 'relationship',
      access: { read: contentStaffField },
      relationTo: 'users',
      required: true,
    },
    {
      admin: { description: 'The clinical reviewer accountable for what the page says.' },
      name: 'clinicalApprover',
      type: 'relationship',
      access: { read: contentStaffField },
      filterOptions: { roles: { contains: 'clinical-reviewer' } },
      relationTo: 'users',
    },
    {
      admin: { description: 'The guidelines and papers the page rests on (for example NICE NG28), each with a link.' },
      name: 'evidenceSources',
      type: 'array',
      fields: [
        { name: 'title', type: 'text', maxLength: 300, required: true },
        { name: 'url', type: 'text', maxLength: 1000, validate: (value: unknown) => validateUrl(value) },
      ],
    },
  ],
})
