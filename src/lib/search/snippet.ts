/** A short excerpt of plain text around the first match, safe to render as HTML. */
import { searchWordsOf } from './terms'

const ENTITIES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;' }

export const escapeHtml = (text: string) => text.replace(/["&'<>]/g, (char) => ENTITIES[char])

const WORD = /[\p{L}\p{N}]+/gu
const DIGIT = /\p{N}/u

/**
 * Marks every whole word whose lower-case form is in `terms` (the index terms the engine matched, so prefix and
 * typo matches are marked too). Each piece of the source is escaped before it is wrapped, so a word in the
 * source can never open a tag, and a term such as 'amp' can never match inside an escaped '&amp;'.
 */
export const snippet = ({ text, terms, length = 160 }: { text: string; terms: Iterable<string>; length?: number }): string => {
  const wanted = new Set([...terms].map((term) => term.toLowerCase()))
  const clean = text.replace(/\s+/g, ' ').trim()
  // A written word is marked when any of its search words matched: '£40m' for the terms '40' and 'million'.
  // Only a word holding a digit can read as other search words than itself lower-cased (see terms.ts).
  const isWanted = (word: string) => {
    const lower = word.toLowerCase()
    return wanted.has(lower) || (DIGIT.test(lower) && searchWordsOf(word).some((part) => wanted.has(part)))
  }
  // Words are read only as far as the window's end: a hit's body may run to thousands of words.
  const words = clean.matchAll(WORD)
  let first: RegExpExecArray | undefined
  for (const word of words) {
    if (isWanted(word[0])) {
      first = word
      break
    }
  }

  // Centre the window on the first match, then move both edges out to whole words.
  const centre = first ? first.index + first[0].length / 2 : 0
  let start = Math.max(0, Math.min(Math.round(centre - length / 2), clean.length - length))
  let end = Math.min(clean.length, start + length)
  if (start > 0) start = clean.lastIndexOf(' ', start) + 1
  if (end < clean.length) {
    const space = clean.indexOf(' ', end)
    end = space === -1 ? clean.length : space
  }

  const matches = first ? [first] : []
  for (const word of words) {
    if (word.index >= end) break
    if (isWanted(word[0])) matches.push(word)
  }

  let html = ''
  let cursor = start
  for (const match of matches) {
    if (match.index < start || match.index + match[0].length > end) continue
    html += escapeHtml(clean.slice(cursor, match.index)) + `<mark>${escapeHtml(match[0])}</mark>`
    cursor = match.index + match[0].length
  }
  html += escapeHtml(clean.slice(cursor, end))
  return `${start > 0 ? '…' : ''}${html}${end < clean.length ? '…' : ''}`
}
