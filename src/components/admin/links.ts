import { formatAdminURL } from 'payload/shared'

/** The staff views, in nav order; paths must match `admin.components.views` in payload.config.ts. */
export const STAFF_VIEWS = [
  { label: 'Reviews due', path: '/reviews-due' },
  { label: 'Feedback by page', path: '/feedback-by-page' },
] as const

/** Admin URL for a path, honouring a custom admin route. */
export const adminHref = ({ adminRoute, path }: { adminRoute: string; path: `/${string}` }): string =>
  formatAdminURL({ adminRoute, path })
