import type { PayloadRequest, RequestContext, Where } from 'payload'

import type { FieldError } from '../input/json-body'
import type { Page, User } from '../../payload-types'
import type { FieldChange } from './diff'

import { CLINICAL_REVIEWERS, CONTENT_STAFF, hasRole } from '../access'
import { isRecordId } from '../input/record-id'
import { checkText } from '../input/text'
import { draftChanges } from './diff'
import { REQUEST_NOTE_MAX, SIGN_OFF_REVIEW, SIGN_OFF_STEP } from './constants'

/** What each step is given: the request's JSON body, the page's id from the address, and the request. */
export type StepArgs = { body: Record<string, unknown>; id: string; req: PayloadRequest }

export type StepResult = { error: FieldError; ok: false; status: 400 | 403 | 404 | 409 } | { ok: true; status: string }

/** What a reviewer decides on: the newest draft, the published page, the two versions' ids and what changed. */
export type ReviewState = {
  changes: FieldChange[]
  draft: Page
  draftVersion: null | string
  published: null | Page
  publishedVersion: null | string
}

const refuse = (status: 400 | 403 | 404 | 409, field: string, message: string): StepResult => ({
  error: { field, message },
  ok: false,
  status,
})

const newestVersionId = async ({ id, published, req }: { id: number | string; published: boolean; req: PayloadRequest }) => {
  const where: Where = published
    ? { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] }
    : { parent: { equals: id } }
  const { docs } = await req.payload.findVersions({
    collection: 'pages',
    depth: 0,
    limit: 1,
    overrideAccess: false,
    req,
    sort: '-updatedAt',
    user: req.user ?? undefined,
    where,
  })
  return docs[0] ? String(docs[0].id) : null
}

/** The review of a guidance draft, read with the viewer's own access: null when there is no such page they may review. */
export const reviewState = async ({ id, req }: { id: string; req: PayloadRequest }): Promise<null | ReviewState> => {
  if (!isRecordId(id) || !hasRole({ roles: CONTENT_STAFF, user: req.user })) return null
  const read = (draft: boolean) =>
    req.payload
      .findByID({ collection: 'pages', depth: 1, disableErrors: true, draft, id, overrideAccess: false, req, user: req.user ?? undefined })
      .catch(() => null) as Promise<null | Page>
  const [draft, main] = await Promise.all([read(true), read(false)])
  if (!draft) return null
  // The main record is the published page once there is one; before that it is the draft itself.
  const published = main?._status === 'published' ? main : null
  const [draftVersion, publishedVersion] = await Promise.all([
    newestVersionId({ id, published: false, req }),
    published ? newestVersionId({ id, published: true, req }) : Promise.resolve(null),
  ])
  return { changes: draftChanges({ draft, published }), draft, draftVersion, published, publishedVersion }
}

const words = ({ field, label, value }: { field: string; label: string; value: unknown }): { text: string } | StepResult => {
  const text = typeof value === 'string' ? value.trim() : ''
  if (!text) return refuse(400, field, `Write ${label}.`)
  if (text.length > REQUEST_NOTE_MAX)
    return refuse(400, field, `${label[0]?.toUpperCase()}${label.slice(1)} is longer than ${REQUEST_NOTE_MAX} characters.`)
  const checked = checkText({ label: label[0]?.toUpperCase() + label.slice(1), multiline: true, value: text })
  return checked === true ? { text } : refuse(400, field, checked)
}

/** A draft that changed after the reviewer opened it is not what they read: they must look again. */
const unchangedSince = ({ field, state, version }: { field: string; state: ReviewState; version: unknown }): null | StepResult =>
  version !== undefined && version !== null && String(version) !== state.draftVersion
    ? refuse(409, field, 'The draft changed after you opened it. Reload to read the newest version before deciding.')
    : null

/** Saves one step on the page as the signed-in person, under their own access; the pages' hooks do the rest. */
const saveStep = ({
  context,
  data,
  draft,
  id,
  req,
}: {
  context: RequestContext
  data: Partial<Page>
  draft: boolean
  id: string
  req: PayloadRequest
}) => req.payload.update({ collection: 'pages', context, data, draft, id, overrideAccess: false, req, user: req.user ?? undefined })

