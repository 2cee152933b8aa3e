import type { Access } from 'payload'

import { adminOnly, adminOrSelf, anyone } from '../../src/lib/access'

/**
 * Anyone may register an account, but it holds no role until an administrator grants one
 * (see hooks/guardRoles). Personal data is visible only to its owner and to administrators.
 */
export const usersAccess: Record<'create' | 'delete' | 'read' | 'unlock' | 'update', Access> = {
  create: anyone,
  delete: adminOnly,
  read: adminOrSelf,
  unlock: adminOnly,
  update: adminOrSelf,
}
