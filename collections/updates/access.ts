import type { Access } from 'payload'

import { allowRoles, CONTENT_STAFF, contentStaffOnly, publishedOrEditors } from '../../src/lib/access'

const editors = allowRoles({ roles: ['admin', 'editor'] })

export const updatesAccess: Record<'create' | 'delete' | 'read' | 'readVersions' | 'update', Access> = {
  create: editors,
  delete: allowRoles({ roles: ['admin'] }),
  read: publishedOrEditors({ roles: CONTENT_STAFF }),
  readVersions: contentStaffOnly,
  update: editors,
}
