import type { CollectionBeforeChangeHook } from 'payload'

/** Setting one's own password replaces a generated one-time password, and the account's roles take effect. */
export const clearOneTimePassword: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || typeof data.password !== 'string' || !req.user || !originalDoc) return data
  if (String(req.user.id) === String(originalDoc.id)) {
    return { ...data, mustChangePassword: false }
  }
  return data
}
