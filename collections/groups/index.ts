import type { CollectionConfig } from 'payload'

import { slugField } from '../../src/lib/fields/slug'
import { GROUP_VISIBILITIES } from '../../src/lib/governance/options'
import { validateWholeNumber } from '../../src/lib/governance/validate'
import { editorsOnlyField, groupsAccess, secretariesField } from './access'
import { keepParentsSound } from './hooks/parent'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { GOVERNANCE_STAFF } from '../../src/lib/access/roles'

/**
 * The network's groups (network board, service redesign group, project groups…): who chairs them, who
 * sits on them and for whom, their terms of reference, and who may see their meetings.
 */
export const Groups: CollectionConfig = {
  slug: 'groups',
  // Opt-ins: the search index follows its changes, and a change empties the page cache (see src/plugins).
  custom: { pageCache: true, searchIndex: true },
  access: groupsAccess,
  admin: {
    hidden: hiddenUnless({ roles: GOVERNANCE_STAFF }),
    defaultColumns: ['name', 'visibility', 'parent'],
    group: 'Governance',
    useAsTitle: 'name',
  },
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', maxLength: 200, required: true, unique: true },
    slugField({ from: 'name' }),
    {
      admin: { description: 'What the group is for, in a sentence or two, shown on its page.' },
      name: 'purpose',
      type: 'textarea',
      maxLength: 2000,
    },
    {
      name: 'parent',
      type: 'relationship',
      access: { create: editorsOnlyField, update: editorsOnlyField },
      admin: { description: 'The group this one reports to, if any.', position: 'sidebar' },
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
      index: true,
      relationTo: 'groups',
    },
    {
      name: 'visibility',
      type: 'select',
      access: { create: editorsOnlyField, update: editorsOnlyField },
      admin: {
        description:
          'Who sees the group, its meetings, approved minutes and actions on the site. Members-only groups are hidden from everyone else.',
        position: 'sidebar',
      },
      defaultValue: 'public',
      index: true,
      options: GROUP_VISIBILITIES.map((visibility) => ({ ...visibility })),
      required: true,
    },
    {
      name: 'chairs',
      type: 'relationship',
      admin: { description: 'The chair, or co-chairs.' },
      hasMany: true,
      maxRows: 3,
      relationTo: 'people',
    },
    {
      name: 'members',
      type: 'array',
      admin: { description: 'Who sits on the group, for which organisation and in what role.' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              admin: { description: 'A contact from the people list.' },
              name: 'person',
              type: 'relationship',
              relationTo: 'people',
              required: true,
            },
            {
              name: 'organisation',
              type: 'relationship',
              admin: { description: 'Whom they represent here.' },
              relationTo: 'organisations',
            },
            { name: 'role', type: 'text', admin: { description: 'e.g. "PBC diabetes lead".' }, maxLength: 200 },
          ],
        },
      ],
      maxRows: 100,
    },
    {
      name: 'quorum',
      type: 'number',
      admin: { description: 'How many members (chairs included) must be present for the meeting to be quorate. Empty: no rule.' },
      validate: validateWholeNumber,
      min: 1,
    },
    {
      admin: { description: 'The library document holding the group’s terms of reference.' },
      name: 'termsOfReference',
      type: 'relationship',
      label: 'Terms of reference',
      relationTo: 'documents',
    },
    {
      name: 'secretaries',
      type: 'relationship',
      access: secretariesField,
      admin: {
        description: 'Accounts with the group secretary role who write this group’s meetings, minutes and actions.',
        position: 'sidebar',
      },
      // Only administrators set secretaries (the filter is re-checked on save); staff see them by name.
      filterOptions: { roles: { contains: 'secretary' } },
      hasMany: true,
      relationTo: 'users',
    },
  ],
  hooks: { beforeValidate: [keepParentsSound] },
}
