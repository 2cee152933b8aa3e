import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook, CollectionBeforeValidateHook, PayloadRequest } from 'payload'

import { APIError, ValidationError } from 'payload'

import type { QuestionsAndAnswer } from '../../../src/payload-types'

import { CLINICAL_REVIEWERS, EDITORS, hasRole } from '../../../src/lib/access'
import { reviewedNow } from '../../../src/lib/fields/review'

const isReviewer = (user: unknown) => hasRole({ roles: CLINICAL_REVIEWERS, user: user as never })
const mayPublish = (user: unknown) => isReviewer(user) || hasRole({ roles: EDITORS, user: user as never })

const refused = ({ field, message }: { field: string; message: string }) => new APIError(message, 403, { field }, true)

const NOT_YOURS_TO_PUBLISH = {
  field: '_status',
  message: 'Proposed answers are published by an editor: save it as a draft and it appears on the editors’ work list.',
}

/**
 * What the public reads is published on purpose: any save that does not ask to publish (`_status: published`)
 * is a new draft, whoever sends it and however (REST without `draft`, GraphQL, bulk), so an edit never changes
 * or unpublishes the live answer by accident. Responders only ever save drafts.
 */
export const draftUnlessPublishing: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (!req.user) return args
  // Restoring any version straight onto the live answer would publish (or unpublish) it past these checks.
  if (operation === 'restoreVersion') {
    if (!args.draft)
      throw refused({ field: 'draft', message: 'Restore it as a draft (draft=true), then publish it: the checks of publishing apply.' })
    return args
  }
  if (operation !== 'create' && operation !== 'update') return args
  const data = (args.data ?? {}) as Record<string, unknown>
  if (data._status === 'published') {
    if (!mayPublish(req.user)) throw refused(NOT_YOURS_TO_PUBLISH)
    // A bulk update writes the stored record, not each answer's newest draft: what would go live is not what was read.
    if (operation === 'update' && (args as { id?: unknown }).id === undefined)
      throw refused({ field: '_status', message: 'Publish answers one at a time, from each answer.' })
    return args
  }
  return operation === 'update' ? { ...args, data: { ...data, _status: 'draft' }, draft: true } : args
}

type Review = Partial<QuestionsAndAnswer['review']>

/** Whether this save publishes: a version restored (always as a draft, see above) carries its old status but does not. */
const publishing = ({ data, req }: { data: Partial<QuestionsAndAnswer>; req: PayloadRequest }) =>
  data._status === 'published' && !req.context.isRestoringVersion

/**
 * Publishing is a review: review dates are filled in when none were chosen (so "Page last reviewed" is the day
 * it went live), and the person publishing owns the answer when nobody else was named.
 */
export const fillReviewOnPublish: CollectionBeforeValidateHook = ({ data, originalDoc, req }) => {
  if (!data || !publishing({ data, req }) || !req.user) return data
  const review: Review = { ...(originalDoc?.review ?? {}), ...(data.review ?? {}) }
  return { ...data, review: { ...reviewedNow({ review }), contentOwner: review.contentOwner ?? req.user.id } }
}

/**
 * Answers that give clinical information are published only by a clinical reviewer, who thereby signs them off
 * (recorded on the answer); once an answer is marked clinical only a reviewer can say it is not. Who proposed
 * it and who signed it off are stamped here, never taken from the request.
 */
export const enforceClinicalSignOff: CollectionBeforeChangeHook = ({ collection, data, operation, originalDoc, req }) => {
  if (!req.user) return data
  const wasClinical = Boolean(originalDoc?.givesClinicalInformation)
  const given: unknown = data.givesClinicalInformation
  if (given !== undefined && typeof given !== 'boolean')
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ message: 'Say true or false: does the answer give clinical information?', path: 'givesClinicalInformation' }],
      req,
    })
  if (wasClinical && given === false && !isReviewer(req.user))
    throw refused({
      field: 'givesClinicalInformation',
      message: 'Only a clinical reviewer can say that an answer gives no clinical information.',
    })
  const clinical = given ?? wasClinical
  const proposal = operation === 'create' ? { proposedAt: new Date().toISOString(), proposedBy: req.user.id } : originalDoc?.proposal
  const signedOff = originalDoc?.clinicalSignOff ?? { signedOffAt: null, signedOffBy: null }
  if (!publishing({ data, req })) return { ...data, clinicalSignOff: signedOff, proposal }
  if (!mayPublish(req.user)) throw refused(NOT_YOURS_TO_PUBLISH)
  if (clinical && !isReviewer(req.user))
    throw refused({
      field: '_status',
      message:
        'This answer gives clinical information: a clinical reviewer publishes it. Save it as a draft; it is on the reviewers’ work list.',
    })
  return {
    ...data,
    clinicalSignOff: clinical ? { signedOffAt: new Date().toISOString(), signedOffBy: req.user.id } : signedOff,
    proposal,
  }
}
