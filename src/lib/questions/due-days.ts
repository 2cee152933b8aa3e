import type { Payload, Where } from 'payload'

import type { StoredPause } from './sla'

import { deskCalendar, questionDue } from './sla'

/**
 * Questions stored before the due day was kept (only an instant, which read as the next day when it fell at
 * midnight) get their due day and due instant worked out again under the current rule. Runs at start-up under
 * the start-up lock; a question that already has its due day is never touched, so it runs once per question (paused ones aside).
 */
/** Returns how many questions were given a due day. */
export const fillQuestionDueDays = async ({ payload }: { payload: Payload }): Promise<number> => {
  const calendar = await deskCalendar({ payload })
  let filled = 0
  let after: null | number | string = null
  for (;;) {
    const where: Where = {
      and: [{ dueDay: { exists: false } }, { receivedAt: { exists: true } }, ...(after === null ? [] : [{ id: { greater_than: after } }])],
    }
    const { docs } = await payload.find({
      collection: 'questions',
      depth: 0,
      limit: 200,
      overrideAccess: true,
      select: { pauses: true, receivedAt: true },
      sort: 'id',
      where,
    })
    if (!docs.length) return filled
    after = docs.at(-1)!.id
    for (const question of docs) {
      const due = questionDue({ ...calendar, pauses: (question.pauses ?? []) as StoredPause[], receivedAt: String(question.receivedAt) })
      // Straight to the database: no workflow hook runs, so nothing is stamped or emailed. A paused question
      // has no due day until the asker replies, and is looked at again next time.
      await payload.db.updateOne({
        collection: 'questions',
        data: { dueAt: due.dueAt, dueDay: due.dueDay },
        id: question.id,
        returning: false,
      })
      if (due.dueDay) filled++
    }
  }
}
