import type { Access, FieldAccess } from 'payload'

import { governanceScope, includesId, whereIdIn } from '../../src/lib/governance/scope'

/** Meetings of the groups the visitor may see. What the minutes say is a separate, field-level rule. */
const readMeetings: Access = async ({ req }) => {
  const scope = await governanceScope({ req })
  return scope.readsAll || whereIdIn({ field: 'group', ids: scope.readable })
}

/** Editors record any meeting; a secretary records meetings of their own groups only. */
const createMeeting: Access = async ({ data, req }) => {
  const scope = await governanceScope({ req })
  if (scope.writesAll) return true
  // Asked without data (may this user create at all?) by the admin panel.
  if (!data) return scope.secretaryOf.length > 0
  return includesId({ id: data.group, ids: scope.secretaryOf })
}

const updateMeetings: Access = async ({ req }) => {
  const scope = await governanceScope({ req })
  if (scope.writesAll) return true
  return scope.secretaryOf.length ? whereIdIn({ field: 'group', ids: scope.secretaryOf }) : false
}

export const meetingsAccess: Record<'create' | 'delete' | 'read' | 'update', Access> = {
  create: createMeeting,
  delete: async ({ req }) => (await governanceScope({ req })).writesAll,
  read: readMeetings,
  update: updateMeetings,
}

/** A secretary cannot move a meeting into a group they are not secretary of. */
export const meetingGroupField: FieldAccess = async ({ data, req }) => {
  const scope = await governanceScope({ req })
  return scope.writesAll || includesId({ id: data?.group, ids: scope.secretaryOf })
}

/**
 * What the minutes record (attendance, declarations, agenda items, decisions) is readable by content staff
 * and the group's secretaries at every stage, by the group's members once circulated (unconfirmed), and by
 * anyone who may see the group once approved. Without a document (e.g. checking a query) only staff pass.
 */
export const minutesContentField: FieldAccess = async ({ doc, req }) => {
  const scope = await governanceScope({ req })
  if (scope.readsAll) return true
  if (!doc) return false
  if (includesId({ id: doc.group, ids: scope.secretaryOf })) return true
  if (doc.minutesStatus === 'approved') return true
  return doc.minutesStatus === 'unconfirmed' && includesId({ id: doc.group, ids: scope.memberOf })
}

/** Who approved the minutes and when: the record is for staff and the group's secretaries. */
export const approvalRecordField: FieldAccess = async ({ doc, req }) => {
  const scope = await governanceScope({ req })
  return scope.readsAll || (Boolean(doc) && includesId({ id: doc?.group, ids: scope.secretaryOf }))
}
