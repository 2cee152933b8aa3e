import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { checkUpload } from '../../src/lib/uploads/check'
import { sniffFileType } from '../../src/lib/uploads/detect'
import { DOCUMENT_TYPES, IMAGE_TYPES } from '../../src/lib/uploads/file-types'
import { formatBytes, formatFileLabel } from '../../src/lib/uploads/labels'

const MB = 1024 * 1024

const MIME = {
  doc: 'application/msword',
  docm: 'application/vnd.ms-word.document.macroEnabled.12',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odp: 'application/vnd.oasis.opendocument.presentation',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odt: 'application/vnd.oasis.opendocument.text',
  pdf: 'application/pdf',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

// ---------------------------------------------------------------------------------------------------------
// Real, minimal files built by hand.

const pdf = () =>
  Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1')

const image = (format: 'avif' | 'gif' | 'jpeg' | 'png' | 'webp') =>
  sharp({ create: { background: '#fff', channels: 3, height: 2, width: 2 } })
    [format]()
    .toBuffer()

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

const crc32 = (data: Buffer) => {
  let crc = 0xffffffff
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

/** A genuine ZIP archive with STORE (uncompressed) entries, in the order given. */
const zip = (files: Record<string, string>, { centralDirectory = true } = {}) => {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, text] of Object.entries(files)) {
    const nameBytes = Buffer.from(name, 'utf8')
    const content = Buffer.from(text, 'utf8')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4) // version needed
    local.writeUInt16LE(0x21, 12) // date: 1980-01-01
    local.writeUInt32LE(crc32(content), 14)
    local.writeUInt32LE(content.length, 18)
    local.writeUInt32LE(content.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4) // version made by
    central.writeUInt16LE(20, 6) // version needed
    central.writeUInt16LE(0x21, 14)
    central.writeUInt32LE(crc32(content), 16)
    central.writeUInt32LE(content.length, 20)
    central.writeUInt32LE(content.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, content)
    centrals.push(central, nameBytes)
    offset += local.length + nameBytes.length + content.length
  }
  if (!centralDirectory) return Buffer.concat(locals)
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(files).length, 8)
  end.writeUInt16LE(Object.keys(files).length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

const ooxml = (part: string, extra: Record<string, string> = {}) =>
  zip({
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': '<?xml version="1.0"?><Relationships/>',
    [part]: '<?xml version="1.0"?><root/>',
    ...extra,
  })

const openDocument = (mimeType: string) =>
  zip({ mimetype: mimeType, 'content.xml': '<?xml version="1.0"?><office:document-content/>', 'META-INF/manifest.xml': '<m/>' })

type OleEntry = { children?: OleEntry[]; name: string }

/**
 * A genuine OLE2 compound file with 512-byte sectors: header, one FAT sector (sector 0), then the directory
 * (sectors 1..n, chained through the FAT). Siblings are linked through their right pointers.
 */
const ole = (tree: OleEntry[]) => {
  const entries: { child: number; name: string; right: number; type: number }[] = []
  const add = (name: string, type: number) => entries.push({ child: -1, name, right: -1, type }) - 1
  const addLevel = (level: OleEntry[]): number => {
    const ids = level.map(({ children, name }) => {
      const id = add(name, children ? 1 : 2)
      if (children) entries[id]!.child = addLevel(children)
      return id
    })
    ids.forEach((id, i) => (entries[id]!.right = ids[i + 1] ?? -1))
    return ids[0] ?? -1
  }
  const root = add('Root Entry', 5)
  entries[root]!.child = addLevel(tree)

  const directorySectors = Math.ceil(entries.length / 4)
  const file = Buffer.alloc(512 * (2 + directorySectors))
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0)
  file.writeUInt16LE(0x3e, 24) // minor version
  file.writeUInt16LE(3, 26) // major version 3: 512-byte sectors
  file.writeUInt16LE(0xfffe, 28) // little-endian
  file.writeUInt16LE(9, 30) // sector shift
  file.writeUInt16LE(6, 32) // mini sector shift
  file.writeUInt32LE(1, 44) // one FAT sector
  file.writeUInt32LE(1, 48) // directory starts at sector 1
  file.writeUInt32LE(4096, 56) // mini stream cutoff
  file.writeUInt32LE(0xfffffffe, 60) // no mini FAT
  file.writeUInt32LE(0xfffffffe, 68) // no DIFAT sectors
  file.fill(0xff, 76, 512)
  file.writeUInt32LE(0, 76) // the FAT is sector 0

  const fat = 512
  file.fill(0xff, fat, fat + 512)
  file.writeUInt32LE(0xfffffffd, fat) // sector 0 holds the FAT
  for (let s = 1; s <= directorySectors; s++) file.writeUInt32LE(s === directorySectors ? 0xfffffffe : s + 1, fat + s * 4)

  entries.forEach(({ child, name, right, type }, id) => {
    const at = 1024 + id * 128
    const nameBytes = Buffer.from(`${name}\0`, 'utf16le')
    nameBytes.copy(file, at)
    file.writeUInt16LE(nameBytes.length, at + 64)
    file[at + 66] = type
    file[at + 67] = 1 // black
    file.writeUInt32LE(0xffffffff, at + 68) // left
    file.writeUInt32LE(right < 0 ? 0xffffffff : right, at + 72)
    file.writeUInt32LE(child < 0 ? 0xffffffff : child, at + 76)
    file.writeUInt32LE(0xfffffffe, at + 116) // start sector: empty stream
  })
  // Unused directory slots are empty entries.
  for (let id = entries.length; id < directorySectors * 4; id++) {
    const at = 1024 + id * 128
    file.fill(0xff, at + 68, at + 80)
  }
  return file
}

