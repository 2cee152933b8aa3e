import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { APIError } from 'payload'

import type { Page, User } from '../../../src/payload-types'

import { CLINICAL_REVIEWERS, hasRole } from '../../../src/lib/access'
import type { SignOffReview } from '../../../src/lib/sign-off/constants'

import { SIGN_OFF_REVIEW, SIGN_OFF_STEP } from '../../../src/lib/sign-off/constants'
import { queueEmail } from '../../../src/lib/email/queue'
import { reviewedNow } from '../../../src/lib/fields/review'
import { adminRecordPath, signOffPath } from '../../../src/lib/routes'
import { signedOffEmail, signOffRequestedEmail, signOffReturnedEmail } from '../../../src/lib/sign-off/messages'
import { pagePathById } from '../../../src/lib/site/content'
import { relationId } from '../../../src/lib/site/format'
import { absoluteUrl } from '../../../src/lib/site/urls'

const isReviewer = (user: unknown) => hasRole({ roles: CLINICAL_REVIEWERS, user: user as never })

const publishRefused = () =>
  new APIError(
    'Publishing guidance needs clinical sign-off: ask a clinical reviewer (role clinical-reviewer) to publish it.',
    403,
    { field: '_status' },
    true,
  )

const restoreRefused = () =>
  new APIError(
    'Restoring a version of guidance would change what the public reads: restore it as a draft (draft=true) and send it for clinical sign-off.',
    403,
    { field: 'draft' },
    true,
  )

/**
 * What the public reads is what a clinical reviewer signed off. Anyone else's save, however it is sent
 * (no `draft` flag, `_status: draft`, GraphQL, bulk update), becomes a new draft version: the published
 * version and the main record stay exactly as signed off, and the page stays online.
 */
export const saveAsDraftUnlessReviewer: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (!req.user || isReviewer(req.user)) return args
  // Restoring an old version writes what the public reads unless it is restored as a draft (the admin's "Restore as draft").
  if (operation === 'restoreVersion') {
    if (!args.draft) throw restoreRefused()
    return args
  }
  if (operation !== 'update') return args
  const data = (args.data ?? {}) as Record<string, unknown>
  if (data._status === 'published') throw publishRefused()
  return { ...args, data: { ...data, _status: 'draft' }, draft: true }
}

type Review = Partial<Page['review']>

type SignOff = NonNullable<Page['signOff']>

/**
 * A new request's own words (the editor's note and the reviewer named) and a fresh start: the last return was
 * answered by this draft, and stays on record in sign-offs.
 */
const requestWords = ({ data }: { data: Partial<SignOff> }) => ({
  requestNote: data.requestNote ?? null,
  returnedAt: null,
  returnedBy: null,
  returnReason: null,
  reviewer: data.reviewer ?? null,
})

/**
 * Guidance is published only by a clinical reviewer, who thereby signs it off. Editors save drafts and
 * ask for sign-off; a reviewer returns a draft with a reason; any later draft edit by someone else reopens
 * the review. Trusted server code without a user (the seed) may publish: it records its own provenance.
 */
export const enforceSignOff: CollectionBeforeChangeHook = ({ context, data, originalDoc, req }) => {
  const publishing = data._status === 'published'
  if (!req.user) return data
  // "Awaiting clinical review" is never taken from the request: only a reviewer's publication ends it.
  const review: Review = {
    ...(originalDoc?.review ?? {}),
    ...(data.review ?? {}),
    awaitingClinicalReview: Boolean(originalDoc?.review?.awaitingClinicalReview),
  }
  const original: Partial<SignOff> = originalDoc?.signOff ?? {}
  const asked: Partial<SignOff> = data.signOff ?? {}
  const now = new Date().toISOString()
  // Only the status comes from the request (and the note and reviewer with a request); who and when are stamped here.
  const signOff: Partial<SignOff> = { ...original, status: asked.status ?? original.status ?? 'draft' }
  if (publishing) {
    if (!isReviewer(req.user)) throw publishRefused()
    return {
      ...data,
      review: reviewedNow({ review }),
      signOff: { ...signOff, signedOffAt: now, signedOffBy: req.user.id, status: 'signed-off' },
    }
  }
  if (signOff.status === 'awaiting-sign-off' && original.status !== 'awaiting-sign-off') {
    // Through the request step the note and the reviewer come with it; a plain save asks every reviewer, with no note.
    const words = requestWords({ data: context[SIGN_OFF_STEP] === 'request' ? asked : {} })
    return { ...data, review, signOff: { ...signOff, ...words, requestedAt: now, requestedBy: req.user.id } }
  }
  if (signOff.status === 'returned') {
    // Only a reviewer returns a draft, through the return step, and only one that is awaiting sign-off.
    if (context[SIGN_OFF_STEP] !== 'return' || !isReviewer(req.user) || original.status !== 'awaiting-sign-off') {
      // Not a return: the status stays as it was, except that an edit by anyone but a reviewer is no longer what was signed off.
      const kept = original.status === 'signed-off' && !isReviewer(req.user) ? 'draft' : (original.status ?? 'draft')
      return { ...data, review, signOff: { ...signOff, status: kept } }
    }
    return {
      ...data,
      review,
      signOff: { ...signOff, returnedAt: now, returnedBy: req.user.id, returnReason: asked.returnReason ?? null },
    }
  }
  if (signOff.status === 'signed-off' && !isReviewer(req.user)) {
    // The draft now differs from what was signed off.
    return { ...data, review, signOff: { ...signOff, status: 'draft' } }
  }
  return { ...data, review, signOff }
}

