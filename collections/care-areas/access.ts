import type { Access } from 'payload'

import { adminOnly, CONTENT_STAFF, contentStaffOnly, editorsOnly, publishedOrEditors } from '../../src/lib/access'

export const careAreasAccess: Record<'create' | 'delete' | 'read' | 'readVersions' | 'update', Access> = {
  create: editorsOnly,
  delete: adminOnly,
  read: publishedOrEditors({ roles: CONTENT_STAFF }),
  readVersions: contentStaffOnly,
  update: editorsOnly,
}