const summaryInfo = { name: '\u0005SummaryInformation' }

// ---------------------------------------------------------------------------------------------------------

describe('sniffFileType', () => {
  it('recognises a PDF by its %PDF- header', () => {
    expect(sniffFileType({ data: pdf() })).toEqual({ extension: 'pdf', label: 'PDF', mimeType: MIME.pdf })
  })

  it('does not accept %PDF- anywhere but at the start', () => {
    expect(sniffFileType({ data: Buffer.concat([Buffer.from('junk\n'), pdf()]) })).toBeNull()
  })

  it.each([
    ['png', 'image/png', 'PNG', 'png'],
    ['jpeg', 'image/jpeg', 'JPEG', 'jpg'],
    ['gif', 'image/gif', 'GIF', 'gif'],
    ['webp', 'image/webp', 'WebP', 'webp'],
    ['avif', 'image/avif', 'AVIF', 'avif'],
  ] as const)('recognises a %s image made by sharp', async (format, mimeType, label, extension) => {
    expect(sniffFileType({ data: await image(format) })).toEqual({ extension, label, mimeType })
  })

  it('does not mistake other RIFF and ISO-BMFF files for WebP or AVIF', () => {
    const wave = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt ')])
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic')])
    expect(sniffFileType({ data: wave })).toBeNull()
    expect(sniffFileType({ data: heic })).toBeNull()
  })

  it.each([
    ['word/document.xml', MIME.docx, 'DOCX', 'docx'],
    ['xl/workbook.xml', MIME.xlsx, 'XLSX', 'xlsx'],
    ['ppt/presentation.xml', MIME.pptx, 'PPTX', 'pptx'],
  ])('recognises an OOXML package containing %s', (part, mimeType, label, extension) => {
    expect(sniffFileType({ data: ooxml(part) })).toEqual({ extension, label, mimeType })
  })

  it('labels an OOXML package with a VBA project as macro-enabled, whatever it claims to be', () => {
    const found = sniffFileType({ data: ooxml('word/document.xml', { 'word/vbaProject.bin': 'macros' }) })
    expect(found).toEqual({ extension: 'docm', label: 'DOCM', mimeType: MIME.docm })
  })

  it.each([
    [MIME.odt, 'ODT', 'odt'],
    [MIME.ods, 'ODS', 'ods'],
    [MIME.odp, 'ODP', 'odp'],
  ])('recognises an OpenDocument file whose mimetype entry says %s', (mimeType, label, extension) => {
    expect(sniffFileType({ data: openDocument(mimeType) })).toEqual({ extension, label, mimeType })
  })

  it.each([
    ['a plain ZIP', zip({ 'notes.txt': 'hello', 'photo.jpg': 'not really' })],
    ['a ZIP with [Content_Types].xml but no Office part', zip({ '[Content_Types].xml': '<Types/>', 'data/x.xml': '<x/>' })],
    ['a ZIP with word/ but no [Content_Types].xml', zip({ 'word/document.xml': '<w/>' })],
    ['a ZIP whose mimetype entry is not first', zip({ 'content.xml': '<c/>', mimetype: MIME.odt })],
    ['a ZIP whose mimetype is not an accepted OpenDocument type', openDocument('application/epub+zip')],
    [
      'a DOCX cut short before its central directory',
      zip({ '[Content_Types].xml': '<T/>', 'word/document.xml': '<w/>' }, { centralDirectory: false }),
    ],
  ])('treats %s as a plain ZIP, not an office document', (_, data) => {
    expect(sniffFileType({ data })).toEqual({ extension: 'zip', label: 'ZIP', mimeType: 'application/zip' })
  })

  it.each([
    ['WordDocument', MIME.doc, 'DOC', 'doc'],
    ['Workbook', MIME.xls, 'XLS', 'xls'],
    ['Book', MIME.xls, 'XLS', 'xls'],
    ['PowerPoint Document', MIME.ppt, 'PPT', 'ppt'],
  ])('recognises a legacy OLE2 file with a top-level %s stream', (stream, mimeType, label, extension) => {
    const data = ole([summaryInfo, { name: stream }])
    expect(sniffFileType({ data })).toEqual({ extension, label, mimeType })
  })

  it('goes by the top-level stream, not by embedded objects, across several directory sectors', () => {
    // A deck with an embedded Excel chart and Word document: 8 entries, so the directory spans two sectors.
    const data = ole([
      { children: [{ name: 'Workbook' }, { name: 'WordDocument' }], name: 'ObjectPool' },
      summaryInfo,
      { name: 'Current User' },
      { name: 'Pictures' },
      { name: 'PowerPoint Document' },
    ])
    expect(data.length).toBe(512 * 4)
    expect(sniffFileType({ data })?.mimeType).toBe(MIME.ppt)
  })

  it('leaves other OLE2 files (such as password-protected OOXML) unknown', () => {
    const encrypted = ole([{ name: 'EncryptionInfo' }, { name: 'EncryptedPackage' }])
    expect(sniffFileType({ data: encrypted })).toBeNull()
  })

  it('leaves a truncated OLE2 file unknown', () => {
    const whole = ole([{ name: 'WordDocument' }])
    expect(sniffFileType({ data: whole })?.label).toBe('DOC')
    expect(sniffFileType({ data: whole.subarray(0, 1024) })).toBeNull()
  })

  it.each([
    ['SVG', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ['CSV', 'name,hba1c\nAlice,48\n'],
    ['plain text', 'Just some notes.'],
    ['HTML', '<!doctype html><title>x</title>'],
    ['a single byte', '%'],
  ])('returns null for %s', (_, text) => {
    expect(sniffFileType({ data: Buffer.from(text) })).toBeNull()
  })

  it('returns null for an empty buffer', () => {
    expect(sniffFileType({ data: Buffer.alloc(0) })).toBeNull()
  })
})

describe('accepted type lists', () => {
  it('lists the ten document types and five image types', () => {
    expect([...DOCUMENT_TYPES].sort()).toEqual(
      Object.values(MIME)
        .filter((m) => m !== MIME.docm)
        .sort(),
    )
    expect([...IMAGE_TYPES].sort()).toEqual(['image/avif', 'image/gif', 'image/jpeg', 'image/png', 'image/webp'])
  })

  it('has a label for every accepted type', () => {
    for (const mimeType of [...DOCUMENT_TYPES, ...IMAGE_TYPES]) {
      expect(formatFileLabel({ bytes: 10, mimeType })).not.toMatch(/^File,/)
    }
  })
})

describe('checkUpload', () => {
  const documents = { accepted: DOCUMENT_TYPES, maxBytes: 10 * MB }
  const images = { accepted: IMAGE_TYPES, maxBytes: 10 * MB }

  it.each([
    ['PDF', pdf(), MIME.pdf],
    ['DOCX', ooxml('word/document.xml'), MIME.docx],
    ['XLSX', ooxml('xl/workbook.xml'), MIME.xlsx],
    ['PPTX', ooxml('ppt/presentation.xml'), MIME.pptx],
    ['ODS', openDocument(MIME.ods), MIME.ods],
    ['DOC', ole([{ name: 'WordDocument' }]), MIME.doc],
    ['XLS', ole([{ name: 'Workbook' }]), MIME.xls],
  ])('accepts a %s as a document', (label, data, mimeType) => {
    expect(checkUpload({ ...documents, data, declaredMimeType: mimeType })).toEqual({
      ok: true,
      type: expect.objectContaining({ label, mimeType }),
    })
  })

  it('accepts images as images', async () => {
    for (const format of ['png', 'jpeg', 'gif', 'webp', 'avif'] as const) {
      const result = checkUpload({ ...images, data: await image(format), declaredMimeType: 'image/anything' })
      expect(result).toMatchObject({ ok: true, type: { mimeType: `image/${format}` } })
    }
  })

  it('rejects a PNG renamed to .pdf, whatever type it was uploaded as', async () => {
    const result = checkUpload({ ...documents, data: await image('png'), declaredMimeType: 'application/pdf' })
    expect(result).toEqual({
      ok: false,
      reason:
        "The file's content is a PNG image, not a PDF, Word, Excel, PowerPoint or OpenDocument file (it was uploaded as application/pdf).",
    })
  })

  it('rejects a plain ZIP as a document', () => {
    const result = checkUpload({ ...documents, data: zip({ 'a.txt': 'a' }), declaredMimeType: MIME.docx })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.reason).toBe(
      `The file's content is a ZIP archive, not a PDF, Word, Excel, PowerPoint or OpenDocument file (it was uploaded as ${MIME.docx}).`,
    )
  })

  it('rejects a macro-enabled Word file renamed to .docx', () => {
    const data = ooxml('word/document.xml', { 'word/vbaProject.bin': 'macros' })
    const result = checkUpload({ ...documents, data, declaredMimeType: MIME.docx })
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('a Word document with macros') })
  })

  it('rejects a PDF where only images are accepted', () => {
    const result = checkUpload({ ...images, data: pdf(), declaredMimeType: 'image/png' })
    expect(result).toEqual({
      ok: false,
      reason: "The file's content is a PDF, not a JPEG, PNG, GIF, WebP or AVIF file (it was uploaded as image/png).",
    })
  })

  it('rejects content it does not recognise, such as CSV or SVG', () => {
    const csv = checkUpload({ ...documents, data: Buffer.from('a,b\n1,2\n'), declaredMimeType: 'text/csv' })
    expect(csv).toEqual({
      ok: false,
      reason: "The file's content is not a PDF, Word, Excel, PowerPoint or OpenDocument file (it was uploaded as text/csv).",
    })
    const svg = checkUpload({ ...images, data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') })
    expect(svg).toEqual({ ok: false, reason: "The file's content is not a JPEG, PNG, GIF, WebP or AVIF file." })
  })

  it('uses "an" before a list that starts with a vowel', () => {
    const result = checkUpload({ accepted: [MIME.xlsx, MIME.ods], data: pdf(), maxBytes: MB })
    expect(result).toEqual({ ok: false, reason: "The file's content is a PDF, not an Excel or OpenDocument file." })
  })

  it('keeps the declared type printable and short in the message', () => {
    const result = checkUpload({ ...documents, data: Buffer.from('x'), declaredMimeType: `text/\u0000\n<b>${'x'.repeat(300)}` })
    expect(result.ok).toBe(false)
    const reason = result.ok ? '' : result.reason
    expect(reason).not.toMatch(/[\u0000\n]/)
    const declared = reason.match(/\(it was uploaded as (text\/<b>x+)\)\.$/)?.[1]
    expect(declared).toHaveLength(100)
  })

  it('rejects an empty file', () => {
    expect(checkUpload({ ...documents, data: Buffer.alloc(0), declaredMimeType: MIME.pdf })).toEqual({
      ok: false,
      reason: 'The file is empty.',
    })
  })

  it('rejects a file over the limit, naming both sizes, before looking at its content', () => {
    const data = Buffer.concat([pdf(), Buffer.alloc(Math.round(12.3 * MB))])
    expect(checkUpload({ ...documents, data, declaredMimeType: MIME.pdf })).toEqual({
      ok: false,
      reason: 'The file is 12.3 MB; the limit is 10 MB.',
    })
    const unknown = Buffer.alloc(2 * MB, 'a')
    expect(checkUpload({ ...documents, data: unknown, maxBytes: 500 * 1024 })).toEqual({
      ok: false,
      reason: 'The file is 2 MB; the limit is 500 KB.',
    })
  })

  it('says "larger than the limit" when the sizes would round to the same figure', () => {
    const data = Buffer.concat([pdf(), Buffer.alloc(10 * MB)])
    expect(checkUpload({ ...documents, data })).toEqual({ ok: false, reason: 'The file is larger than the 10 MB limit.' })
  })

  it('accepts a file of exactly the limit', () => {
    const data = Buffer.concat([pdf(), Buffer.alloc(1000)])
    expect(checkUpload({ ...documents, data, maxBytes: data.length })).toMatchObject({ ok: true })
    expect(checkUpload({ ...documents, data, maxBytes: data.length - 1 })).toMatchObject({ ok: false })
  })
})

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [900, '900 bytes'],
    [1023, '1023 bytes'],
    [1024, '1 KB'],
    [1536, '2 KB'],
    [245_760, '240 KB'],
    [1024 * 1023, '1023 KB'],
    [MB - 1, '1 MB'],
    [1_887_437, '1.8 MB'],
    [10 * MB, '10 MB'],
    [Math.round(12.3 * MB), '12.3 MB'],
    [1024 * MB - 1, '1 GB'],
    [1.5 * 1024 * MB, '1.5 GB'],
    [-5, '0 bytes'],
    [Number.NaN, '0 bytes'],
  ])('formats %d bytes as %s', (bytes, expected) => {
    expect(formatBytes({ bytes })).toBe(expected)
  })
})

describe('formatFileLabel', () => {
  it.each([
    [MIME.pdf, 1_887_437, 'PDF, 1.8 MB'],
    [MIME.docx, 245_760, 'DOCX, 240 KB'],
    [MIME.pdf, 900, 'PDF, 900 bytes'],
    [MIME.xls, 3 * MB, 'XLS, 3 MB'],
    [MIME.odp, 2048, 'ODP, 2 KB'],
    ['image/webp', 51_200, 'WebP, 50 KB'],
    ['text/csv', 3072, 'File, 3 KB'],
    ['', 10, 'File, 10 bytes'],
  ])('labels %s of %d bytes as "%s"', (mimeType, bytes, expected) => {
    expect(formatFileLabel({ bytes, mimeType })).toBe(expected)
  })
})
