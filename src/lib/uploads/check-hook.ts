import type { CollectionBeforeOperationHook } from 'payload'

import { ValidationError } from 'payload'

import { checkUpload } from './sniff'

/**
 * Rejects an upload whose content (magic bytes, not name or declared type) is not one of `accepted`, or
 * that is larger than `maxBytes`, with a 400 naming the `file` field. Runs before Payload stores anything.
 */
export const checkUploadedFile =
  ({ accepted, maxBytes }: { accepted: readonly string[]; maxBytes: number }): CollectionBeforeOperationHook =>
  ({ args, collection, operation, req }) => {
    if (operation !== 'create' && operation !== 'update') return args
    const file = req.file
    if (!file) return args
    const result = checkUpload({ accepted, data: file.data, declaredMimeType: file.mimetype, maxBytes })
    if (!result.ok) {
      throw new ValidationError({ collection: collection.slug, errors: [{ message: result.reason, path: 'file' }], req })
    }
    return args
  }
