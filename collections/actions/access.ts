import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

import { governanceScope, includesId, whereIdIn } from '../../src/lib/governance/scope'
import { relationId } from '../../src/lib/site/format'

/** The group of the meeting an action is raised at (trusted read: access is decided from it). */
export const groupOfMeeting = async ({ meeting, req }: { meeting: unknown; req: PayloadRequest }): Promise<null | number | string> => {
  const id = relationId(meeting)
  if (id === null) return null
  const found = await req.payload
    .findByID({ collection: 'meetings', depth: 0, disableErrors: true, id, overrideAccess: true, req, select: { group: true } })
    .catch(() => null)
  return relationId(found?.group)
}

/**
 * An action is seen with the minutes that raised it: by anyone who may see the group once those minutes are
 * approved, by the group's members once they are circulated, and by its secretaries and content staff always.
 */
const readActions: Access = async ({ req }) => {
  const scope = await governanceScope({ req })
  if (scope.readsAll) return true
  const where: Where = {
    or: [
      { and: [whereIdIn({ field: 'group', ids: scope.readable }), { 'meeting.minutesStatus': { equals: 'approved' } }] },
      { and: [whereIdIn({ field: 'group', ids: scope.memberOf }), { 'meeting.minutesStatus': { in: ['unconfirmed', 'approved'] } }] },
      whereIdIn({ field: 'group', ids: scope.secretaryOf }),
    ],
  }
  return where
}

const createAction: Access = async ({ data, req }) => {
  const scope = await governanceScope({ req })
  if (scope.writesAll) return true
  if (!data) return scope.secretaryOf.length > 0
  return includesId({ id: await groupOfMeeting({ meeting: data.meeting, req }), ids: scope.secretaryOf })
}

const updateActions: Access = async ({ req }) => {
  const scope = await governanceScope({ req })
  if (scope.writesAll) return true
  return scope.secretaryOf.length ? whereIdIn({ field: 'group', ids: scope.secretaryOf }) : false
}

export const actionsAccess: Record<'create' | 'delete' | 'read' | 'update', Access> = {
  create: createAction,
  delete: async ({ req }) => (await governanceScope({ req })).writesAll,
  read: readActions,
  update: updateActions,
}

/** A secretary cannot move an action to a meeting of a group they are not secretary of. */
export const actionMeetingField: FieldAccess = async ({ data, req }) => {
  const scope = await governanceScope({ req })
  return scope.writesAll || includesId({ id: await groupOfMeeting({ meeting: data?.meeting, req }), ids: scope.secretaryOf })
}

/** Reminder bookkeeping and who wrote each update: staff and the group's secretaries. */
export const groupStaffField: FieldAccess = async ({ doc, req }) => {
  const scope = await governanceScope({ req })
  return scope.readsAll || (Boolean(doc) && includesId({ id: doc?.group, ids: scope.secretaryOf }))
}
