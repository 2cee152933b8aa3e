import type { CollectionBeforeChangeHook } from 'payload'

import { extractPdfText } from '../../../src/lib/search/pdf-text'

/**
 * Reads the text out of an uploaded PDF once, when the file arrives, and keeps it on the document for search,
 * so no process has to parse every PDF again when it builds its index. The text always comes from the file:
 * a value sent by a client is ignored. An unreadable PDF stores '' (the document stays findable by its title).
 */
export const extractDocumentText: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const file = req.file
  if (!file) return { ...data, extractedText: originalDoc?.extractedText ?? null }
  if (file.mimetype !== 'application/pdf') return { ...data, extractedText: '' }
  const result = await extractPdfText({ data: file.data })
  if (!result.ok) req.payload.logger.warn({ reason: result.reason }, 'Uploaded PDF text could not be read; it is searchable by title only')
  return { ...data, extractedText: result.ok ? result.text : '' }
}
