import type { CollectionBeforeOperationHook } from 'payload'

import { APIError } from 'payload'

import { assignedRoles, hasRole } from '../../../src/lib/access'

const normalised = (roles: unknown): string => JSON.stringify(assignedRoles({ roles } as never).sort())

/**
 * Only administrators grant roles. A request from outside (REST, GraphQL, admin panel) by anyone else that
 * tries to set or change roles is refused with 403 rather than silently dropping the field; field access
 * on `roles` backs this up. Server code (Local API: seed, start-up) is trusted.
 */
export const guardRoles: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const data = (args as { data?: Record<string, unknown> }).data
  if (!data || !('roles' in data) || req.payloadAPI === 'local') return args
  if (hasRole({ roles: ['admin'], user: req.user })) return args
  // Non-admins can only update themselves (collection access), so their own roles are the baseline.
  const current = operation === 'update' ? req.user?.roles : []
  if (normalised(data.roles ?? []) !== normalised(current ?? [])) {
    throw new APIError('Only an administrator can assign roles (field: roles).', 403, { field: 'roles' }, true)
  }
  return args
}
