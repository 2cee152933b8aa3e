import { normaliseUkPhone } from '../questions/validate'

/** What the desk holds about an asker: none of it may reach a published answer. */
export type AskerDetails = {
  email?: null | string
  jobTitle?: null | string
  name?: null | string
  organisation?: null | string
  telephone?: null | string
}

/** The published answer's own words, by field (its address too: a slug is words joined by hyphens). */
export type AnswerTexts = { answer: string; question: string; slug?: string }

export type PersonalDataProblem = { field: keyof AnswerTexts; message: string }

const ANY_EMAIL = /[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}/i
// Runs of digits as people write numbers: spaces, dots, dashes and brackets between them, optionally +44.
const DIGIT_RUNS = /\+?\(?\d[\d\s().-]{7,}\d/g

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const containsWords = ({ text, words }: { text: string; words: string }) =>
  new RegExp(`(^|[^\\p{L}\\p{N}])${escape(words.trim())}($|[^\\p{L}\\p{N}])`, 'iu').test(text)

const phonesIn = (text: string): string[] => [...text.matchAll(DIGIT_RUNS)].map((match) => normaliseUkPhone(match[0]))

/** The asker's details that appear in one text, by what they are. */
const askerDetailsIn = ({ asker, text }: { asker: AskerDetails; text: string }): string[] => {
  const found: string[] = []
  if (asker.email && text.toLowerCase().includes(asker.email.trim().toLowerCase())) found.push('email address')
  const name = asker.name?.trim() ?? ''
  const parts = name.split(/\s+/).filter((part) => part.length >= 3)
  // The whole name, or any part of it as a capitalised word ("Dear Jane"; a name such as "Hope" is also an everyday word).
  const capitalised = (part: string) =>
    new RegExp(`(^|[^\\p{L}])${escape(part[0]!.toUpperCase() + part.slice(1))}($|[^\\p{L}])`, 'u').test(text)
  if ((name && containsWords({ text, words: name })) || parts.some(capitalised)) found.push('name')
  const phone = asker.telephone ? normaliseUkPhone(asker.telephone) : ''
  if (phone && phonesIn(text).some((candidate) => candidate.endsWith(phone.slice(1)))) found.push('telephone number')
  if (asker.organisation && asker.organisation.trim().length >= 3 && containsWords({ text, words: asker.organisation }))
    found.push('organisation')
  // A job title is usually a common phrase ("practice nurse"): only a distinctive one (three words or more) is looked for.
  if (asker.jobTitle && asker.jobTitle.trim().split(/\s+/).length >= 3 && containsWords({ text, words: asker.jobTitle }))
    found.push('job title')
  return found
}

const lowerCased = (asker: AskerDetails): AskerDetails =>
  Object.fromEntries(Object.entries(asker).map(([key, value]) => [key, typeof value === 'string' ? value.toLowerCase() : value]))

const LABELS: Record<keyof AnswerTexts, string> = { answer: 'The answer', question: 'The question', slug: 'The web address' }

/**
 * The first problem found: the asker's own details in either text, or any email address or telephone number in
 * the question (which came from the asker; the answer may give the network's own contact details).
 */
export const personalDataProblem = ({ asker, texts }: { asker?: AskerDetails | null; texts: AnswerTexts }): null | PersonalDataProblem => {
  for (const field of ['question', 'answer', 'slug'] as const) {
    const text = field === 'slug' ? (texts.slug ?? '').replace(/-/g, ' ') : texts[field]
    // An address is lower case: names in it are looked for whatever their case.
    const found = asker ? askerDetailsIn({ asker: field === 'slug' ? lowerCased(asker) : asker, text }) : []
    if (found.length)
      return { field, message: `${LABELS[field]} contains the asker’s ${found.join(' and ')}: take it out before the answer is published.` }
  }
  if (ANY_EMAIL.test(texts.question)) return { field: 'question', message: 'The question contains an email address: take it out.' }
  if (phonesIn(texts.question).some((digits) => /^0\d{9,10}$/.test(digits)))
    return { field: 'question', message: 'The question contains a telephone number: take it out.' }
  return null
}
