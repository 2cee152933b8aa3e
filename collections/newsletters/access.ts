import type { Access, Where } from 'payload'

import { EDITORS, hasRole } from '../../src/lib/access'
import { PUBLISHED_ISSUE_STATUSES } from '../../src/lib/newsletter/issue-status'

/** Editors see every issue; everyone else sees only issues that have gone out (the web versions). */
export const readIssues: Access = ({ req }) => {
  if (hasRole({ roles: EDITORS, user: req.user })) return true
  const published: Where = { status: { in: PUBLISHED_ISSUE_STATUSES } }
  return published
}
