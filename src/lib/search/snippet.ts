/** A short excerpt of plain text around the first match, safe to render as HTML. */
import { escapeHtml } from '../html/escape'
import { searchWordsOf } from './terms'

const WORD = /[\p{L}\p{N}]+/gu
const DIGIT = /\p{N}/u
const SPACE = /\s/

/**
 * Marks every whole word whose lower-case form is in `terms` (the index terms the engine matched, so prefix and
 * typo matches are marked too). Each piece of the source is escaped before it is wrapped, so a word in the
 * source can never open a tag, and a term such as 'amp' can never match inside an escaped '&amp;'.
 */
export const snippet = ({ text, terms, length = 160 }: { text: string; terms: Iterable<string>; length?: number }): string => {
  const wanted = new Set([...terms].map((term) => term.toLowerCase()))
  // A written word is marked when any of its search words matched: '£40m' for the terms '40' and 'million'.
  // Only a word holding a digit can read as other search words than itself lower-cased (see terms.ts).
  const isWanted = (word: string) => {
    const lower = word.toLowerCase()
    return wanted.has(lower) || (DIGIT.test(lower) && searchWordsOf(word).some((part) => wanted.has(part)))
  }
  // The text is read as stored, and whitespace is collapsed only inside the window: a hit's body may run to
  // thousands of words, and words are read only as far as the window's end.
  const from = text.search(/\S/)
  if (from === -1) return ''
  let to = text.length
  while (to > from && SPACE.test(text[to - 1]!)) to--
  const words = new RegExp(WORD.source, WORD.flags)
  words.lastIndex = from
  let first: RegExpExecArray | null = null
  for (let word = words.exec(text); word && word.index < to; word = words.exec(text)) {
    if (isWanted(word[0])) {
      first = word
      break
    }
  }

  // Centre the window on the first match, then move both edges out to whole words.
  const centre = first ? first.index + first[0].length / 2 : from
  let start = Math.max(from, Math.min(Math.round(centre - length / 2), to - length))
  let end = Math.min(to, start + length)
  if (start > from) {
    while (start > from && !SPACE.test(text[start]!)) start--
    if (start > from) start++
  }
  if (end < to) while (end < to && !SPACE.test(text[end]!)) end++

  const matches = first ? [first] : []
  if (first) {
    for (let word = words.exec(text); word && word.index < end; word = words.exec(text)) if (isWanted(word[0])) matches.push(word)
  }

  const piece = (from: number, until: number) => escapeHtml(text.slice(from, until).replace(/\s+/g, ' '))
  let html = ''
  let cursor = start
  for (const match of matches) {
    if (match.index < start || match.index + match[0].length > end) continue
    html += piece(cursor, match.index) + `<mark>${escapeHtml(match[0])}</mark>`
    cursor = match.index + match[0].length
  }
  html += piece(cursor, end)
  return `${start > from ? '…' : ''}${html}${end < to ? '…' : ''}`
}
