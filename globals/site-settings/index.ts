import type { GlobalConfig } from 'payload'

import { DESK, adminOnly, anyone, fieldAllowRoles } from '../../src/lib/access'
import { DEFAULT_RESPONSE_TARGET_DAYS } from '../../src/lib/sla/target'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { ADMINS } from '../../src/lib/access/roles'

export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  // Opt-in: a change empties the page cache (see src/plugins/page-cache).
  custom: { pageCache: true },
  access: { read: anyone, update: adminOnly },
  admin: { hidden: hiddenUnless({ roles: ADMINS }), group: 'Administration' },
  fields: [
    { name: 'siteName', type: 'text', defaultValue: 'Diabetes Network Hub', maxLength: 120, required: true },
    {
      name: 'disclaimer',
      type: 'textarea',
      admin: { description: 'Shown on every page footer and before the "Ask a question" form.' },
      defaultValue:
        'The network team does not and cannot offer clinical advice. If you need medical help, contact your GP, call NHS 111, or in an emergency call 999.',
      maxLength: 1000,
      required: true,
    },
    {
      name: 'questionResponseTargetDays',
      type: 'number',
      admin: { description: 'Service-level target for answering "Ask a question" submissions, in working days.' },
      defaultValue: DEFAULT_RESPONSE_TARGET_DAYS,
      label: 'Question response target (working days)',
      max: 30,
      min: 1,
      required: true,
    },
    {
      name: 'questionRetentionMonths',
      type: 'number',
      admin: { description: 'Personal details in questions are erased this many months after the question is closed.' },
      defaultValue: 12,
      label: "Keep askers' details for (months after closing)",
      max: 120,
      min: 1,
      required: true,
    },
    {
      name: 'deskEmail',
      type: 'email',
      // A person's address: for the desk and administrators, not for everyone who reads the site's settings.
      access: { read: fieldAllowRoles({ roles: DESK }) },
      admin: { description: 'Where reminders and overdue alerts go for questions nobody is assigned to.' },
      label: 'Question desk lead email',
    },
    {
      name: 'deskReplyTo',
      type: 'email',
      access: { read: fieldAllowRoles({ roles: DESK }) },
      admin: {
        description:
          "The desk's shared mailbox. Emails to askers (confirmation and answer) carry it as the reply address, so a reply reaches the desk rather than the no-reply sender. Empty: the desk lead email.",
      },
      label: 'Reply address for askers',
    },
    {
      name: 'closureDays',
      type: 'array',
      admin: { description: 'Extra days the desk is closed (bank holidays of England and Wales are already known).' },
      fields: [
        { name: 'day', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } }, required: true },
        { name: 'reason', type: 'text', maxLength: 120 },
      ],
      label: 'Closure days',
    },
  ],
}
