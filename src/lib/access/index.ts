import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

import type { Role } from './roles'
import type { MaybeUser } from './user-roles'

import { ADMINS, CONTENT_STAFF, EDITORS, PROFESSIONAL_READERS, STAFF_ROLES } from './roles'
import { assignedRoles, hasRole } from './user-roles'

export * from './permissions'
export * from './roles'
export * from './user-roles'

export const anyone: Access = () => true
export const nobody: Access = () => false

/** Access for collection operations: allowed when the user holds any of `roles`. */
export const allowRoles =
  ({ roles }: { roles: Role[] }): Access =>
  ({ req }) =>
    hasRole({ roles, user: req.user })

export const fieldAllowRoles =
  ({ roles }: { roles: Role[] }): FieldAccess =>
  ({ req }) =>
    hasRole({ roles, user: req.user })

export const adminOnly = allowRoles({ roles: ADMINS })
export const adminOnlyField = fieldAllowRoles({ roles: ADMINS })
export const staffOnly = allowRoles({ roles: STAFF_ROLES })

/** Admins see every record; anyone else signed in sees only their own (by id, whatever its type). */
export const adminOrSelf: Access = ({ req }) => {
  if (hasRole({ roles: ADMINS, user: req.user })) return true
  if (!req.user) return false
  const self: Where = { id: { equals: req.user.id } }
  return self
}

export const adminOrSelfField: FieldAccess = ({ doc, req }) => {
  if (hasRole({ roles: ADMINS, user: req.user })) return true
  return Boolean(req.user && doc && String(doc.id) === String(req.user.id))
}

/** Published documents for everyone; drafts only for staff who edit content. */
export const publishedOrEditors =
  ({ roles }: { roles: Role[] }): Access =>
  ({ req }) => {
    if (hasRole({ roles, user: req.user })) return true
    const published: Where = { _status: { equals: 'published' } }
    return published
  }

/** Admin panel entry: staff by assigned role, so a user on a one-time password can reach the page to change it. */
export const canUseAdminPanel = ({ req }: { req: PayloadRequest }): boolean =>
  assignedRoles(req.user).some((role) => STAFF_ROLES.includes(role))

export const editorsOnly = allowRoles({ roles: EDITORS })
/** Fields for content staff only (who owns or signed off a page, contact details). */
export const contentStaffField = fieldAllowRoles({ roles: CONTENT_STAFF })
export const contentStaffOnly = allowRoles({ roles: CONTENT_STAFF })

export const canReadProfessionalContent = (user: MaybeUser): boolean => hasRole({ roles: PROFESSIONAL_READERS, user })

/**
 * Content with an `audience`: content staff see everything, drafts included; professionals see what is
 * published; everyone else sees published public content only.
 */
export const publishedForAudience: Access = ({ req }) => {
  if (hasRole({ roles: CONTENT_STAFF, user: req.user })) return true
  const published: Where = { _status: { equals: 'published' } }
  if (canReadProfessionalContent(req.user)) return published
  return { and: [published, { audience: { equals: 'public' } }] }
}

/**
 * Editorial content with drafts (care areas, commissioning tips, parliamentary questions, updates): editors
 * write it, administrators delete it, everyone reads what is published, and content staff read drafts and versions.
 */
export const editorialAccess: Record<'create' | 'delete' | 'read' | 'readVersions' | 'update', Access> = {
  create: editorsOnly,
  delete: adminOnly,
  read: publishedOrEditors({ roles: CONTENT_STAFF }),
  readVersions: contentStaffOnly,
  update: editorsOnly,
}
