import { formatAdminURL } from 'payload/shared'

/** Admin URL for a path, honouring a custom admin route. */
export const adminHref = ({ adminRoute, path }: { adminRoute: string; path: `/${string}` }): string => formatAdminURL({ adminRoute, path })
