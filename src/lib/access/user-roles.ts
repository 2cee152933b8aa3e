import type { PayloadRequest } from 'payload'

import type { Role } from './roles'

import { isRole } from './roles'

export type MaybeUser = PayloadRequest['user'] | null | undefined

/**
 * Whether an account is still on its generated one-time password. Such an account must set its own first:
 * until then it holds no role, permission or group standing, and may only change that password.
 */
export const onOneTimePassword = (account: unknown): boolean =>
  Boolean((account as { mustChangePassword?: boolean | null } | null | undefined)?.mustChangePassword)

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
  if (!user || onOneTimePassword(user)) return []
  return assignedRoles(user)
}

export const hasRole = ({ roles, user }: { roles: Role[]; user: MaybeUser }): boolean =>
  effectiveRoles(user).some((role) => roles.includes(role))
