import type { PayloadRequest, Where } from 'payload'

import type { MaybeUser } from '../access'
import type { GroupVisibility } from './options'

import { CONTENT_STAFF, EDITORS, SECRETARIES, canReadProfessionalContent, hasRole, onOneTimePassword } from '../access'
import { relationId } from '../site/format'

type Id = number | string

/**
 * What one visitor may do in network governance, worked out once per request:
 * - `readsAll`: content staff read every group, meeting and action, drafts of minutes included;
 * - `writesAll`: editors and administrators write them all;
 * - `secretaryOf`: groups naming this account (holding the secretary role) as secretary, whose
 *   meetings, minutes and actions it writes as an editor would;
 * - `memberOf`: groups listing the account's contact (users.person) as chair or member: their
 *   members-only items and their unconfirmed minutes are visible after signing in;
 * - `readable`: every group the visitor may see (public ones; professional ones for professionals;
 *   members-only ones for their members and secretaries).
 */
export type GovernanceScope = {
  memberOf: Id[]
  readable: Id[]
  readsAll: boolean
  secretaryOf: Id[]
  writesAll: boolean
}

type GroupRow = {
  chairs?: unknown[] | null
  id: Id
  members?: { person?: unknown }[] | null
  secretaries?: unknown[] | null
  visibility?: GroupVisibility | null
}

const contains = ({ id, values }: { id: Id | null; values: unknown[] | null | undefined }): boolean =>
  id !== null && (values ?? []).some((value) => String(relationId(value)) === String(id))

/** An account on a one-time password has no standing until it sets its own, as with roles. */
const activeUser = (user: MaybeUser) => (user && !onOneTimePassword(user) ? user : null)

/** The scope for a user, from the groups as stored (trusted read: access rules are built from it). */
export const governanceScopeFor = async ({ req, user }: { req: PayloadRequest; user: MaybeUser }): Promise<GovernanceScope> => {
  const readsAll = hasRole({ roles: CONTENT_STAFF, user })
  const writesAll = hasRole({ roles: EDITORS, user })
  const { docs } = await req.payload.find({
    collection: 'groups',
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { chairs: true, members: true, secretaries: true, visibility: true },
  })
  const groups = docs as unknown as GroupRow[]
  const active = activeUser(user)
  const personId = active ? relationId((active as { person?: unknown }).person) : null
  const secretaryOf = hasRole({ roles: SECRETARIES, user })
    ? groups.filter((group) => contains({ id: active!.id, values: group.secretaries })).map((group) => group.id)
    : []
  const memberOf = groups
    .filter(
      (group) =>
        contains({ id: personId, values: group.chairs }) ||
        contains({ id: personId, values: (group.members ?? []).map((row) => row.person) }),
    )
    .map((group) => group.id)
  const professional = canReadProfessionalContent(user)
  const readable = groups
    .filter(
      (group) =>
        readsAll ||
        group.visibility === 'public' ||
        (group.visibility === 'professional' && professional) ||
        secretaryOf.some((id) => String(id) === String(group.id)) ||
        memberOf.some((id) => String(id) === String(group.id)),
    )
    .map((group) => group.id)
  return { memberOf, readable, readsAll, secretaryOf, writesAll }
}

const SCOPE_KEY = 'governanceScope'

/**
 * The scope for the request's user, memoised on the request: a list of meetings asks once, not per row.
 * The key includes the user, since server code may pass a different user on a shared request.
 */
export const governanceScope = ({ req }: { req: PayloadRequest }): Promise<GovernanceScope> => {
  const context = req.context as Record<string, unknown>
  const key = `${SCOPE_KEY}:${req.user ? `${req.user.collection}:${req.user.id}` : 'anonymous'}`
  context[key] ??= governanceScopeFor({ req, user: req.user })
  return context[key] as Promise<GovernanceScope>
}

/** Forgets memoised scopes, e.g. after a group's members or secretaries change within the same request. */
export const forgetGovernanceScope = ({ req }: { req: PayloadRequest }): void => {
  const context = req.context as Record<string, unknown>
  for (const key of Object.keys(context)) if (key.startsWith(SCOPE_KEY)) delete context[key]
}

export const includesId = ({ id, ids }: { id: unknown; ids: Id[] }): boolean => {
  const wanted = relationId(id)
  return wanted !== null && ids.some((value) => String(value) === String(wanted))
}

/** A where clause matching these ids, or nothing at all for none (every record has an id). */
export const whereIdIn = ({ field = 'id', ids }: { field?: string; ids: Id[] }): Where =>
  ids.length ? { [field]: { in: ids } } : { id: { exists: false } }
