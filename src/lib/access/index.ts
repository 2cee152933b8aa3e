import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

import type { Role } from './roles'

import { isRole, STAFF_ROLES } from './roles'

export * from './permissions'
export * from './roles'

type MaybeUser = PayloadRequest['user'] | null | undefined

/** Roles as stored, regardless of whether the account may use them yet. */
export const assignedRoles = (user: MaybeUser): Role[] => {
  const roles = (user as { roles?: unknown } | null | undefined)?.roles
  return Array.isArray(roles) ? roles.filter(isRole) : []
}

/**
 * Roles in force. An account still on its generated one-time password has none until it sets its own,
 * so the only thing it can do is change that password.
 */
export const effectiveRoles = (user: MaybeUser): Role[] => {
  if (!user || (user as { mustChangePassword?: boolean }).mustChangePassword) return []
  return assignedRoles(user)
}

export const hasRole = ({ roles, user }: { roles: Role[]; user: MaybeUser }): boolean =>
  effectiveRoles(user).some((role) => roles.includes(role))

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

export const adminOnly = allowRoles({ roles: ['admin'] })
export const adminOnlyField = fieldAllowRoles({ roles: ['admin'] })
export const staffOnly = allowRoles({ roles: STAFF_ROLES })

/** Admins see every record; anyone else signed in sees only their own (by id, whatever its type). */
export const adminOrSelf: Access = ({ req }) => {
  if (hasRole({ roles: ['admin'], user: req.user })) return true
  if (!req.user) return false
  const self: Where = { id: { equals: req.user.id } }
  return self
}

export const adminOrSelfField: FieldAccess = ({ doc, req }) => {
  if (hasRole({ roles: ['admin'], user: req.user })) return true
  return Boolean(req.user && doc && String(doc.id) === String(req.user.id))
}

/** Published documents for everyone; drafts only for staff who edit content. */
export const publishedOrEditors = ({ roles }: { roles: Role[] }): Access =>
  ({ req }) => {
    if (hasRole({ roles, user: req.user })) return true
    const published: Where = { _status: { equals: 'published' } }
    return published
  }

/** Admin panel entry: staff by assigned role, so a user on a one-time password can reach the page to change it. */
export const canUseAdminPanel = ({ req }: { req: PayloadRequest }): boolean =>
  assignedRoles(req.user).some((role) => STAFF_ROLES.includes(role))

/** Who writes content, and who may see every draft of it. */
export const EDITORS: Role[] = ['admin', 'editor']
export const CONTENT_STAFF: Role[] = ['admin', 'editor', 'clinical-reviewer']
/** Who may read content written for health and care professionals. */
export const PROFESSIONAL_READERS: Role[] = ['admin', 'editor', 'clinical-reviewer', 'responder', 'professional']

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
