import type { CollectionConfig } from 'payload'

import path from 'node:path'

import { adminOnly, contentStaffField, contentStaffOnly, editorsOnly, publishedForAudience } from '../../src/lib/access'
import { mediaDir } from '../../src/lib/env'
import { audienceField } from '../../src/lib/fields/audience'
import { checkUploadedFile } from '../../src/lib/uploads/check-hook'
import { DOCUMENT_TYPES } from '../../src/lib/uploads/sniff'
import { extractDocumentText } from './hooks/extract-text'

export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024

/**
 * PDF and Office documents. Files are served through Payload's access rules, so a professional-only
 * document cannot be fetched by the public even with its address.
 */
export const Documents: CollectionConfig = {
  slug: 'documents',
  access: { create: editorsOnly, delete: adminOnly, read: publishedForAudience, readVersions: contentStaffOnly, update: editorsOnly },
  admin: { defaultColumns: ['title', 'publicationDate', 'audience', 'filename'], group: 'Library', useAsTitle: 'title' },
  defaultSort: '-publicationDate',
  fields: [
    { name: 'title', type: 'text', maxLength: 200, required: true },
    { name: 'summary', type: 'textarea', maxLength: 600 },
    { name: 'publicationDate', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } }, index: true, required: true },
    audienceField(),
    {
      name: 'extractedText',
      type: 'textarea',
      // Staff only: it is the whole file's text, large, and the search index already serves it by audience.
      access: { read: contentStaffField },
      admin: {
        description: 'The text search reads from the uploaded PDF. Filled in when a file is uploaded.',
        readOnly: true,
      },
      label: 'Text found in the file',
    },
  ],
  hooks: {
    beforeChange: [extractDocumentText],
    beforeOperation: [checkUploadedFile({ accepted: DOCUMENT_TYPES, maxBytes: DOCUMENT_MAX_BYTES })],
  },
  upload: { mimeTypes: [...DOCUMENT_TYPES], staticDir: path.join(mediaDir(), 'documents') },
  versions: { drafts: true, maxPerDoc: 20 },
}
