import type { Role } from '../../lib/access'

import { formatAdminURL } from 'payload/shared'

import { CONTENT_STAFF, DESK } from '../../lib/access'

export type StaffViewLink = { label: string; path: `/${string}`; roles: readonly Role[] }

/**
 * The staff views, in nav order; paths must match `admin.components.views` in payload.config.ts. Each
 * lists the roles it is for, so the nav never offers a view that would refuse the reader.
 */
export const STAFF_VIEWS: readonly StaffViewLink[] = [
  { label: 'Reviews due', path: '/reviews-due', roles: CONTENT_STAFF },
  { label: 'Feedback by page', path: '/feedback-by-page', roles: CONTENT_STAFF },
  { label: 'Question report', path: '/question-report', roles: DESK },
]

/** Admin URL for a path, honouring a custom admin route. */
export const adminHref = ({ adminRoute, path }: { adminRoute: string; path: `/${string}` }): string => formatAdminURL({ adminRoute, path })
