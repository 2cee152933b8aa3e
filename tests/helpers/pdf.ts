/** Escapes a PDF literal string: backslash first, so the later escapes are not doubled. */
const escapePdfString = ({ text }: { text: string }): string => text.replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)')

/** One `Tj` per line; `\n` in the page text moves down a line so tests can build paragraphs. */
const pageContent = ({ text }: { text: string }): string => {
  const lines = text.split('\n').map((line) => `(${escapePdfString({ text: line })}) Tj`)
  return ['BT', '/F1 12 Tf', '72 720 Td', lines.join('\n0 -14 Td\n'), 'ET'].join('\n')
}

/**
 * A hand-built PDF 1.4 with one Helvetica text page per entry, for text-extraction tests.
 * Byte offsets are measured on latin1 bytes (WinAnsi), so non-ASCII Latin-1 text stays valid.
 * Ends with `startxref … %%EOF`, which also satisfies Payload's upload check.
 * Keep lines under ~80 characters: pdf.js drops text that runs off the 612pt-wide page.
 */
export const makeTextPdf = ({ pages }: { pages: string[] }): Buffer => {
  // Objects 1-3 are catalog, page tree and font; then each page is a (page, content) pair.
  const pageId = (index: number) => 4 + index * 2
  const bodies: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${pageId(i)} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ]
  pages.forEach((text, i) => {
    const stream = pageContent({ text })
    bodies.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageId(i) + 1} 0 R >>`,
      `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    )
  })

  let pdf = '%PDF-1.4\n'
  const offsets = bodies.map((body, i) => {
    const offset = Buffer.byteLength(pdf, 'latin1')
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`
    return offset
  })
  const xrefOffset = Buffer.byteLength(pdf, 'latin1')
  // Each xref entry must be exactly 20 bytes, hence the trailing space before \n.
  pdf += [
    'xref',
    `0 ${bodies.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `),
    `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>`,
    'startxref',
    String(xrefOffset),
    '%%EOF',
  ].join('\n')
  return Buffer.from(`${pdf}\n`, 'latin1')
}
