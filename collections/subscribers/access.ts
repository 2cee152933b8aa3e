import type { Access, FieldAccess } from 'payload'

import { canManageNewsletter } from '../../src/lib/access'

/** Administrators and editors with the newsletter permission: the only people who see subscribers' addresses. */
export const newsletterManagers: Access = ({ req }) => canManageNewsletter(req.user)
export const newsletterManagersField: FieldAccess = ({ req }) => canManageNewsletter(req.user)

/** Written only by the hub itself (sign-up, confirmation, links in emails, bounces), never through the API. */
export const systemOnlyField = { create: () => false, update: () => false }
