import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { APIError, ValidationError } from 'payload'

import type { Newsletter } from '../../../src/payload-types'

/** What went out stays as it went out: the web version must match the email people received. */
export const freezeSentIssues: CollectionBeforeChangeHook<Newsletter> = ({ context, data, operation, originalDoc, req }) => {
  if (operation !== 'update' || context.newsletterSystem === true) return data
  if (originalDoc?.status === 'sending' || originalDoc?.status === 'sent') {
    throw new ValidationError({
      collection: 'newsletters',
      errors: [{ message: 'This issue has been sent and can no longer be changed.', path: 'subject' }],
      req,
    })
  }
  return data
}

/** An issue that has been scheduled or sent has deliveries and a record to keep. */
export const onlyDraftsAreDeleted: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const issue = await req.payload.findByID({ collection: 'newsletters', depth: 0, disableErrors: true, id, overrideAccess: true, req })
  if (issue && issue.status !== 'draft') throw new APIError('Only a draft issue can be deleted.', 400, undefined, true)
}
