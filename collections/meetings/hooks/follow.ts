import type { CollectionAfterChangeHook } from 'payload'

import { carryForwardPending } from '../../../src/lib/governance/carry-forward'
import { relationId } from '../../../src/lib/site/format'

/**
 * A held meeting that records confirming an earlier meeting's minutes approves them, in the same
 * transaction (the earlier meeting's own rules check and stamp the approval).
 */
export const confirmEarlierMinutes: CollectionAfterChangeHook = async ({ doc, req }) => {
  const earlierId = relationId(doc.confirmsMinutesOf)
  if (doc.status !== 'held' || earlierId === null) return doc
  const earlier = await req.payload.findByID({ collection: 'meetings', depth: 0, disableErrors: true, id: earlierId, overrideAccess: true, req })
  if (earlier?.minutesStatus === 'unconfirmed') {
    await req.payload.update({ collection: 'meetings', data: { minutesStatus: 'approved' }, depth: 0, id: earlierId, overrideAccess: true, req })
  }
  return doc
}

/** When the group's calendar changes (a meeting added, moved or held), carried-forward actions find their next meeting. */
export const moveCarriedActions: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  const calendarChanged =
    operation === 'create' || previousDoc?.status !== doc.status || previousDoc?.startsAt !== doc.startsAt || String(relationId(previousDoc?.group)) !== String(relationId(doc.group))
  const group = relationId(doc.group)
  if (calendarChanged && group !== null) await carryForwardPending({ group, req })
  return doc
}
