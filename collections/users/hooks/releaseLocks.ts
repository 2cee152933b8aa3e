import type { CollectionAfterOperationHook, CollectionBeforeDeleteHook, PayloadRequest } from 'payload'

import { STAFF_ROLES, isRole } from '../../../src/lib/access'

const LOCKS = 'payload-locked-documents'

type Id = number | string

/** Removes every edit lock the accounts hold (a lock names its holder, not the session it was taken in). */
const releaseLocksOf = async ({ ids, req }: { ids: Id[]; req: PayloadRequest }): Promise<void> => {
  if (!ids.length || !req.payload.collections[LOCKS as keyof typeof req.payload.collections]) return
  await req.payload.db.deleteMany({ collection: LOCKS, req, where: { 'user.value': { in: ids } } })
}

type Change = { password?: unknown; roles?: unknown }

/**
 * Whether a change leaves the account unable to carry on editing: a password set by someone else ends all its
 * sessions (Payload keeps only the changer's own), and an account left without a staff role cannot use the admin.
 */
const endsEditing = ({ data, id, req }: { data: Change | undefined; id: Id; req: PayloadRequest }): boolean => {
  if (!data) return false
  const passwordByOther = typeof data.password === 'string' && data.password !== '' && String(req.user?.id) !== String(id)
  const staffRoles = Array.isArray(data.roles) ? data.roles.filter((role) => isRole(role) && STAFF_ROLES.includes(role)) : undefined
  return passwordByOther || staffRoles?.length === 0
}

const idOf = (doc: unknown): Id | undefined => (doc && typeof doc === 'object' ? (doc as { id?: Id }).id : undefined)

/**
 * An account's locks end with its sessions, so nobody waits out the lock of someone who can no longer save:
 * a reset through the emailed link (Payload ends every session), a password an administrator set, staff
 * roles taken away. Signing out is `releaseLocksOnLogout` (src/lib/access/locks).
 */
export const releaseLocksWhenSessionsEnd: CollectionAfterOperationHook = async ({ args, operation, req, result }) => {
  if (operation === 'resetPassword') {
    const id = idOf((result as { user?: unknown } | undefined)?.user)
    if (id !== undefined) await releaseLocksOf({ ids: [id], req })
  }
  if (operation === 'update' || operation === 'updateByID') {
    const data = (args as { data?: Change }).data
    const docs = operation === 'update' ? ((result as { docs?: unknown[] } | undefined)?.docs ?? []) : [result]
    const ids = docs.map(idOf).filter((id): id is Id => id !== undefined)
    await releaseLocksOf({ ids: ids.filter((id) => endsEditing({ data, id, req })), req })
  }
  return result
}

/** A deleted account's locks go first: afterwards the database has already cut them loose from their holder. */
export const releaseLocksOnDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await releaseLocksOf({ ids: [id], req })
}
