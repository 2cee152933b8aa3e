import type { Access } from 'payload'

import { allowRoles, publishedOrEditors } from '../../src/lib/access'

const editors = allowRoles({ roles: ['admin', 'editor'] })

export const updatesAccess: Record<'create' | 'delete' | 'read' | 'update', Access> = {
  create: editors,
  delete: allowRoles({ roles: ['admin'] }),
  read: publishedOrEditors({ roles: ['admin', 'editor', 'clinical-reviewer'] }),
  update: editors,
}
