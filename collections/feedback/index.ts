import type { CollectionBeforeValidateHook, CollectionConfig } from 'payload'

import { ValidationError } from 'payload'

import { adminOnly, CONTENT_STAFF, allowRoles } from '../../src/lib/access'
import { SITE_FEEDBACK_PAGES } from '../../src/lib/feedback/site-pages'
import { validateOptionalText } from '../../src/lib/input/text'
import { hiddenUnless } from '../../src/lib/admin/navigation'

/** Each answer is about one page: a guidance page, a published answer or one of the site's own pages, exactly one. */
const onePage: CollectionBeforeValidateHook = ({ data, originalDoc, req }) => {
  const merged = { ...originalDoc, ...data }
  if ([merged.page, merged.answer, merged.sitePage].filter(Boolean).length !== 1) {
    throw new ValidationError({
      collection: 'feedback',
      errors: [{ message: 'Give one of the guidance page, the published answer or the site page the feedback is about.', path: 'page' }],
      req,
    })
  }
  return data
}

/**
 * "Was this page useful?" answers. Created only through the site's form handler (trusted Local API with
 * validation), read by content staff, who see per-page totals in the admin.
 */
export const Feedback: CollectionConfig = {
  slug: 'feedback',
  access: { create: adminOnly, delete: adminOnly, read: allowRoles({ roles: CONTENT_STAFF }), update: adminOnly },
  admin: {
    hidden: hiddenUnless({ roles: CONTENT_STAFF }),
    defaultColumns: ['page', 'answer', 'sitePage', 'useful', 'comment', 'createdAt'],
    group: 'Guidance',
  },
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'page',
      type: 'relationship',
      admin: { description: 'The guidance page (empty for a site page).' },
      index: true,
      relationTo: 'pages',
    },
    {
      name: 'answer',
      type: 'relationship',
      admin: { description: 'The published question and answer (empty for any other page).' },
      index: true,
      label: 'Question and answer',
      relationTo: 'questions-and-answers',
    },
    {
      name: 'sitePage',
      type: 'select',
      admin: { description: 'A page of the site that is not a guidance page, such as the ten top tips.' },
      index: true,
      options: SITE_FEEDBACK_PAGES.map(({ label, value }) => ({ label, value })),
    },
    {
      admin: { description: 'The reader’s answer to "Was this page useful?".' },
      name: 'useful',
      type: 'checkbox',
      index: true,
      required: true,
    },
    {
      name: 'comment',
      type: 'textarea',
      maxLength: 1000,
      validate: validateOptionalText({ label: 'comment', max: 1000, multiline: true }),
    },
  ],
  hooks: { beforeValidate: [onePage] },
  labels: { plural: 'Feedback', singular: 'Feedback' },
}
