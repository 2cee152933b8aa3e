import type { Role } from '../access/roles'

import { hasRole } from '../access/user-roles'

/**
 * `admin.hidden` for a collection or global: shown in the admin (navigation, dashboard, its own pages) only to
 * the roles that work on it, so a responder's admin is Questions and the report, not every collection they may
 * happen to read. Access rules still decide what anyone may read or change; this only tidies the admin.
 */
export const hiddenUnless =
  ({ roles }: { roles: readonly Role[] }) =>
  ({ user }: { user: unknown }): boolean =>
    !hasRole({ roles: [...roles], user: user as never })
