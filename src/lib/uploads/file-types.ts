/**
 * The file types the hub can recognise, with how each reads to people: a short label for download links,
 * a description for messages and the kind it belongs to in a list of what is accepted. No parsing here, so
 * the label formatter (used by site pages) and the upload checks share one table without pulling each
 * other in.
 */

export type SniffedType = { extension: string; label: string; mimeType: string }

export type TypeInfo = SniffedType & {
  /** How the type reads on its own in a message: "The file's content is a PNG image". */
  description: string
  /** How the type reads in a list of what is accepted: "a PDF, Word or Excel file". */
  kind: string
}

export const TYPES = {
  avif: { description: 'an AVIF image', extension: 'avif', kind: 'AVIF', label: 'AVIF', mimeType: 'image/avif' },
  doc: { description: 'a Word document', extension: 'doc', kind: 'Word', label: 'DOC', mimeType: 'application/msword' },
  docm: {
    description: 'a Word document with macros',
    extension: 'docm',
    kind: 'Word',
    label: 'DOCM',
    mimeType: 'application/vnd.ms-word.document.macroEnabled.12',
  },
  docx: {
    description: 'a Word document',
    extension: 'docx',
    kind: 'Word',
    label: 'DOCX',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  gif: { description: 'a GIF image', extension: 'gif', kind: 'GIF', label: 'GIF', mimeType: 'image/gif' },
  jpeg: { description: 'a JPEG image', extension: 'jpg', kind: 'JPEG', label: 'JPEG', mimeType: 'image/jpeg' },
  odp: {
    description: 'an OpenDocument presentation',
    extension: 'odp',
    kind: 'OpenDocument',
    label: 'ODP',
    mimeType: 'application/vnd.oasis.opendocument.presentation',
  },
  ods: {
    description: 'an OpenDocument spreadsheet',
    extension: 'ods',
    kind: 'OpenDocument',
    label: 'ODS',
    mimeType: 'application/vnd.oasis.opendocument.spreadsheet',
  },
  odt: {
    description: 'an OpenDocument text document',
    extension: 'odt',
    kind: 'OpenDocument',
    label: 'ODT',
    mimeType: 'application/vnd.oasis.opendocument.text',
  },
  pdf: { description: 'a PDF', extension: 'pdf', kind: 'PDF', label: 'PDF', mimeType: 'application/pdf' },
  png: { description: 'a PNG image', extension: 'png', kind: 'PNG', label: 'PNG', mimeType: 'image/png' },
  ppt: {
    description: 'a PowerPoint presentation',
    extension: 'ppt',
    kind: 'PowerPoint',
    label: 'PPT',
    mimeType: 'application/vnd.ms-powerpoint',
  },
  pptm: {
    description: 'a PowerPoint presentation with macros',
    extension: 'pptm',
    kind: 'PowerPoint',
    label: 'PPTM',
    mimeType: 'application/vnd.ms-powerpoint.presentation.macroEnabled.12',
  },
  pptx: {
    description: 'a PowerPoint presentation',
    extension: 'pptx',
    kind: 'PowerPoint',
    label: 'PPTX',
    mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  },
  webp: { description: 'a WebP image', extension: 'webp', kind: 'WebP', label: 'WebP', mimeType: 'image/webp' },
  xls: {
    description: 'an Excel spreadsheet',
    extension: 'xls',
    kind: 'Excel',
    label: 'XLS',
    mimeType: 'application/vnd.ms-excel',
  },
  xlsm: {
    description: 'an Excel spreadsheet with macros',
    extension: 'xlsm',
    kind: 'Excel',
    label: 'XLSM',
    mimeType: 'application/vnd.ms-excel.sheet.macroEnabled.12',
  },
  xlsx: {
    description: 'an Excel spreadsheet',
    extension: 'xlsx',
    kind: 'Excel',
    label: 'XLSX',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  zip: { description: 'a ZIP archive', extension: 'zip', kind: 'ZIP', label: 'ZIP', mimeType: 'application/zip' },
} as const satisfies Record<string, TypeInfo>

const BY_MIME = new Map<string, TypeInfo>(Object.values(TYPES).map((info) => [info.mimeType, info]))

/** The known type with this mime type, if any. */
export const typeForMime = ({ mimeType }: { mimeType: string }): TypeInfo | undefined => BY_MIME.get(mimeType)

export const DOCUMENT_TYPES = [
  TYPES.pdf.mimeType,
  TYPES.docx.mimeType,
  TYPES.xlsx.mimeType,
  TYPES.pptx.mimeType,
  TYPES.odt.mimeType,
  TYPES.ods.mimeType,
  TYPES.odp.mimeType,
  TYPES.doc.mimeType,
  TYPES.xls.mimeType,
  TYPES.ppt.mimeType,
] as const

export const IMAGE_TYPES = [TYPES.jpeg.mimeType, TYPES.png.mimeType, TYPES.gif.mimeType, TYPES.webp.mimeType, TYPES.avif.mimeType] as const

export type DocumentMimeType = (typeof DOCUMENT_TYPES)[number]
export type ImageMimeType = (typeof IMAGE_TYPES)[number]
