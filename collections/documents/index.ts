import type { CollectionConfig } from 'payload'

import path from 'node:path'

import { adminOnly, contentStaffField, contentStaffOnly, editorsOnly, publishedForAudience } from '../../src/lib/access'
import { mediaDir } from '../../src/lib/env'
import { audienceField } from '../../src/lib/fields/audience'
import { checkUploadedFile } from '../../src/lib/uploads/check-hook'
import { DOCUMENT_TYPES } from '../../src/lib/uploads/file-types'
import { extractDocumentText } from './hooks/extract-text'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { CONTENT_STAFF } from '../../src/lib/access/roles'

export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024

const ukYear = (value: string): number =>
  Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric' }).format(new Date(value)))

/**
 * The library: PDF and Office documents, and references to documents the hub does not hold a copy of
 * (title, publisher, year), to which staff can attach the file later. Files are served through Payload's
 * access rules, so a professional-only document cannot be fetched by the public even with its address.
 */
export const Documents: CollectionConfig = {
  slug: 'documents',
  // Opt-ins: the search index follows its changes, and a change empties the page cache (see src/plugins).
  custom: { pageCache: true, searchIndex: true },
  access: { create: editorsOnly, delete: adminOnly, read: publishedForAudience, readVersions: contentStaffOnly, update: editorsOnly },
  admin: {
    hidden: hiddenUnless({ roles: CONTENT_STAFF }),
    defaultColumns: ['title', 'publisher', 'publicationYear', 'audience', 'filename'],
    group: 'Library',
    useAsTitle: 'title',
  },
  defaultSort: '-publicationDate',
  fields: [
    { name: 'title', type: 'text', maxLength: 200, required: true },
    { name: 'summary', type: 'textarea', maxLength: 600 },
    { name: 'publisher', type: 'text', admin: { description: 'Who published it, when known.' }, maxLength: 200 },
    {
      type: 'row',
      fields: [
        {
          name: 'publicationDate',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayOnly' }, description: 'When known. Leave empty if only the year is known.' },
          index: true,
        },
        {
          name: 'publicationYear',
          type: 'number',
          admin: { description: 'Filled in from the date when there is one.', step: 1 },
          // The year always agrees with the date; on its own it records documents known only by their year.
          hooks: {
            beforeValidate: [({ siblingData, value }) => (siblingData?.publicationDate ? ukYear(siblingData.publicationDate) : value)],
          },
          index: true,
          max: 2100,
          min: 1900,
          validate: (value: unknown) =>
            value === null ||
            value === undefined ||
            (Number.isInteger(value) && (value as number) >= 1900 && (value as number) <= 2100) ||
            'The publication year must be a whole year between 1900 and 2100, such as 2017.',
        },
      ],
    },
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
  // The file is optional: an entry can stand for a document the hub does not hold yet.
  upload: { filesRequiredOnCreate: false, mimeTypes: [...DOCUMENT_TYPES], staticDir: path.join(mediaDir(), 'documents') },
  versions: { drafts: true, maxPerDoc: 20 },
}
