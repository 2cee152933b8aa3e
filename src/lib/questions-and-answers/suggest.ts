import type { Payload } from 'payload'

import MiniSearch from 'minisearch'

import { heldUntilChange } from '../cache/until-change'
import { plainTextOf } from '../richtext/build'
import { questionAndAnswerPath } from '../routes'
import { STOP_WORDS } from '../search/embedded'
import { searchWordsOf } from '../search/terms'

/** A published answer offered before someone asks. */
export type Suggestion = { question: string; url: string }

// Words of how people ask rather than what about: "Can I refer my patient" is about referral and patients.
const QUESTION_WORDS = new Set([
  ...STOP_WORDS,
  'about',
  'any',
  'can',
  'could',
  'do',
  'does',
  'i',
  'if',
  'me',
  'my',
  'our',
  'should',
  'there',
  'this',
  'that',
  'us',
  'we',
  'when',
  'where',
  'which',
  'who',
  'why',
  'will',
  'would',
  'you',
  'your',
])

const processTerm = (term: string) => (QUESTION_WORDS.has(term) ? null : term)

type Indexed = { answer: string; id: string; question: string; url: string }

/**
 * Every published answer in a small index of its own, held until content changes. Its own because "Before you ask"
 * wants answers that share any two words with what was typed (combined with OR), where the site's search wants all.
 */
const suggestionIndex = heldUntilChange({
  load: async ({ payload }) => {
    const index = new MiniSearch<Indexed>({
      fields: ['question', 'answer'],
      processTerm,
      searchOptions: {
        boost: { question: 2 },
        combineWith: 'OR',
        fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
        prefix: (term) => term.length >= 4,
      },
      storeFields: ['question', 'url'],
      tokenize: searchWordsOf,
    })
    const { docs } = await payload.find({
      collection: 'questions-and-answers',
      depth: 0,
      draft: false,
      overrideAccess: true,
      pagination: false,
      select: { answer: true, question: true, slug: true },
      where: { _status: { equals: 'published' } },
    })
    index.addAll(
      docs.map((doc) => ({
        answer: plainTextOf({ value: doc.answer }),
        id: String(doc.id),
        question: doc.question,
        url: questionAndAnswerPath({ slug: String(doc.slug) }),
      })),
    )
    return index
  },
})

const MAX_SUGGESTIONS = 3

/**
 * The published answers that match what someone is asking: each shares at least two of its words (or its only
 * word), best first, at most three.
 */
export const suggestAnswers = async ({ payload, text }: { payload: Payload; text: string }): Promise<Suggestion[]> => {
  const words = new Set(
    searchWordsOf(text.slice(0, 2000))
      .map(processTerm)
      .filter((word): word is string => Boolean(word)),
  )
  if (!words.size) return []
  const index = await suggestionIndex({ payload })
  const needed = Math.min(2, words.size)
  return index
    .search([...words].join(' '))
    .filter((hit) => new Set(hit.queryTerms).size >= needed)
    .slice(0, MAX_SUGGESTIONS)
    .map((hit) => ({ question: String(hit.question), url: String(hit.url) }))
}
