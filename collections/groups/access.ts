import type { Access, FieldAccess } from 'payload'

import { adminOnly, adminOnlyField, EDITORS, fieldAllowRoles } from '../../src/lib/access'
import { governanceScope, whereIdIn } from '../../src/lib/governance/scope'

/** Groups the visitor may see: public ones, professional ones for professionals, members-only ones for their members. */
const readGroups: Access = async ({ req }) => {
  const scope = await governanceScope({ req })
  if (scope.readsAll) return true
  return whereIdIn({ ids: scope.readable })
}

/** Editors write every group; a secretary updates the groups they are secretary of (not who else is). */
const updateGroups: Access = async ({ req }) => {
  const scope = await governanceScope({ req })
  if (scope.writesAll) return true
  if (!scope.secretaryOf.length) return false
  return whereIdIn({ ids: scope.secretaryOf })
}

export const groupsAccess: Record<'create' | 'delete' | 'read' | 'update', Access> = {
  create: async ({ req }) => (await governanceScope({ req })).writesAll,
  delete: adminOnly,
  read: readGroups,
  update: updateGroups,
}

/** Who sees a group and where it sits: decided by editors, never by a group's own secretary. */
export const editorsOnlyField: FieldAccess = fieldAllowRoles({ roles: EDITORS })

/** Secretaries are user accounts (personal data) and naming one grants write access: administrators only. */
export const secretariesField = { create: adminOnlyField, read: editorsOnlyField, update: adminOnlyField }
