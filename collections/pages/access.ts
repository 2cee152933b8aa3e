import type { Access } from 'payload'

import { adminOnly, CLINICAL_REVIEWERS, contentStaffOnly, hasRole, publishedForAudience } from '../../src/lib/access'

/**
 * Editors and clinical reviewers write guidance; only a clinical reviewer publishes it (enforced in the
 * sign-off hook, because Payload's access functions do not see whether a save publishes).
 */
/**
 * Content staff update guidance; publishing is a clinical reviewer's. The admin asks this with `_status:
 * published` to decide whether to offer "Publish", so editors never see a button they cannot use. (An editor's
 * save is made a draft before this runs: see hooks/signOff.)
 */
const updatePages: Access = (args) =>
  args.data?._status === 'published' ? hasRole({ roles: CLINICAL_REVIEWERS, user: args.req.user }) : contentStaffOnly(args)

export const pagesAccess: Record<'create' | 'delete' | 'read' | 'readVersions' | 'update', Access> = {
  create: contentStaffOnly,
  delete: adminOnly,
  read: publishedForAudience,
  readVersions: contentStaffOnly,
  update: updatePages,
}
