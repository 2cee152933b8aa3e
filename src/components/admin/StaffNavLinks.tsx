import type { ServerProps } from 'payload'

import { hasRole } from '../../lib/access'
import { staffViewsOf } from '../../plugins/registry'
import { adminHref } from './links'
import { StaffNavLinksClient } from './StaffNavLinksClient'

/**
 * Sidebar links to the staff views the capabilities added (src/plugins), each rendered only for the roles it is
 * for (others would be refused there).
 */
export const StaffNavLinks = ({ payload, user }: ServerProps) => {
  const links = staffViewsOf(payload.config).filter(({ roles, unlisted }) => !unlisted && hasRole({ roles: [...roles], user }))
  if (!links.length) return null
  const adminRoute = payload.config.routes.admin
  return <StaffNavLinksClient links={links.map(({ label, path }) => ({ href: adminHref({ adminRoute, path }), label }))} />
}
