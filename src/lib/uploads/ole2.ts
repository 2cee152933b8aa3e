/**
 * Legacy Office: an OLE2 compound file, a small FAT file system. The application is named by a stream at
 * the top level; the directory is walked properly because embedded objects (an Excel chart inside a
 * PowerPoint deck) carry their own Workbook/WordDocument streams deeper down.
 */
import type { TypeInfo } from './file-types'

import { TYPES } from './file-types'

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
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

/** A legacy .doc, .xls or .ppt, told apart by the stream at the top of its compound file. */
export const sniffOle = ({ data }: { data: Buffer }): null | TypeInfo => {
  if (data.length < 512 || !data.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE)) return null
  const names = oleRootStreams({ data })
  // Other compound files (Outlook .msg, password-protected OOXML, ...) stay unknown.
  for (const name of names) {
    const found = OLE_STREAMS.get(name)
    if (found) return found
  }
  return null
}