/** An editor (or any content staff) sends the newest draft for clinical sign-off, with a note and optionally a named reviewer. */
export const requestSignOff = async ({ body, id, req }: StepArgs): Promise<StepResult> => {
  if (!hasRole({ roles: CONTENT_STAFF, user: req.user }))
    return refuse(403, 'user', 'Only editors and clinical reviewers send guidance for sign-off.')
  const state = await reviewState({ id, req })
  if (!state) return refuse(404, 'id', 'No such guidance page.')
  const note = words({ field: 'note', label: 'a note for the reviewer', value: body.note })
  if (!('text' in note)) return note
  if (state.draft.signOff?.status === 'awaiting-sign-off') return refuse(409, 'status', 'This page is already awaiting sign-off.')
  let reviewer: null | number | string = null
  if (body.reviewer !== undefined && body.reviewer !== null && body.reviewer !== '') {
    const named = isRecordId(body.reviewer)
      ? ((await req.payload
          .findByID({
            collection: 'users',
            depth: 0,
            disableErrors: true,
            id: String(body.reviewer),
            overrideAccess: false,
            req,
            user: req.user ?? undefined,
          })
          .catch(() => null)) as null | User)
      : null
    if (!named || !hasRole({ roles: CLINICAL_REVIEWERS, user: named }))
      return refuse(400, 'reviewer', 'The reviewer must be a clinical reviewer.')
    reviewer = named.id
  }
  await saveStep({
    context: { [SIGN_OFF_STEP]: 'request' },
    data: { signOff: { requestNote: note.text, reviewer, status: 'awaiting-sign-off' } },
    draft: true,
    id,
    req,
  })
  return { ok: true, status: 'awaiting-sign-off' }
}

const reviewerStep = async ({ id, req }: { id: string; req: PayloadRequest }): Promise<ReviewState | StepResult> => {
  if (!hasRole({ roles: CLINICAL_REVIEWERS, user: req.user }))
    return refuse(403, 'user', 'Only a clinical reviewer signs off or returns guidance.')
  return (await reviewState({ id, req })) ?? refuse(404, 'id', 'No such guidance page.')
}

/** A clinical reviewer returns the draft they read to the editor, saying why. */
export const returnDraft = async ({ body, id, req }: StepArgs): Promise<StepResult> => {
  const state = await reviewerStep({ id, req })
  if ('ok' in state) return state
  const reason = words({ field: 'reason', label: 'the reason for returning it', value: body.reason })
  if (!('text' in reason)) return reason
  if (state.draft.signOff?.status !== 'awaiting-sign-off') return refuse(409, 'status', 'Only a page awaiting sign-off can be returned.')
  const changed = unchangedSince({ field: 'version', state, version: body.version })
  if (changed) return changed
  await saveStep({
    context: {
      [SIGN_OFF_REVIEW]: { comparedWith: state.publishedVersion, reviewedVersion: state.draftVersion },
      [SIGN_OFF_STEP]: 'return',
    },
    data: { signOff: { returnReason: reason.text, status: 'returned' } },
    draft: true,
    id,
    req,
  })
  return { ok: true, status: 'returned' }
}

/** A clinical reviewer signs off the draft they read: it is published as it stands. */
export const approveDraft = async ({ body, id, req }: StepArgs): Promise<StepResult> => {
  const state = await reviewerStep({ id, req })
  if ('ok' in state) return state
  const changed = unchangedSince({ field: 'version', state, version: body.version })
  if (changed) return changed
  // The update starts from the newest draft: publishing it as it stands.
  await saveStep({
    context: { [SIGN_OFF_REVIEW]: { comparedWith: state.publishedVersion, reviewedVersion: state.draftVersion } },
    data: { _status: 'published' },
    draft: false,
    id,
    req,
  })
  return { ok: true, status: 'signed-off' }
}
