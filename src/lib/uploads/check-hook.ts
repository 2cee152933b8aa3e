import type { CollectionBeforeOperationHook } from 'payload'

import { ValidationError } from 'payload'

import { checkText } from '../input/text'
import { checkUpload } from './check'

/**
 * Rejects an upload whose name holds control or direction characters, whose content (magic bytes, not name
 * or declared type) is not one of `accepted`, or that is larger than `maxBytes`, with a 400 naming the `file`
 * field. Runs before Payload stores anything.
 */
export const checkUploadedFile =
  ({ accepted, maxBytes }: { accepted: readonly string[]; maxBytes: number }): CollectionBeforeOperationHook =>
  ({ args, collection, operation, req }) => {
    if (operation !== 'create' && operation !== 'update') return args
    const file = req.file
    if (!file) return args
    // A NUL cannot be stored, and a direction override (U+202E) makes "invoice<U+202E>fdp.exe" read as "invoiceexe.pdf".
    const name = checkText({ label: 'The file name', value: file.name })
    if (name !== true) throw new ValidationError({ collection: collection.slug, errors: [{ message: name, path: 'file' }], req })
    const result = checkUpload({ accepted, data: file.data, declaredMimeType: file.mimetype, maxBytes })
    if (!result.ok) {
      throw new ValidationError({ collection: collection.slug, errors: [{ message: result.reason, path: 'file' }], req })
    }
    return args
  }