const versionIds = async ({ doc, req }: { doc: Page; req: PayloadRequest }) => {
  const { docs } = await req.payload.findVersions({
    collection: 'pages',
    depth: 0,
    limit: 2,
    req,
    sort: '-updatedAt',
    where: { and: [{ parent: { equals: doc.id } }, { 'version._status': { equals: 'published' } }] },
  })
  return { latestPublished: docs[0] ? String(docs[0].id) : null, previousPublished: docs[1] ? String(docs[1].id) : null }
}

/**
 * Records each decision on a draft: a sign-off, with the exact version published, or a return with its
 * reason; both keep the editor's note and the versions the reviewer compared, so the audit trail survives
 * later edits.
 */
export const recordSignOff: CollectionAfterChangeHook = async ({ context, doc, previousDoc, req }) => {
  if (!req.user || !isReviewer(req.user)) return doc
  const signedOff = doc._status === 'published'
  const returned = doc.signOff?.status === 'returned' && previousDoc?.signOff?.status !== 'returned'
  if (!signedOff && !returned) return doc
  const ids = await versionIds({ doc, req })
  // The workflow's steps pass the versions the reviewer compared; a plain Publish in the edit view finds them here.
  const review = (context[SIGN_OFF_REVIEW] as SignOffReview | undefined) ?? {
    comparedWith: signedOff ? ids.previousPublished : ids.latestPublished,
    reviewedVersion: null,
  }
  await req.payload.create({
    collection: 'sign-offs',
    data: {
      comparedWith: review.comparedWith ?? '',
      decision: signedOff ? 'signed-off' : 'returned',
      page: doc.id,
      pageTitle: doc.title,
      reason: signedOff ? null : (doc.signOff?.returnReason ?? null),
      requestNote: doc.signOff?.requestNote ?? null,
      reviewedVersion: review.reviewedVersion ?? '',
      reviewer: req.user.id,
      signedOffAt: (signedOff ? doc.signOff?.signedOffAt : doc.signOff?.returnedAt) ?? new Date().toISOString(),
      version: signedOff ? (ids.latestPublished ?? '') : '',
    },
    overrideAccess: true,
    req,
  })
  return doc
}

const userById = async ({ id, req }: { id: unknown; req: PayloadRequest }): Promise<null | User> => {
  const key = relationId(id)
  if (key === null) return null
  return (await req.payload.findByID({
    collection: 'users',
    depth: 0,
    disableErrors: true,
    id: key,
    overrideAccess: true,
    req,
  })) as null | User
}

/** The reviewer the editor named, or every clinical reviewer (accounts that may sign in). */
const reviewersToAsk = async ({ named, req }: { named: unknown; req: PayloadRequest }): Promise<User[]> => {
  // Someone named who has since lost the role is not asked; every reviewer is.
  const one = await userById({ id: named, req })
  if (one && isReviewer(one)) return [one]
  const { docs } = await req.payload.find({
    collection: 'users',
    depth: 0,
    limit: 100,
    overrideAccess: true,
    pagination: false,
    req,
    where: { roles: { in: [...CLINICAL_REVIEWERS] } },
  })
  return docs as User[]
}

/**
 * Tells the next person in the workflow, by queued email in the same transaction as the change: reviewers
 * when a draft is sent for sign-off, the editor who asked when it is returned or signed off.
 */
export const notifySignOff: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (!req.user) return doc
  const before = previousDoc?.signOff?.status
  const now = doc.signOff?.status
  const page = String(doc.title)
  const send = async ({ email, to }: { email: { subject: string; text: string }; to: null | string | undefined }) => {
    if (to) await queueEmail({ payload: req.payload, req, to, ...email })
  }
  if (now === 'awaiting-sign-off' && before !== 'awaiting-sign-off') {
    const link = absoluteUrl(signOffPath({ id: doc.id }))
    for (const reviewer of await reviewersToAsk({ named: doc.signOff?.reviewer, req }))
      await send({
        email: signOffRequestedEmail({ link, note: doc.signOff?.requestNote ?? '', page, requester: req.user }),
        to: reviewer.email,
      })
    return doc
  }
  const requester = await userById({ id: doc.signOff?.requestedBy, req })
  if (!requester) return doc
  if (now === 'returned' && before !== 'returned') {
    const link = absoluteUrl(adminRecordPath({ collection: 'pages', id: doc.id }))
    await send({
      email: signOffReturnedEmail({ link, page, reason: doc.signOff?.returnReason ?? '', reviewer: req.user }),
      to: requester.email,
    })
  } else if (doc._status === 'published' && isReviewer(req.user) && before !== 'signed-off' && requester.id !== req.user.id) {
    // Read inside the publishing transaction, which holds the page as just published.
    const path =
      (await pagePathById({ id: doc.id, payload: req.payload, req, user: null })) ?? adminRecordPath({ collection: 'pages', id: doc.id })
    await send({ email: signedOffEmail({ link: absoluteUrl(path), page, reviewer: req.user }), to: requester.email })
  }
  return doc
}
