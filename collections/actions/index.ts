import type { CollectionConfig } from 'payload'

import { isPastDue } from '../../src/lib/governance/dates'
import { ACTION_STATUSES, OPEN_ACTION_STATUSES } from '../../src/lib/governance/options'
import { validateWholeNumber } from '../../src/lib/governance/validate'
import { actionMeetingField, actionsAccess, groupStaffField } from './access'
import { trackAction } from './hooks/track'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { GOVERNANCE_STAFF } from '../../src/lib/access/roles'

const readOnly = { create: () => false, update: () => false }

/**
 * Actions raised at a meeting: owner, due date, status and a log of updates. A carried-forward action joins
 * the group's next meeting and keeps its history; overdue actions are flagged and their owners reminded.
 */
export const Actions: CollectionConfig = {
  slug: 'actions',
  // Opt-in: a change empties the page cache (see src/plugins/page-cache).
  custom: { pageCache: true },
  access: actionsAccess,
  admin: {
    hidden: hiddenUnless({ roles: GOVERNANCE_STAFF }),
    defaultColumns: ['title', 'owner', 'dueDate', 'status', 'group'],
    group: 'Governance',
    listSearchableFields: ['title'],
    useAsTitle: 'title',
  },
  defaultSort: 'dueDate',
  fields: [
    { name: 'title', type: 'textarea', admin: { description: 'What is to be done.' }, label: 'Action', maxLength: 1000, required: true },
    {
      type: 'row',
      fields: [
        {
          admin: { description: 'The meeting that agreed the action; its group comes from the meeting.' },
          name: 'meeting',
          type: 'relationship',
          access: { create: actionMeetingField, update: actionMeetingField },
          index: true,
          label: 'Raised at',
          relationTo: 'meetings',
          required: true,
        },
        {
          name: 'agendaItem',
          type: 'number',
          admin: { description: 'The agenda item number at that meeting.' },
          min: 1,
          validate: validateWholeNumber,
        },
      ],
    },
    {
      name: 'group',
      type: 'relationship',
      access: readOnly,
      admin: { description: 'The group of the meeting.', position: 'sidebar', readOnly: true },
      index: true,
      relationTo: 'groups',
    },
    {
      type: 'row',
      fields: [
        {
          name: 'owner',
          type: 'relationship',
          admin: { description: 'A person or an organisation.' },
          relationTo: ['people', 'organisations'],
          required: true,
        },
        {
          name: 'dueDate',
          type: 'date',
          admin: { description: 'The day it should be done by; the owner is reminded before it.', date: { pickerAppearance: 'dayOnly' } },
          index: true,
        },
      ],
    },
    {
      name: 'status',
      type: 'select',
      admin: { description: 'Carried forward: the action goes on the group’s next meeting.', position: 'sidebar' },
      defaultValue: 'open',
      index: true,
      options: ACTION_STATUSES.map((status) => ({ ...status })),
      required: true,
    },
    {
      name: 'overdue',
      type: 'checkbox',
      access: readOnly,
      admin: { description: 'Open and past its due day.', position: 'sidebar', readOnly: true },
      hooks: {
        afterRead: [({ siblingData }) => OPEN_ACTION_STATUSES.includes(siblingData?.status) && isPastDue({ due: siblingData?.dueDate })],
      },
      virtual: true,
    },
    {
      name: 'carriedForwardTo',
      type: 'relationship',
      access: readOnly,
      admin: { description: 'Later meetings the action was carried forward to.', readOnly: true },
      hasMany: true,
      relationTo: 'meetings',
    },
    {
      name: 'updates',
      type: 'array',
      admin: { description: 'Progress, newest last. Each new entry is stamped with the time and who wrote it.' },
      fields: [
        { name: 'note', type: 'textarea', maxLength: 2000, required: true },
        {
          type: 'row',
          fields: [
            { name: 'at', type: 'date', admin: { date: { displayFormat: 'd MMM yyyy, HH:mm' }, readOnly: true } },
            { name: 'by', type: 'relationship', access: { read: groupStaffField }, admin: { readOnly: true }, relationTo: 'users' },
          ],
        },
      ],
      label: 'Updates log',
      maxRows: 200,
    },
    {
      name: 'reminder',
      type: 'group',
      access: { ...readOnly, read: groupStaffField },
      admin: { description: 'The overdue reminder, sent once per due date.', position: 'sidebar', readOnly: true },
      fields: [
        { name: 'dueDate', type: 'text', admin: { description: 'The due date it was sent for.' } },
        { name: 'sentAt', type: 'date' },
        { name: 'to', type: 'text' },
      ],
    },
  ],
  hooks: { beforeChange: [trackAction] },
}
