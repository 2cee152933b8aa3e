/**
 * Identifies uploaded files by their content, never by their name or the browser's declared type: both
 * are chosen by the uploader, so a renamed file must not get past the check or be labelled wrongly.
 * Dependency-free and synchronous; it only reads headers and ZIP / OLE2 directories, never inflates.
 */

export type SniffedType = { extension: string; label: string; mimeType: string }

type TypeInfo = SniffedType & {
  /** How the type reads on its own in a message: "The file's content is a PNG image". */
  description: string
  /** How the type reads in a list of what is accepted: "a PDF, Word or Excel file". */
  kind: string
}

const TYPES = {
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

const sniffed = ({ extension, label, mimeType }: TypeInfo): SniffedType => ({ extension, label, mimeType })

const startsWith = ({ data, offset = 0, prefix }: { data: Buffer; offset?: number; prefix: number[] | string }) => {
  const bytes = typeof prefix === 'string' ? Buffer.from(prefix, 'latin1') : Buffer.from(prefix)
  return data.length >= offset + bytes.length && data.subarray(offset, offset + bytes.length).equals(bytes)
}

// ---------------------------------------------------------------------------------------------------------
// Images and PDF: a fixed signature at a fixed offset is enough.

const sniffSimple = ({ data }: { data: Buffer }): null | TypeInfo => {
  // Readers tolerate junk before %PDF-, but a real upload has none, and being strict keeps polyglots out.
  if (startsWith({ data, prefix: '%PDF-' })) return TYPES.pdf
  if (startsWith({ data, prefix: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] })) return TYPES.png
  if (startsWith({ data, prefix: [0xff, 0xd8, 0xff] })) return TYPES.jpeg
  if (startsWith({ data, prefix: 'GIF87a' }) || startsWith({ data, prefix: 'GIF89a' })) return TYPES.gif
  if (startsWith({ data, prefix: 'RIFF' }) && startsWith({ data, offset: 8, prefix: 'WEBP' })) return TYPES.webp
  return null
}

/** AVIF is an ISO-BMFF file: its leading `ftyp` box names avif/avis as the major or a compatible brand. */
const sniffAvif = ({ data }: { data: Buffer }): null | TypeInfo => {
  if (data.length < 16 || !startsWith({ data, offset: 4, prefix: 'ftyp' })) return null
  const boxEnd = Math.min(data.readUInt32BE(0), data.length)
  // Brands are four bytes each: the major brand at 8, then (after a minor version) compatible ones from 16.
  const brands = [data.toString('latin1', 8, 12)]
  for (let at = 16; at + 4 <= boxEnd; at += 4) brands.push(data.toString('latin1', at, at + 4))
  return brands.some((brand) => brand === 'avif' || brand === 'avis') ? TYPES.avif : null
}

// ---------------------------------------------------------------------------------------------------------
// ZIP containers (OOXML and OpenDocument). The central directory is what real readers use, so it is what
// decides; a ZIP without a readable one is corrupt and will not open in Office either.

type ZipEntry = { compressedSize: number; localOffset: number; method: number; name: string }

const ZIP_LOCAL = 0x04034b50
const ZIP_CENTRAL = 0x02014b50
const ZIP_END = 0x06054b50

/** Finds the End Of Central Directory record: 22 bytes, followed only by a comment of up to 64 KB. */
const findZipEnd = ({ data }: { data: Buffer }): number => {
  const lowest = Math.max(0, data.length - 22 - 0xffff)
  for (let at = data.length - 22; at >= lowest; at--) {
    if (data.readUInt32LE(at) === ZIP_END && at + 22 + data.readUInt16LE(at + 20) <= data.length) return at
  }
  return -1
}

