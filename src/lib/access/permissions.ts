import type { MaybeUser } from './user-roles'

import { ADMINS } from './roles'
import { effectiveRoles, hasRole } from './user-roles'

/**
 * Permissions an administrator grants on top of a role, for work that only some holders of that role do.
 * `newsletter`: an editor who runs the newsletter (subscriber list, sending).
 */
export const PERMISSIONS = ['newsletter'] as const
export type Permission = (typeof PERMISSIONS)[number]

export const PERMISSION_LABELS: Record<Permission, string> = {
  newsletter: 'Newsletter: subscribers and sending',
}

/** Permissions in force: none while the account is on its one-time password, like roles. */
export const effectivePermissions = (user: MaybeUser): Permission[] => {
  if (!effectiveRoles(user).length) return []
  const granted = (user as { permissions?: unknown } | null | undefined)?.permissions
  return Array.isArray(granted) ? granted.filter((value): value is Permission => (PERMISSIONS as readonly unknown[]).includes(value)) : []
}

/**
 * Who may see subscribers' addresses and send to them: administrators, and editors holding the newsletter
 * permission. The permission alone (on a responder, say) grants nothing.
 */
export const canManageNewsletter = (user: MaybeUser): boolean =>
  hasRole({ roles: ADMINS, user }) || (hasRole({ roles: ['editor'], user }) && effectivePermissions(user).includes('newsletter'))
