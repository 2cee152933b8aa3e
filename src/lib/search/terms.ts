/**
 * How text becomes search words, the same for documents and queries and for every engine: "£40m", "£40 million"
 * and "40 million" all read as the words "40" and "million", so a reader finds an amount however it was written.
 */

// Amount abbreviations written straight after a number: "£40m", "£2bn", "£500k".
const MULTIPLIERS: Record<string, string> = { bn: 'billion', k: 'thousand', m: 'million', mn: 'million' }
const ABBREVIATED = /^(\p{N}+)(bn|k|mn|m)$/u
const WORD = /[\p{L}\p{N}]+/gu

/** Thousands separators go ("40,000" is one number); currency signs and punctuation separate words. */
const withoutSeparators = (text: string) => text.replace(/(\p{N}),(?=\p{N}{3}(?!\p{N}))/gu, '$1')

/** One written word as search words: an abbreviated amount becomes the number and its multiplier. */
export const expandWord = (word: string): string[] => {
  const match = ABBREVIATED.exec(word.toLowerCase())
  return match ? [match[1], MULTIPLIERS[match[2]]] : [word]
}

/** The words of a text as written, lower-cased (before amounts are expanded). */
export const writtenWordsOf = (text: string): string[] => withoutSeparators(text).toLowerCase().match(WORD) ?? []

const DIGIT = /\p{N}/u

/** The search words of a text: what the embedded engine indexes and looks up, and what the database search matches. */
export const searchWordsOf = (text: string): string[] => {
  const words: string[] = []
  // Only a word starting with a digit can be an abbreviated amount: the rest are pushed as they are, which
  // spares a regular expression per word when indexing thousands of documents.
  for (const word of writtenWordsOf(text)) {
    if (DIGIT.test(word[0]!)) words.push(...expandWord(word))
    else words.push(word)
  }
  return words
}

const SHORT_FORMS: Record<string, string> = { billion: 'bn', million: 'm', thousand: 'k' }

/**
 * The query's words and, when it names an amount in full ("40 million"), the same words with the amount written
 * short ("40m"): a stored text that abbreviates it can only be found by the short form, where the text itself
 * is searched (the database search, which matches stored text as written).
 */
export const wordVariantsOf = (q: string): string[][] => {
  const words = searchWordsOf(q)
  const short: string[] = []
  for (const word of words) {
    const previous = short.at(-1)
    if (previous !== undefined && /^\p{N}+$/u.test(previous) && SHORT_FORMS[word])
      short[short.length - 1] = `${previous}${SHORT_FORMS[word]}`
    else short.push(word)
  }
  return short.length === words.length ? [words] : [words, short]
}

const ABBREVIATED_IN_TEXT = /(?<![\p{L}\p{N}])(\p{N}+)(bn|k|mn|m)(?![\p{L}\p{N}])/giu
const writtenOut = (_whole: string, number: string, unit: string) => `${number} ${MULTIPLIERS[unit.toLowerCase()]}`

/**
 * The text with amounts written out ("£40m" → "£40 million"), for an engine that tokenises by itself
 * (Meilisearch): queries are sent in this form.
 */
export const withAmountsWrittenOut = (text: string): string => withoutSeparators(text).replace(ABBREVIATED_IN_TEXT, writtenOut)

/** Only the abbreviated amounts of a text, written out ("£40m and £2bn" → "40 million\n2 billion"); empty when none. */
export const abbreviatedAmountsOf = (text: string): string =>
  [...withoutSeparators(text).matchAll(ABBREVIATED_IN_TEXT)].map((match) => writtenOut(match[0], match[1], match[2])).join('\n')