const readZipEntries = ({ data }: { data: Buffer }): null | ZipEntry[] => {
  const end = findZipEnd({ data })
  if (end < 0) return null
  const count = data.readUInt16LE(end + 10)
  const size = data.readUInt32LE(end + 12)
  const start = data.readUInt32LE(end + 16)
  // Also rejects ZIP64 archives (offset 0xFFFFFFFF): no office upload is anywhere near 4 GB.
  if (start + size > end) return null
  const entries: ZipEntry[] = []
  let at = start
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || data.readUInt32LE(at) !== ZIP_CENTRAL) return null
    const nameLength = data.readUInt16LE(at + 28)
    const next = at + 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32)
    if (next > end) return null
    entries.push({
      compressedSize: data.readUInt32LE(at + 20),
      localOffset: data.readUInt32LE(at + 42),
      method: data.readUInt16LE(at + 10),
      name: data.toString('utf8', at + 46, at + 46 + nameLength),
    })
    at = next
  }
  return entries
}

/** The bytes of an uncompressed (STORE) entry, found through its local header. */
const readStoredEntry = ({ data, entry }: { data: Buffer; entry: ZipEntry }): Buffer | null => {
  const at = entry.localOffset
  if (entry.method !== 0 || at + 30 > data.length || data.readUInt32LE(at) !== ZIP_LOCAL) return null
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28)
  const end = start + entry.compressedSize
  return end <= data.length ? data.subarray(start, end) : null
}

const OPENDOCUMENT = new Map<string, TypeInfo>([
  [TYPES.odp.mimeType, TYPES.odp],
  [TYPES.ods.mimeType, TYPES.ods],
  [TYPES.odt.mimeType, TYPES.odt],
])

/** OpenDocument requires the first entry to be an uncompressed `mimetype` holding the document's type. */
const sniffOpenDocument = ({ data, entries }: { data: Buffer; entries: ZipEntry[] }): null | TypeInfo => {
  const first = entries[0]
  if (first?.name !== 'mimetype') return null
  const content = readStoredEntry({ data, entry: first })
  return content ? (OPENDOCUMENT.get(content.toString('latin1').trim()) ?? null) : null
}

const OOXML = [
  { folder: 'word/', macros: TYPES.docm, plain: TYPES.docx },
  { folder: 'xl/', macros: TYPES.xlsm, plain: TYPES.xlsx },
  { folder: 'ppt/', macros: TYPES.pptm, plain: TYPES.pptx },
]

/**
 * OOXML packages always carry `[Content_Types].xml`; the main part's folder says which application.
 * A `vbaProject.bin` part means macros: such a file is a .docm/.xlsm/.pptm however it is named.
 */
const sniffOoxml = ({ entries }: { entries: ZipEntry[] }): null | TypeInfo => {
  const names = new Set(entries.map((entry) => entry.name))
  if (!names.has('[Content_Types].xml')) return null
  const app = OOXML.find(({ folder }) => entries.some((entry) => entry.name.startsWith(folder)))
  if (!app) return null
  return names.has(`${app.folder}vbaProject.bin`) ? app.macros : app.plain
}

const sniffZip = ({ data }: { data: Buffer }): null | TypeInfo => {
  if (!startsWith({ data, prefix: [0x50, 0x4b, 0x03, 0x04] })) return null
  const entries = readZipEntries({ data })
  if (!entries) return TYPES.zip
  return sniffOpenDocument({ data, entries }) ?? sniffOoxml({ entries }) ?? TYPES.zip
}

// ---------------------------------------------------------------------------------------------------------
// Legacy Office: an OLE2 compound file, a small FAT file system. The application is named by a stream at
// the top level; the directory is walked properly because embedded objects (an Excel chart inside a
// PowerPoint deck) carry their own Workbook/WordDocument streams deeper down.

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const OLE_END_OF_CHAIN = 0xfffffffe
const OLE_NO_STREAM = 0xffffffff
const OLE_STREAM = 2
const OLE_ROOT = 5

const OLE_STREAMS = new Map<string, TypeInfo>([
  ['Book', TYPES.xls], // Excel 5/95
  ['PowerPoint Document', TYPES.ppt],
  ['Workbook', TYPES.xls],
  ['WordDocument', TYPES.doc],
])

