import type { Payload, TaskConfig } from 'payload'

import { inTransaction } from '../db/transaction'
import { queueEmail } from '../email/queue'
import { env } from '../env'
import { letOthersRun } from '../jobs/yield'
import { absoluteUrl } from '../site/urls'
import { dueSoonFrom, endOfUkDay } from '../sla/working-days'
import { deadlineEmail } from './messages'
import { deskCalendar } from './sla'
import { DEADLINES_TASK } from '../jobs/names'
import { adminRecordPath } from '../routes'

// Deterministic Message-IDs: should an alert ever be queued twice, the email task still sends it once.
const deadlineMessageId = ({ id, kind }: { id: number | string; kind: 'breach' | 'reminder' }) => `<${kind}-${id}@diabetes-hub.local>`

/** Who hears about a question's deadline: its assignee, else the desk lead from the site settings. */
const recipientFor = async ({ assignee, payload }: { assignee: unknown; payload: Payload }): Promise<null | string> => {
  if (assignee && typeof assignee === 'object' && 'email' in assignee) return String((assignee as { email: string }).email)
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
  return settings.deskEmail ?? null
}

/**
 * One pass over open questions: a reminder once one working day or less is left before the due day (as the
 * desk's list turns it "due soon") and an alert once the due day has ended, each recorded on the question so
 * it is sent once. Paused, answered and closed questions are skipped.
 */
export const watchQuestionDeadlines = async ({ now = new Date(), payload }: { now?: Date; payload: Payload }) => {
  const { closures } = await deskCalendar({ payload })
  const sent = { breaches: 0, reminders: 0 }
  const { docs } = await payload.find({
    collection: 'questions',
    depth: 1,
    limit: 500,
    pagination: false,
    where: { and: [{ status: { in: ['new', 'assigned'] } }, { dueDay: { exists: true } }] },
  })
  for (const question of docs) {
    await letOthersRun()
    const { dueDay } = question
    if (!dueDay) continue
    const kind = now > endOfUkDay({ day: dueDay }) ? 'breach' : now >= dueSoonFrom({ closures, dueDay }) ? 'reminder' : null
    if (!kind || (kind === 'breach' ? question.breachAlertSentAt : question.reminderSentAt)) continue
    const to = await recipientFor({ assignee: question.assignee, payload })
    if (!to) {
      payload.logger.warn({ msg: `No one to tell about question ${question.reference}: set the desk lead email in site settings` })
      continue
    }
    const url = absoluteUrl(adminRecordPath({ collection: 'questions', id: question.id }))
    // Queued and stamped together: a run cut short (its process killed) leaves neither, and the next run
    // queues the alert once; a stamped question always has its alert queued.
    await inTransaction({
      payload,
      work: async (req) => {
        await queueEmail({
          messageId: deadlineMessageId({ id: question.id, kind }),
          payload,
          req,
          to,
          ...deadlineEmail({ dueDay, kind, reference: String(question.reference), url }),
        })
        await payload.update({
          collection: 'questions',
          data: kind === 'breach' ? { breachAlertSentAt: now.toISOString() } : { reminderSentAt: now.toISOString() },
          id: question.id,
          req,
        })
      },
    })
    if (kind === 'breach') sent.breaches++
    else sent.reminders++
  }
  return sent
}

/**
 * Runs the watcher every minute through Payload's job scheduler (web process or worker, whichever runs jobs);
 * QUESTION_DEADLINES_CRON (6 fields, seconds first) changes how often.
 */
export const watchQuestionDeadlinesTask: TaskConfig<'watchQuestionDeadlines'> = {
  slug: DEADLINES_TASK,
  handler: async ({ req }) => ({ output: await watchQuestionDeadlines({ payload: req.payload }) }),
  label: 'Question reminders and overdue alerts',
  outputSchema: [
    { name: 'reminders', type: 'number', required: true },
    { name: 'breaches', type: 'number', required: true },
  ],
  retries: 3,
  schedule: [{ cron: env().QUESTION_DEADLINES_CRON, queue: 'default' }],
}
