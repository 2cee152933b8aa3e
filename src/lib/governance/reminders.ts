import type { Payload, TaskConfig } from 'payload'

import type { Action, Group, Meeting, Organisation, Person, User } from '../../payload-types'

import { inTransaction } from '../db/transaction'
import { mailDomain } from '../email/identity'
import { queueEmail } from '../email/queue'
import { letOthersRun } from '../jobs/yield'
import { formatDate } from '../site/format'
import { GOVERNANCE, meetingPath } from '../routes'
import { absoluteUrl } from '../site/urls'
import { ukDay } from '../sla/uk-time'
import { dueDay } from './dates'
import { OPEN_ACTION_STATUSES } from './options'
import { ACTION_REMINDERS_TASK } from '../jobs/names'

/**
 * One Message-ID per action and due date: should a reminder ever be queued twice, the email task still sends
 * it once. A new due date is a new reminder.
 */
export const reminderMessageId = ({ day, id }: { day: string; id: number | string }): string =>
  `<action-overdue-${id}-${day}@${mailDomain()}>`

const ownerName = (owner: Action['owner']): string => {
  const value = owner?.value
  return value && typeof value === 'object' ? (value as Organisation | Person).name : 'the owner'
}

/** The owner's email when the owner is a person with one; otherwise the group's secretaries. */
const recipientsFor = ({ action, group }: { action: Action; group: Group | null }): string[] => {
  const owner = action.owner?.value
  if (action.owner?.relationTo === 'people' && owner && typeof owner === 'object' && (owner as Person).email)
    return [(owner as Person).email!]
  return (group?.secretaries ?? []).flatMap((secretary) =>
    secretary && typeof secretary === 'object' && (secretary as User).email ? [(secretary as User).email] : [],
  )
}

export const overdueEmail = ({
  action,
  group,
  meeting,
  owner,
}: {
  action: Action
  group: Group | null
  meeting: Meeting | null
  owner: string
}) => {
  const url = absoluteUrl(group && meeting ? meetingPath({ day: meeting.day, group: group.slug }) : GOVERNANCE)
  return {
    subject: `Overdue action: ${action.title.replace(/\s+/g, ' ').slice(0, 120)}`,
    text: [
      `This action for ${owner} was due on ${formatDate(action.dueDate)} and is still ${action.status === 'carried-forward' ? 'carried forward' : 'open'}:`,
      '',
      action.title,
      '',
      group ? `Group: ${group.name}` : '',
      meeting ? `Raised at: ${meeting.title}${action.agendaItem ? `, agenda item ${action.agendaItem}` : ''}` : '',
      '',
      `Please send an update to the group's secretary. The minutes: ${url}`,
    ]
      .filter((line, index, lines) => line !== '' || lines[index - 1] !== '')
      .join('\n'),
  }
}

/**
 * One pass over open and carried-forward actions past their due date (UK days): each owner is reminded once
 * per due date, recorded on the action. Done and dropped actions are never chased.
 */
export const remindOverdueActions = async ({ now = new Date(), payload }: { now?: Date; payload: Payload }) => {
  const today = ukDay({ instant: now })
  let sent = 0
  const { docs } = await payload.find({
    collection: 'actions',
    depth: 2,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    where: {
      and: [{ status: { in: OPEN_ACTION_STATUSES } }, { dueDate: { exists: true } }, { dueDate: { less_than: now.toISOString() } }],
    },
  })
  for (const action of docs as Action[]) {
    await letOthersRun()
    const day = dueDay({ due: action.dueDate! })
    if (day >= today || action.reminder?.dueDate === day) continue
    const group = typeof action.group === 'object' ? (action.group as Group) : null
    const meeting = typeof action.meeting === 'object' ? (action.meeting as Meeting) : null
    const to = recipientsFor({ action, group })
    if (!to.length) {
      payload.logger.warn({ msg: `No one to remind about overdue action ${action.id}: the owner has no email and the group no secretary` })
      continue
    }
    // Queued and recorded together, so a run cut short never leaves a second reminder to be queued.
    await inTransaction({
      payload,
      work: async (req) => {
        await queueEmail({
          messageId: reminderMessageId({ day, id: action.id }),
          payload,
          req,
          to: to.join(', '),
          ...overdueEmail({ action, group, meeting, owner: ownerName(action.owner) }),
        })
        await payload.update({
          collection: 'actions',
          data: { reminder: { dueDate: day, sentAt: now.toISOString(), to: to.join(', ') } },
          depth: 0,
          id: action.id,
          overrideAccess: true,
          req,
        })
      },
    })
    sent++
  }
  return { sent }
}

/** Hourly through Payload's job scheduler; retried like every task. */
export const remindOverdueActionsTask: TaskConfig<'remindOverdueActions'> = {
  slug: ACTION_REMINDERS_TASK,
  handler: async ({ req }) => ({ output: await remindOverdueActions({ payload: req.payload }) }),
  label: 'Overdue action reminders',
  outputSchema: [{ name: 'sent', type: 'number', required: true }],
  retries: 3,
  schedule: [{ cron: '0 5 * * * *', queue: 'default' }],
}