/** Sector ids of the FAT itself: the first 109 are in the header, the rest in a chain of DIFAT sectors. */
const oleFatSectors = ({ data, sectorSize }: { data: Buffer; sectorSize: number }): number[] => {
  const total = data.readUInt32LE(44)
  const ids: number[] = []
  for (let i = 0; i < 109 && ids.length < total; i++) ids.push(data.readUInt32LE(76 + i * 4))
  let difat = data.readUInt32LE(68)
  const perSector = sectorSize / 4 - 1 // the last slot links to the next DIFAT sector
  for (let hops = 0; ids.length < total && difat !== OLE_END_OF_CHAIN && hops < 10_000; hops++) {
    const at = (difat + 1) * sectorSize
    if (at + sectorSize > data.length) break
    for (let i = 0; i < perSector && ids.length < total; i++) ids.push(data.readUInt32LE(at + i * 4))
    difat = data.readUInt32LE(at + perSector * 4)
  }
  return ids
}

/** Byte offsets of the directory's sectors, in order, following the FAT chain from the header. */
const oleDirectorySectors = ({ data, sectorSize }: { data: Buffer; sectorSize: number }): number[] => {
  const fat = oleFatSectors({ data, sectorSize })
  const perFatSector = sectorSize / 4
  const offsets: number[] = []
  const seen = new Set<number>()
  for (let sector = data.readUInt32LE(48); sector !== OLE_END_OF_CHAIN;) {
    const at = (sector + 1) * sectorSize
    // A loop, or a sector beyond the end (a truncated upload), means a corrupt file.
    if (seen.has(sector) || at + sectorSize > data.length) return []
    seen.add(sector)
    offsets.push(at)
    const fatSector = fat[Math.floor(sector / perFatSector)]
    const fatAt = fatSector === undefined ? -1 : (fatSector + 1) * sectorSize + (sector % perFatSector) * 4
    if (fatAt < 0 || fatAt + 4 > data.length) return []
    sector = data.readUInt32LE(fatAt)
  }
  return offsets
}

/** Names of the streams directly under the root storage. */
const oleRootStreams = ({ data }: { data: Buffer }): string[] => {
  const shift = data.readUInt16LE(30)
  if (shift !== 9 && shift !== 12) return [] // 512- or 4096-byte sectors are the only valid sizes
  const sectorSize = 2 ** shift
  const sectors = oleDirectorySectors({ data, sectorSize })
  const perSector = sectorSize / 128
  const entryAt = (id: number) => {
    const sector = sectors[Math.floor(id / perSector)]
    return sector === undefined ? -1 : sector + (id % perSector) * 128
  }
  const root = entryAt(0)
  if (root < 0 || data[root + 66] !== OLE_ROOT) return []
  const names: string[] = []
  // Siblings form a red-black tree hanging off the root's child; visit it without following any child links.
  const pending = [data.readUInt32LE(root + 76)]
  const seen = new Set<number>()
  while (pending.length) {
    const id = pending.pop() as number
    const at = id === OLE_NO_STREAM || seen.has(id) ? -1 : entryAt(id)
    if (at < 0) continue
    seen.add(id)
    const nameBytes = Math.min(data.readUInt16LE(at + 64), 64)
    if (data[at + 66] === OLE_STREAM && nameBytes >= 2) names.push(data.toString('utf16le', at, at + nameBytes - 2))
    pending.push(data.readUInt32LE(at + 68), data.readUInt32LE(at + 72))
  }
  return names
}

const sniffOle = ({ data }: { data: Buffer }): null | TypeInfo => {
  if (data.length < 512 || !startsWith({ data, prefix: OLE_SIGNATURE })) return null
  const names = oleRootStreams({ data })
  // Other compound files (Outlook .msg, password-protected OOXML, ...) stay unknown.
  for (const name of names) {
    const found = OLE_STREAMS.get(name)
    if (found) return found
  }
  return null
}

// ---------------------------------------------------------------------------------------------------------

