import { afterEach, describe, expect, it, vi } from 'vitest'

import { extractPdfText, normalisePdfText } from '@/lib/search/pdf-text'

import { makeTextPdf } from '../helpers/pdf'

const twoPages = () => makeTextPdf({ pages: ['Insulin pump guidance for adults', 'Continuous glucose monitoring in pregnancy'] })

/** Deterministic "random" bytes so a failure can be reproduced. */
const noise = ({ length, seed }: { length: number; seed: number }) => {
  let state = seed
  return Buffer.from(
    Array.from({ length }, () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31
      return state & 0xff
    }),
  )
}

// PNG signature plus the start of an IHDR chunk: what a mislabelled image upload looks like.
const pngBytes = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')

describe('extractPdfText', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('extracts every page in order from a generated PDF that Payload would accept', async () => {
    const pdf = twoPages()
    // Same conditions as Payload's upload validation, so these fixtures also work as uploads.
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.subarray(-1024).toString('latin1')).toMatch(/xref[\s\S]*%%EOF\n$/)

    const result = await extractPdfText({ data: pdf })

    expect(result).toEqual({
      ok: true,
      text: 'Insulin pump guidance for adults\nContinuous glucose monitoring in pregnancy',
      pages: 2,
      truncated: false,
    })
  })

  it('round-trips the characters the helper has to escape, and Latin-1 text', async () => {
    const text = 'HbA1c (mmol/mol) \\ target: café'
    const result = await extractPdfText({ data: makeTextPdf({ pages: [text] }) })
    expect(result).toMatchObject({ ok: true, text })
  })

  it('leaves the caller buffer intact', async () => {
    const pdf = twoPages()
    const copy = Buffer.from(pdf)
    await extractPdfText({ data: pdf })
    expect(pdf.equals(copy)).toBe(true)
  })

  it('stops at maxPages and reports truncation', async () => {
    const result = await extractPdfText({ data: twoPages(), maxPages: 1 })
    expect(result).toEqual({ ok: true, text: 'Insulin pump guidance for adults', pages: 2, truncated: true })
  })

  it('cuts the text at maxChars and reports truncation only when something was cut', async () => {
    const full = await extractPdfText({ data: twoPages() })
    if (!full.ok) throw new Error(full.reason)

    const cut = await extractPdfText({ data: twoPages(), maxChars: 20 })
    expect(cut).toEqual({ ok: true, text: full.text.slice(0, 20).trimEnd(), pages: 2, truncated: true })
    expect(cut.ok && cut.text).toBe('Insulin pump guidanc')

    const exact = await extractPdfText({ data: twoPages(), maxChars: full.text.length })
    expect(exact).toEqual({ ...full, truncated: false })
  })

  it('collapses whitespace and keeps paragraphs as single newlines', async () => {
    const pdf = makeTextPdf({ pages: ['Blood   glucose\t\ttargets\n\n\nbefore meals', '   '] })
    const result = await extractPdfText({ data: pdf })
    // The blank second page adds nothing, not even an empty line.
    expect(result).toEqual({ ok: true, text: 'Blood glucose targets\nbefore meals', pages: 2, truncated: false })
  })

  it.each([
    ['a PNG image', pngBytes],
    ['random bytes', noise({ length: 4096, seed: 42 })],
    ['a truncated PDF', twoPages().subarray(0, Math.floor(twoPages().length / 2))],
    ['an empty buffer', Buffer.alloc(0)],
    ['a PDF header with nothing after it', Buffer.from('%PDF-1.4\n%%EOF\n')],
  ])('returns ok: false with a reason for %s, without throwing', async (_label, data) => {
    const result = await extractPdfText({ data })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.reason).toMatch(/\w{3,}/)
  })

  it('gives up with a reason when the timeout is reached', async () => {
    const pages = Array.from({ length: 400 }, (_, i) => `Page ${i} of a long formulary`)
    const started = Date.now()
    const result = await extractPdfText({ data: makeTextPdf({ pages }), maxPages: 400, timeoutMs: 10 })
    expect(result).toEqual({ ok: false, reason: 'PDF text extraction timed out after 10 ms' })
    // Returned promptly instead of finishing all 400 pages first.
    expect(Date.now() - started).toBeLessThan(1_000)
  })

  it('works offline: never calls fetch', async () => {
    const fetch = vi.fn(() => {
      throw new Error('network access is not allowed during PDF extraction')
    })
    vi.stubGlobal('fetch', fetch)

    const result = await extractPdfText({ data: twoPages() })

    expect(result.ok).toBe(true)
    expect(result.ok && result.text).toContain('Continuous glucose monitoring')
    expect(fetch).not.toHaveBeenCalled()
  })
})

describe('normalisePdfText', () => {
  it('strips NUL and control characters but keeps line structure', () => {
    expect(normalisePdfText({ text: 'Dose\u0000 of\u0007 insulin\r\n\r\n  \tNext\fpage\u007f' })).toBe('Dose of insulin\nNext\npage')
  })

  it('trims the ends and collapses non-breaking and mixed spaces', () => {
    expect(normalisePdfText({ text: ' \n Type\u00a0 1 \t diabetes \n\n' })).toBe('Type 1 diabetes')
  })
})
