import type { CollectionConfig } from 'payload'

import path from 'node:path'

import { adminOnly, anyone, editorsOnly } from '../../src/lib/access'
import { mediaDir } from '../../src/lib/env'
import { checkUploadedFile } from '../../src/lib/uploads/check-hook'
import { IMAGE_TYPES } from '../../src/lib/uploads/file-types'
import { hiddenUnless } from '../../src/lib/admin/navigation'
import { CONTENT_STAFF } from '../../src/lib/access/roles'

export const IMAGE_MAX_BYTES = 10 * 1024 * 1024

/**
 * Images. Every upload is re-encoded by sharp (the resize step below), which drops EXIF and other
 * metadata such as camera location; responsive sizes are WebP.
 */
export const Media: CollectionConfig = {
  slug: 'media',
  // Opt-in: a change empties the page cache (see src/plugins/page-cache).
  custom: { pageCache: true },
  access: { create: editorsOnly, delete: adminOnly, read: anyone, update: editorsOnly },
  admin: { hidden: hiddenUnless({ roles: CONTENT_STAFF }), defaultColumns: ['filename', 'alt'], group: 'Library', useAsTitle: 'alt' },
  fields: [
    {
      name: 'alt',
      type: 'text',
      admin: { description: 'Describe the image for people who cannot see it. Required.' },
      maxLength: 300,
      required: true,
    },
    { admin: { description: "Shown under the image where it is used." }, name: 'caption', type: 'text', maxLength: 300 },
  ],
  hooks: { beforeOperation: [checkUploadedFile({ accepted: IMAGE_TYPES, maxBytes: IMAGE_MAX_BYTES })] },
  upload: {
    imageSizes: [
      { name: 'thumbnail', formatOptions: { format: 'webp', options: { quality: 80 } }, width: 320, withoutEnlargement: true },
      { name: 'card', formatOptions: { format: 'webp', options: { quality: 80 } }, width: 720, withoutEnlargement: true },
      { name: 'wide', formatOptions: { format: 'webp', options: { quality: 80 } }, width: 1440, withoutEnlargement: true },
    ],
    mimeTypes: [...IMAGE_TYPES],
    resizeOptions: { fit: 'inside', height: 3000, width: 3000, withoutEnlargement: true },
    staticDir: path.join(mediaDir(), 'images'),
  },
}
