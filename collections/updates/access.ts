import type { Access } from 'payload'

import { ADMINS, CONTENT_STAFF, EDITORS, allowRoles, contentStaffOnly, publishedOrEditors } from '../../src/lib/access'

const editors = allowRoles({ roles: EDITORS })

export const updatesAccess: Record<'create' | 'delete' | 'read' | 'readVersions' | 'update', Access> = {
  create: editors,
  delete: allowRoles({ roles: ADMINS }),
  read: publishedOrEditors({ roles: CONTENT_STAFF }),
  readVersions: contentStaffOnly,
  update: editors,
}
