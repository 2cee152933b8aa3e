import type { CollectionBeforeOperationHook } from 'payload'

import { APIError } from 'payload'

import { ADMINS, assignedRoles, hasRole } from '../../../src/lib/access'

const normalised = (values: unknown): string => JSON.stringify((Array.isArray(values) ? values.map(String) : []).sort())

/** Fields only an administrator may set: what a user may do. */
const GRANTS = ['roles', 'permissions'] as const

/**
 * Only administrators grant roles and permissions. A request from outside (REST, GraphQL, admin panel) by
 * anyone else that tries to set or change them is refused with 403 rather than silently dropping the field;
 * field access backs this up. Server code (Local API: seed, start-up) is trusted.
 */
/** A user's grants of one kind, as stored (unknown role names dropped). */
const grantsOf = ({ field, user }: { field: (typeof GRANTS)[number]; user: unknown }): unknown =>
  field === 'roles' ? assignedRoles(user as never) : (user as Record<string, unknown> | null | undefined)?.[field]

export const guardRoles: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const data = (args as { data?: Record<string, unknown> }).data
  if (!data || req.payloadAPI === 'local' || hasRole({ roles: ADMINS, user: req.user })) return args
  for (const field of GRANTS) {
    if (!(field in data)) continue
    // Non-admins can only update themselves (collection access), so their own grants are the baseline.
    const current = operation === 'update' ? grantsOf({ field, user: req.user }) : []
    if (normalised(grantsOf({ field, user: data })) !== normalised(current)) {
      throw new APIError(`Only an administrator can assign ${field} (field: ${field}).`, 403, { field }, true)
    }
  }
  return args
}
