import type { ServerProps } from 'payload'

import { CONTENT_STAFF, hasRole } from '../../lib/access'
import { adminHref, STAFF_VIEWS } from './links'
import { StaffNavLinksClient } from './StaffNavLinksClient'

/** Sidebar links to the staff views, rendered only for content staff (others would be refused there). */
export const StaffNavLinks = ({ payload, user }: ServerProps) => {
  if (!hasRole({ roles: CONTENT_STAFF, user })) return null
  const adminRoute = payload.config.routes.admin
  return (
    <StaffNavLinksClient links={STAFF_VIEWS.map(({ label, path }) => ({ href: adminHref({ adminRoute, path }), label }))} />
  )
}
