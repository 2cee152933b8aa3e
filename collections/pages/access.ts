import type { Access } from 'payload'

import { adminOnly, contentStaffOnly, publishedForAudience } from '../../src/lib/access'

/**
 * Editors and clinical reviewers write guidance; only a clinical reviewer publishes it (enforced in the
 * sign-off hook, because Payload's access functions do not see whether a save publishes).
 */
export const pagesAccess: Record<'create' | 'delete' | 'read' | 'readVersions' | 'update', Access> = {
  create: contentStaffOnly,
  delete: adminOnly,
  read: publishedForAudience,
  readVersions: contentStaffOnly,
  update: contentStaffOnly,
}
