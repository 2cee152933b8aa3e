import type { Access, FieldAccess, Where } from 'payload'

import type { MaybeUser } from '../../src/lib/access'

import { ADMINS, STAFF_ROLES, adminOnly, adminOrSelf, adminOrSelfField, anyone, assignedRoles, hasRole } from '../../src/lib/access'

/** Accounts holding a staff role: the colleagues staff pick as assignees, owners and approvers. */
const staffAccounts: Where = { roles: { in: [...STAFF_ROLES] } }

/**
 * Anyone may register an account, but it holds no role until an administrator grants one
 * (see hooks/guardRoles). Administrators read every account; staff also read their colleagues' accounts
 * (name and roles only: see the field rules), so they can assign and see who did what; anyone else only
 * their own.
 */
export const readUsers: Access = ({ req }) => {
  if (hasRole({ roles: ADMINS, user: req.user })) return true
  if (!req.user) return false
  const self: Where = { id: { equals: req.user.id } }
  return hasRole({ roles: STAFF_ROLES, user: req.user }) ? { or: [self, staffAccounts] } : self
}

/** Roles are what staff pick colleagues by (assignee, clinical approver); other fields stay with the owner and admins. */
export const rolesReadField: FieldAccess = (args) => hasRole({ roles: STAFF_ROLES, user: args.req.user }) || adminOrSelfField(args)

/**
 * A staff account's email is a work address: colleagues on staff read it (the edit-lock dialog names the
 * holder by it, "who is editing this?"). Anyone else's address, a professional's or an account with no role,
 * stays with its owner and administrators.
 */
export const emailReadField: FieldAccess = (args) =>
  adminOrSelfField(args) ||
  (hasRole({ roles: STAFF_ROLES, user: args.req.user }) && assignedRoles(args.doc as MaybeUser).some((role) => STAFF_ROLES.includes(role)))

export const usersAccess: Record<'create' | 'delete' | 'read' | 'unlock' | 'update', Access> = {
  create: anyone,
  delete: adminOnly,
  read: readUsers,
  unlock: adminOnly,
  update: adminOrSelf,
}
