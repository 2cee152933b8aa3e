import type { Access, Where } from 'payload'

import { adminOnly, canReadProfessionalContent, CONTENT_STAFF, editorsOnly, hasRole } from '../../src/lib/access'

/** Public recommendations for everyone; professional-only ones for professionals and staff. */
const readRecommendations: Access = ({ req }) => {
  if (hasRole({ roles: CONTENT_STAFF, user: req.user }) || canReadProfessionalContent(req.user)) return true
  const publicOnly: Where = { audience: { equals: 'public' } }
  return publicOnly
}

export const recommendationsAccess: Record<'create' | 'delete' | 'read' | 'update', Access> = {
  create: editorsOnly,
  delete: adminOnly,
  read: readRecommendations,
  update: editorsOnly,
}
