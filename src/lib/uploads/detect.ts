/**
 * Identifies uploaded files by their content, never by their name or the browser's declared type: both
 * are chosen by the uploader, so a renamed file must not get past the check or be labelled wrongly.
 * Dependency-free and synchronous; it only reads headers and ZIP / OLE2 directories (zip.ts, ole2.ts),
 * never inflates.
 */
import type { SniffedType, TypeInfo } from './file-types'

import { TYPES } from './file-types'
import { sniffOle } from './ole2'
import { sniffZip } from './zip'

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

/** What the file is, judged only by its bytes; null for anything not recognised, including SVG and text. */
export const sniffFileType = ({ data }: { data: Buffer }): null | SniffedType => {
  const found = sniffSimple({ data }) ?? sniffAvif({ data }) ?? sniffZip({ data }) ?? sniffOle({ data })
  return found ? sniffed(found) : null
}
