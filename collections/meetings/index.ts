import type { CollectionConfig, FieldHook, Where } from 'payload'

import { describeQuorum, quorumOf } from '../../src/lib/governance/quorum'
import { ATTENDANCE, MEETING_FORMATS, MEETING_STATUSES, MINUTES_STATES } from '../../src/lib/governance/options'
import { validateWholeNumber } from '../../src/lib/governance/validate'
import { relationId } from '../../src/lib/site/format'
import { approvalRecordField, meetingGroupField, meetingsAccess, minutesContentField } from './access'
import { confirmEarlierMinutes, keepMeetingsWithActions, moveCarriedActions, moveCarriedActionsOnDelete } from './hooks/follow'
import { enforceMinutesWorkflow } from './hooks/minutes'
import { stampMeeting } from './hooks/stamp'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { GOVERNANCE_STAFF } from '../../src/lib/access/roles'

const readOnly = { create: () => false, update: () => false }
const minutes = { read: minutesContentField }

/** Quorum from the group's rule and who was present; the group's roll is read once per request. */
const describeMeetingQuorum: FieldHook = async ({ req, siblingData }) => {
  const groupId = relationId(siblingData?.group)
  if (groupId === null) return null
  const context = req.context as Record<string, unknown>
  const key = `quorum-group:${groupId}`
  context[key] ??= req.payload
    .findByID({
      collection: 'groups',
      depth: 0,
      disableErrors: true,
      id: groupId,
      overrideAccess: true,
      req,
      select: { chairs: true, members: true, quorum: true },
    })
    .catch(() => null)
  const group = (await context[key]) as Parameters<typeof quorumOf>[0]['group']
  return describeQuorum({ quorum: quorumOf({ attendance: siblingData?.attendance, group }) })
}

/**
 * A group's meetings and their minutes: attendance, declarations of interest, numbered agenda items with
 * papers, minute and decision. Actions raised at a meeting live in `actions`.
 */
