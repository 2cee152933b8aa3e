import type { Access, FieldAccess } from 'payload'

import { CONTENT_STAFF, DESK, adminOnly, allowRoles, anyone, fieldAllowRoles } from '../../src/lib/access'

/** The desk: responders and admins. */

export const deskOnly = allowRoles({ roles: DESK })
/** Askers' personal details: the desk only, in every API. */
export const deskOnlyField: FieldAccess = fieldAllowRoles({ roles: DESK })
/** Fields the public fills in: anyone may set them when asking; afterwards only the desk changes them. */
export const askerField = { create: () => true, read: deskOnlyField, update: deskOnlyField }
/** Desk workflow fields: never set by the public. */
export const deskField = { create: deskOnlyField, read: fieldAllowRoles({ roles: [...DESK, ...CONTENT_STAFF] }), update: deskOnlyField }

export const questionsAccess: Record<'create' | 'delete' | 'read' | 'update', Access> = {
  // Anyone may ask; the create hook limits the rate and strips anything but the question itself.
  create: anyone,
  delete: adminOnly,
  // Content staff see questions (for FAQs and reports) but not who asked.
  read: allowRoles({ roles: [...DESK, ...CONTENT_STAFF] }),
  update: deskOnly,
}
