import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeDeleteHook } from 'payload'

import { ValidationError } from 'payload'

import { carryForwardPending } from '../../../src/lib/governance/carry-forward'
import { relationId } from '../../../src/lib/site/format'

/**
 * A held meeting that records confirming an earlier meeting's minutes approves them, in the same
 * transaction (the earlier meeting's own rules check and stamp the approval).
 */
export const confirmEarlierMinutes: CollectionAfterChangeHook = async ({ doc, req }) => {
  const earlierId = relationId(doc.confirmsMinutesOf)
  if (doc.status !== 'held' || earlierId === null) return doc
  const earlier = await req.payload.findByID({
    collection: 'meetings',
    depth: 0,
    disableErrors: true,
    id: earlierId,
    overrideAccess: true,
    req,
  })
  if (earlier?.minutesStatus === 'unconfirmed') {
    await req.payload.update({
      collection: 'meetings',
      data: { minutesStatus: 'approved' },
      depth: 0,
      id: earlierId,
      overrideAccess: true,
      req,
    })
  }
  return doc
}

/**
 * When a group's calendar changes (a meeting added, moved, held, or moved to another group), its carried-forward
 * actions are placed again on the meeting each now waits on: a meeting scheduled in between takes them.
 */
export const moveCarriedActions: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  const group = relationId(doc.group)
  const previousGroup = operation === 'update' ? relationId(previousDoc?.group) : null
  const calendarChanged =
    operation === 'create' ||
    previousDoc?.status !== doc.status ||
    new Date(previousDoc?.startsAt).getTime() !== new Date(doc.startsAt).getTime() ||
    String(previousGroup) !== String(group)
  if (!calendarChanged) return doc
  if (group !== null) await carryForwardPending({ group, req })
  if (previousGroup !== null && String(previousGroup) !== String(group)) await carryForwardPending({ group: previousGroup, req })
  return doc
}

/** A deleted (cancelled) meeting hands the actions waiting on it to the group's next meeting. */
export const moveCarriedActionsOnDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const group = relationId(doc.group)
  if (group !== null) await carryForwardPending({ group, req })
  return doc
}

/** Actions hang from the meeting that raised them: such a meeting is not deleted from under them (400, not a database error). */
export const keepMeetingsWithActions: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs } = await req.payload.count({ collection: 'actions', overrideAccess: true, req, where: { meeting: { equals: id } } })
  if (totalDocs) {
    throw new ValidationError({
      collection: 'meetings',
      errors: [
        {
          message: `${totalDocs === 1 ? 'An action was' : `${totalDocs} actions were`} raised at this meeting: delete them or move them to another meeting first.`,
          path: 'id',
        },
      ],
      req,
    })
  }
}