export const Meetings: CollectionConfig = {
  slug: 'meetings',
  // Opt-ins: the search index follows its changes, and a change empties the page cache (see src/plugins).
  custom: { pageCache: true, searchIndex: true },
  access: meetingsAccess,
  admin: {
    hidden: hiddenUnless({ roles: GOVERNANCE_STAFF }),
    defaultColumns: ['title', 'startsAt', 'status', 'minutesStatus'],
    group: 'Governance',
    listSearchableFields: ['title'],
    useAsTitle: 'title',
  },
  defaultSort: '-startsAt',
  fields: [
    {
      name: 'title',
      type: 'text',
      access: readOnly,
      admin: { description: 'Set from the group and the date.', readOnly: true },
      maxLength: 300,
    },
    {
      admin: { description: 'The group that meets; its secretaries write the minutes.' },
      name: 'group',
      type: 'relationship',
      access: { create: meetingGroupField, update: meetingGroupField },
      index: true,
      relationTo: 'groups',
      required: true,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'startsAt',
          type: 'date',
          admin: { description: 'UK time.', date: { pickerAppearance: 'dayAndTime', timeFormat: 'HH:mm' } },
          index: true,
          required: true,
        },
        {
          name: 'endsAt',
          type: 'date',
          admin: { description: 'UK time; leave empty if not known.', date: { pickerAppearance: 'dayAndTime', timeFormat: 'HH:mm' } },
        },
      ],
    },
    {
      name: 'day',
      type: 'text',
      access: readOnly,
      admin: { description: 'The UK date of the meeting: its web address.', position: 'sidebar', readOnly: true },
      index: true,
      maxLength: 10,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'allDay',
          type: 'checkbox',
          admin: { description: 'The time is not known: shown and exported as the whole day.' },
          defaultValue: false,
          label: 'No start time',
        },
        {
          name: 'provisional',
          type: 'checkbox',
          admin: { description: 'The date is to be confirmed.' },
          defaultValue: false,
          label: 'Provisional date',
        },
        { name: 'dateNote', type: 'text', admin: { description: 'e.g. "Mid-December, date to be confirmed".' }, maxLength: 200 },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          admin: { description: 'In person, online, or both.' },
          name: 'format',
          type: 'select',
          defaultValue: 'in-person',
          options: MEETING_FORMATS.map((format) => ({ ...format })),
          required: true,
        },
        { name: 'venue', type: 'text', admin: { description: 'Where it is held, or "Online".' }, maxLength: 300 },
      ],
    },
    {
      name: 'status',
      type: 'select',
      admin: { description: 'Scheduled until it has taken place; then held, and its minutes can be written.', position: 'sidebar' },
      defaultValue: 'scheduled',
      index: true,
      options: MEETING_STATUSES.map((status) => ({ ...status })),
      required: true,
    },
    {
      name: 'minutesStatus',
      type: 'select',
      admin: {
        description: 'Draft → unconfirmed (circulated to members) → approved, when a later meeting confirms them.',
        position: 'sidebar',
      },
      defaultValue: 'draft',
      index: true,
      label: 'Minutes',
      options: MINUTES_STATES.map((state) => ({ ...state })),
      required: true,
    },
    {
      name: 'confirmsMinutesOf',
      type: 'relationship',
      admin: {
        description:
          'The earlier meeting whose unconfirmed minutes this meeting confirmed as a true record. Saving this meeting as held approves them.',
        position: 'sidebar',
      },
      filterOptions: ({ data, id }): Where => {
        const sameGroup: Where = { group: { equals: relationId(data?.group) ?? null } }
        return id ? { and: [sameGroup, { id: { not_equals: id } }] } : sameGroup
      },
      index: true,
      label: 'Confirms the minutes of',
      relationTo: 'meetings',
    },
    {
      name: 'minutesApproval',
      type: 'group',
      access: { ...readOnly, read: approvalRecordField },
      admin: { description: 'Who approved the minutes and when (set as the minutes are confirmed).', position: 'sidebar', readOnly: true },
      fields: [
        { name: 'approvedAt', type: 'date', admin: { date: { displayFormat: 'd MMM yyyy, HH:mm' } } },
        { name: 'approvedBy', type: 'relationship', relationTo: 'users' },
        { name: 'confirmedBy', type: 'relationship', label: 'Confirmed at the meeting', relationTo: 'meetings' },
      ],
      label: 'Approval',
    },
    {
      admin: { description: 'Who was there, sent apologies or was absent, as the minutes record.' },
      name: 'attendance',
      type: 'array',
      access: minutes,
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'person', type: 'relationship', relationTo: 'people', required: true },
            {
              name: 'attendance',
              type: 'select',
              defaultValue: 'present',
              options: ATTENDANCE.map((option) => ({ ...option })),
              required: true,
            },
            {
              name: 'organisation',
              type: 'relationship',
              admin: { description: 'For whom they attended, if not their own organisation.' },
              relationTo: 'organisations',
            },
          ],
        },
      ],
      maxRows: 200,
    },
    {
      name: 'minutesVisible',
      type: 'checkbox',
      access: readOnly,
      admin: { hidden: true },
      // Whether this reader may read the minutes' content: withheld arrays read back empty, so pages ask this instead.
      hooks: { afterRead: [({ data, req }) => minutesContentField({ doc: data, req } as never)] },
      virtual: true,
    },
    {
      name: 'quorum',
      type: 'text',
      access: { ...readOnly, read: minutesContentField },
      admin: { description: 'Whether the meeting was quorate, in the minutes’ words.', readOnly: true },
      hooks: { afterRead: [describeMeetingQuorum] },
      virtual: true,
    },
    {
      admin: { description: 'Declarations of interest made at the meeting.' },
      name: 'declarations',
      type: 'array',
      access: minutes,
      fields: [
        { name: 'person', type: 'relationship', relationTo: 'people', required: true },
        { name: 'interest', type: 'textarea', maxLength: 1000, required: true },
        {
          name: 'agendaItem',
          type: 'number',
          admin: { description: 'The agenda item it concerns, if one.' },
          min: 1,
          validate: validateWholeNumber,
        },
      ],
      label: 'Declarations of interest',
      maxRows: 100,
    },
    {
      name: 'agendaItems',
      type: 'array',
      access: minutes,
      admin: { description: 'Numbered in this order.' },
      fields: [
        { name: 'number', type: 'number', admin: { readOnly: true }, validate: validateWholeNumber },
        { name: 'title', type: 'text', maxLength: 300, required: true },
        {
          admin: { description: 'Library documents for this item.' },
          name: 'papers',
          type: 'relationship',
          hasMany: true,
          maxRows: 20,
          relationTo: 'documents',
        },
        { name: 'minute', type: 'textarea', admin: { description: 'What was discussed.' }, maxLength: 20_000 },
        { name: 'decision', type: 'textarea', admin: { description: 'The decision, shown as RESOLVED.' }, maxLength: 5000 },
      ],
      label: 'Agenda items',
      maxRows: 60,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'nextMeetingDate',
          type: 'date',
          admin: { description: 'As announced at the meeting.', date: { pickerAppearance: 'dayOnly' } },
        },
        {
          name: 'nextMeetingNote',
          type: 'text',
          admin: { description: 'e.g. "Mid-December, to review the Type 1 and foot care pathways".' },
          maxLength: 300,
        },
      ],
    },
  ],
  hooks: {
    afterChange: [confirmEarlierMinutes, moveCarriedActions],
    afterDelete: [moveCarriedActionsOnDelete],
    beforeDelete: [keepMeetingsWithActions],
    beforeChange: [stampMeeting, enforceMinutesWorkflow],
  },
}
