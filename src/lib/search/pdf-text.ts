import { getDocumentProxy } from 'unpdf'

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>

export type PdfTextResult = { ok: true; text: string; pages: number; truncated: boolean } | { ok: false; reason: string }

export type ExtractPdfTextArgs = {
  data: Buffer | Uint8Array
  /** Pages read at most; later pages are ignored and `truncated` is set. */
  maxPages?: number
  /** Characters kept at most (after normalisation). */
  maxChars?: number
  /** Whole-extraction budget, including parsing. */
  timeoutMs?: number
}

/**
 * Collapses whitespace for indexing: runs of spaces/tabs become one space and any
 * run of line breaks becomes a single newline, so paragraphs stay apart without blank lines.
 * NUL and other control characters are dropped; some PDFs emit them for unmapped glyphs.
 */
export const normalisePdfText = ({ text }: { text: string }): string =>
  text
    .replace(/\r\n?|[\f\v\u2028\u2029]/g, '\n')
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g, '')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim()

/** Turns pdf.js failures into something an editor can act on. */
const describeFailure = ({ error }: { error: unknown }): string => {
  const name = error instanceof Error ? error.name : ''
  const message = error instanceof Error ? error.message : String(error)
  if (name === 'PasswordException') return 'PDF is password-protected or encrypted'
  if (name === 'InvalidPDFException') return `Not a valid PDF file (${message})`
  return `Could not read PDF: ${message || name || 'unknown error'}`
}

const pageText = async ({ pdf, pageNumber }: { pdf: PdfDocument; pageNumber: number }) => {
  const page = await pdf.getPage(pageNumber)
  try {
    const content = await page.getTextContent()
    return content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('')
  } finally {
    // Frees the page's parsed resources; large documents otherwise hold every page in memory.
    page.cleanup()
  }
}

/**
 * The serverless pdf.js build has no real worker: parsing is one long chain of microtasks,
 * so a timer could never fire mid-document. Yielding between pages lets the timeout win.
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

const readPages = async ({
  pdf,
  maxPages,
  maxChars,
  isCancelled,
}: {
  pdf: PdfDocument
  maxPages: number
  maxChars: number
  isCancelled: () => boolean
}): Promise<PdfTextResult> => {
  const pageCount = Math.min(pdf.numPages, Math.max(0, Math.floor(maxPages)))
  const texts: string[] = []
  let length = 0
  for (let pageNumber = 1; pageNumber <= pageCount; pageNumber++) {
    await yieldToEventLoop()
    // The timeout cannot interrupt pdf.js mid-page, so stop at the next page boundary.
    if (isCancelled()) break
    const text = normalisePdfText({ text: await pageText({ pdf, pageNumber }) })
    if (!text) continue
    // Counts the joining newline too, so `length` always equals the joined text's length.
    length += text.length + (texts.length > 0 ? 1 : 0)
    texts.push(text)
    // Enough text already; later pages could only be cut off.
    if (length > maxChars) break
  }
  const joined = texts.join('\n')
  const overflow = joined.length > maxChars
  return {
    ok: true,
    text: overflow ? joined.slice(0, maxChars).trimEnd() : joined,
    pages: pdf.numPages,
    truncated: overflow || pdf.numPages > pageCount,
  }
}

/**
 * Extracts the text layer of a PDF for the search index. Never throws: unreadable,
 * encrypted or non-PDF input, and timeouts, come back as `{ ok: false, reason }`.
 * Scanned PDFs without a text layer succeed with empty text (no OCR here).
 */
export const extractPdfText = async ({
  data,
  maxPages = 200,
  maxChars = 200_000,
  timeoutMs = 15_000,
}: ExtractPdfTextArgs): Promise<PdfTextResult> => {
  let timedOut = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let pdf: PdfDocument | undefined

  const work = (async (): Promise<PdfTextResult> => {
    try {
      if (!data || data.byteLength === 0) return { ok: false, reason: 'File is empty' }
      // pdf.js may detach the buffer it is given; copy so the caller's data stays usable.
      pdf = await getDocumentProxy(new Uint8Array(data), {
        // Fully offline and inert: this pdf.js build has no eval and an inlined worker;
        // also no fetches from that worker, no wasm decoders, no font loading, no XFA.
        useWorkerFetch: false,
        useWasm: false,
        useSystemFonts: false,
        disableFontFace: true,
        enableXfa: false,
        // Caps the memory a single declared image may claim while parsing content streams.
        maxImageSize: 16_777_216,
        // Errors only: malformed-but-readable files are common and would flood the logs.
        verbosity: 0,
      })
      if (timedOut) return { ok: false, reason: 'timed out' }
      return await readPages({ pdf, maxPages, maxChars, isCancelled: () => timedOut })
    } catch (error) {
      return { ok: false, reason: describeFailure({ error }) }
    }
  })()

  const timeout = new Promise<PdfTextResult>((resolve) => {
    timer = setTimeout(() => {
      timedOut = true
      resolve({ ok: false, reason: `PDF text extraction timed out after ${timeoutMs} ms` })
    }, timeoutMs)
  })

  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
    // Destroy once the work settles, even after a timeout, so nothing keeps parsing in the background.
    void work.then(() => pdf?.loadingTask.destroy()).catch(() => undefined)
  }
}
