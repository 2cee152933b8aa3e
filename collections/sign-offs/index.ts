import type { CollectionConfig } from 'payload'

import { contentStaffOnly, nobody } from '../../src/lib/access'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { CONTENT_STAFF } from '../../src/lib/access/roles'

/** Audit trail of clinical decisions on guidance drafts: written by the guidance pages' hook only, never edited. */
export const SignOffs: CollectionConfig = {
  slug: 'sign-offs',
  access: { create: nobody, delete: nobody, read: contentStaffOnly, update: nobody },
  admin: {
    hidden: hiddenUnless({ roles: CONTENT_STAFF }),
    defaultColumns: ['pageTitle', 'decision', 'reviewer', 'signedOffAt'],
    description: 'Each time a clinical reviewer signed off (published) or returned a guidance page, with what they compared.',
    group: 'Guidance',
    useAsTitle: 'pageTitle',
  },
  defaultSort: '-signedOffAt',
  fields: [
    { name: 'page', type: 'relationship', index: true, relationTo: 'pages', required: true },
    { name: 'pageTitle', type: 'text', label: 'Page', required: true },
    {
      name: 'decision',
      type: 'select',
      defaultValue: 'signed-off',
      options: [
        { label: 'Signed off and published', value: 'signed-off' },
        { label: 'Returned for changes', value: 'returned' },
      ],
      required: true,
    },
    { name: 'reviewer', type: 'relationship', relationTo: 'users' },
    {
      name: 'signedOffAt',
      type: 'date',
      admin: { description: 'When the reviewer made the decision.' },
      label: 'Decided at',
      required: true,
    },
    {
      name: 'requestNote',
      type: 'textarea',
      admin: { description: 'What the editor wrote when asking for sign-off.' },
      label: 'Request note',
    },
    { name: 'reason', type: 'textarea', admin: { description: 'Why the reviewer returned the draft.' }, label: 'Reason for return' },
    {
      name: 'reviewedVersion',
      type: 'text',
      admin: { description: 'The draft version the reviewer read (empty when published from the edit view).' },
      label: 'Draft version reviewed',
    },
    {
      name: 'comparedWith',
      type: 'text',
      admin: { description: 'The published version the draft was compared with (empty when nothing was published yet).' },
      label: 'Compared with version',
    },
    { name: 'version', type: 'text', admin: { description: 'The page version that was published.' }, label: 'Version published' },
    { name: 'note', type: 'text', admin: { description: 'How the sign-off came about when not in the hub (imports).' } },
  ],
  labels: { plural: 'Sign-offs', singular: 'Sign-off' },
}