/** What the file is, judged only by its bytes; null for anything not recognised, including SVG and text. */
export const sniffFileType = ({ data }: { data: Buffer }): null | SniffedType => {
  const found = sniffSimple({ data }) ?? sniffAvif({ data }) ?? sniffZip({ data }) ?? sniffOle({ data })
  return found ? sniffed(found) : null
}

/** A file size the way GOV.UK writes it: bytes under 1 KB, whole KB, then MB and GB to one decimal place. */
export const formatBytes = ({ bytes }: { bytes: number }): string => {
  const n = Number.isFinite(bytes) && bytes > 0 ? Math.floor(bytes) : 0
  if (n === 1) return '1 byte'
  if (n < 1024) return `${n} bytes`
  const kb = Math.round(n / 1024)
  if (kb < 1024) return `${kb} KB`
  // "10 MB", not "10.0 MB".
  const oneDecimal = (value: number) => value.toFixed(1).replace(/\.0$/, '')
  const mb = n / 1024 ** 2
  if (Number(mb.toFixed(1)) < 1024) return `${oneDecimal(mb)} MB`
  return `${oneDecimal(n / 1024 ** 3)} GB`
}

/** The label shown next to a download link, e.g. "PDF, 1.8 MB". */
export const formatFileLabel = ({ bytes, mimeType }: { bytes: number; mimeType: string }): string =>
  `${BY_MIME.get(mimeType)?.label ?? 'File'}, ${formatBytes({ bytes })}`

/** "a PDF, Word or Excel file": the accepted types as people know them, not as mime types. */
const describeAccepted = ({ accepted }: { accepted: readonly string[] }): string => {
  const kinds = [...new Set(accepted.map((mimeType) => BY_MIME.get(mimeType)?.kind ?? mimeType))]
  if (!kinds.length) return 'an accepted file'
  const list = kinds.length === 1 ? kinds[0] : `${kinds.slice(0, -1).join(', ')} or ${kinds.at(-1)}`
  return `${/^[aeiou]/i.test(list) ? 'an' : 'a'} ${list} file`
}

/** The declared type comes from the client: keep it printable and short before echoing it back. */
const declaredSuffix = ({ declaredMimeType }: { declaredMimeType?: null | string }): string => {
  const clean = (declaredMimeType ?? '')
    .replace(/[^\x20-\x7e]/g, '')
    .trim()
    .slice(0, 100)
  return clean ? ` (it was uploaded as ${clean})` : ''
}

export type UploadCheck = { ok: false; reason: string } | { ok: true; type: SniffedType }

/**
 * Whether an upload may be stored. The declared mime type and file name are never trusted: the decision is
 * made on size and content alone, and the declared type only helps explain a rejection.
 */
export const checkUpload = ({
  accepted,
  data,
  declaredMimeType,
  maxBytes,
}: {
  accepted: readonly string[]
  data: Buffer
  declaredMimeType?: null | string
  maxBytes: number
}): UploadCheck => {
  if (data.length === 0) return { ok: false, reason: 'The file is empty.' }
  if (data.length > maxBytes) {
    const size = formatBytes({ bytes: data.length })
    const limit = formatBytes({ bytes: maxBytes })
    // Just over the limit both round to the same figure; "10 MB; the limit is 10 MB" would read as a bug.
    const reason = size === limit ? `The file is larger than the ${limit} limit.` : `The file is ${size}; the limit is ${limit}.`
    return { ok: false, reason }
  }
  const found = sniffFileType({ data })
  const wanted = describeAccepted({ accepted })
  const suffix = declaredSuffix({ declaredMimeType })
  if (!found) return { ok: false, reason: `The file's content is not ${wanted}${suffix}.` }
  if (!accepted.includes(found.mimeType)) {
    const what = BY_MIME.get(found.mimeType)?.description ?? found.label
    return { ok: false, reason: `The file's content is ${what}, not ${wanted}${suffix}.` }
  }
  return { ok: true, type: found }
}
