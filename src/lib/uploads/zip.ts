/**
 * ZIP containers (OOXML and OpenDocument). The central directory is what real readers use, so it is what
 * decides; a ZIP without a readable one is corrupt and will not open in Office either. Only directories
 * and stored entries are read: nothing is inflated.
 */
import type { TypeInfo } from './file-types'

import { TYPES } from './file-types'

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

/** A ZIP archive (by its first local header), told apart as OpenDocument, OOXML or a plain ZIP. */
export const sniffZip = ({ data }: { data: Buffer }): null | TypeInfo => {
  if (data.length < 4 || data.readUInt32LE(0) !== ZIP_LOCAL) return null
  const entries = readZipEntries({ data })
  if (!entries) return TYPES.zip
  return sniffOpenDocument({ data, entries }) ?? sniffOoxml({ entries }) ?? TYPES.zip
}
