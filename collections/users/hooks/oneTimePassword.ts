import type { CollectionAfterOperationHook, CollectionBeforeChangeHook } from 'payload'

import { onOneTimePassword } from '../../../src/lib/access'

/** Setting one's own password replaces a generated one-time password, and the account's roles take effect. */
export const clearOneTimePassword: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || typeof data.password !== 'string' || !req.user || !originalDoc) return data
  if (String(req.user.id) === String(originalDoc.id)) {
    return { ...data, mustChangePassword: false }
  }
  return data
}

/**
 * A password set through a reset link was chosen by the owner of the mailbox: it replaces a one-time
 * password too (Payload's reset writes the account directly, without the hook above).
 */
export const clearOneTimePasswordOnReset: CollectionAfterOperationHook = async ({ operation, req, result }) => {
  if (operation !== 'resetPassword') return result
  const id = (result as { user?: { id?: number | string } } | undefined)?.user?.id
  if (id === undefined) return result
  const account = await req.payload.db.findOne<{ id: number | string; mustChangePassword?: boolean | null }>({
    collection: 'users',
    req,
    where: { id: { equals: id } },
  })
  if (onOneTimePassword(account)) {
    await req.payload.db.updateOne({ id, collection: 'users', data: { mustChangePassword: false }, req, returning: false })
  }
  return result
}
