import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeOperationHook } from 'payload'

import { APIError } from 'payload'

import type { Page } from '../../../src/payload-types'

import { CLINICAL_REVIEWERS, hasRole } from '../../../src/lib/access'
import { addMonths, DEFAULT_REVIEW_MONTHS, ukToday } from '../../../src/lib/fields/review'

export const SIGN_OFF_STATES = [
  { label: 'Draft', value: 'draft' },
  { label: 'Awaiting clinical sign-off', value: 'awaiting-sign-off' },
  { label: 'Signed off', value: 'signed-off' },
] as const

const isReviewer = (user: unknown) => hasRole({ roles: CLINICAL_REVIEWERS, user: user as never })

const publishRefused = () =>
  new APIError(
    'Publishing guidance needs clinical sign-off: ask a clinical reviewer (role clinical-reviewer) to publish it.',
    403,
    { field: '_status' },
    true,
  )

/**
 * What the public reads is what a clinical reviewer signed off. Anyone else's save, however it is sent
 * (no `draft` flag, `_status: draft`, GraphQL, bulk update), becomes a new draft version: the published
 * version and the main record stay exactly as signed off, and the page stays online.
 */
export const saveAsDraftUnlessReviewer: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'update' || !req.user || isReviewer(req.user)) return args
  const data = (args.data ?? {}) as Record<string, unknown>
  if (data._status === 'published') throw publishRefused()
  return { ...args, data: { ...data, _status: 'draft' }, draft: true }
}

type Review = Partial<Page['review']>

/**
 * A clinical reviewer's publication is a review: it ends "awaiting clinical review", and a page with no known
 * review date (imported text) gets today's, with the next review a year on unless a later date is chosen.
 */
const reviewedNow = ({ review }: { review: Review }): Review => {
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

/**
 * Guidance is published only by a clinical reviewer, who thereby signs it off. Editors save drafts and
 * ask for sign-off; any later draft edit by someone else reopens the review. Trusted server code without
 * a user (the seed) may publish: it records its own provenance.
 */
export const enforceSignOff: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const publishing = data._status === 'published'
  if (!req.user) return data
  // "Awaiting clinical review" is never taken from the request: only a reviewer's publication ends it.
  const review: Review = {
    ...(originalDoc?.review ?? {}),
    ...(data.review ?? {}),
    awaitingClinicalReview: Boolean(originalDoc?.review?.awaitingClinicalReview),
  }
  // Only the status comes from the editor; who and when are stamped here, never taken from the request.
  const signOff = {
    ...(originalDoc?.signOff ?? {}),
    status: data.signOff?.status ?? originalDoc?.signOff?.status ?? 'draft',
  }
  if (publishing) {
    if (!isReviewer(req.user)) throw publishRefused()
    return {
      ...data,
      review: reviewedNow({ review }),
      signOff: { ...signOff, signedOffAt: new Date().toISOString(), signedOffBy: req.user.id, status: 'signed-off' },
    }
  }
  if (signOff.status === 'awaiting-sign-off' && originalDoc?.signOff?.status !== 'awaiting-sign-off') {
    return { ...data, review, signOff: { ...signOff, requestedAt: new Date().toISOString(), requestedBy: req.user.id } }
  }
  if (signOff.status === 'signed-off' && !isReviewer(req.user)) {
    // The draft now differs from what was signed off.
    return { ...data, review, signOff: { ...signOff, status: 'draft' } }
  }
  return { ...data, review, signOff }
}

/** Records each sign-off with the exact version published, so the audit trail survives later edits. */
export const recordSignOff: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (doc._status !== 'published' || !req.user || !isReviewer(req.user)) return doc
  const { docs } = await req.payload.findVersions({
    collection: 'pages',
    depth: 0,
    limit: 1,
    req,
    sort: '-updatedAt',
    where: { parent: { equals: doc.id } },
  })
  await req.payload.create({
    collection: 'sign-offs',
    data: {
      page: doc.id,
      pageTitle: doc.title,
      reviewer: req.user.id,
      signedOffAt: doc.signOff?.signedOffAt ?? new Date().toISOString(),
      version: docs[0] ? String(docs[0].id) : '',
    },
    overrideAccess: true,
    req,
  })
  return doc
}
