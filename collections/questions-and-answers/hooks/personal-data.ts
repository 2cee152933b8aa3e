import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import type { AskerDetails } from '../../../src/lib/questions-and-answers/personal-data'

import { plainTextOf } from '../../../src/lib/richtext/build'
import { personalDataProblem } from '../../../src/lib/questions-and-answers/personal-data'
import { PUBLISHED_QUESTION_MAX, SOURCE_QUESTION } from '../../../src/lib/questions-and-answers/constants'

type Source = AskerDetails & { publicationConsent?: boolean | null }

/** The question this answer was proposed from (its asker and their consent): given by the proposal, else found by its link. */
const sourceOf = async ({ id, req }: { id?: number | string; req: PayloadRequest }): Promise<null | Source> => {
  const given = req.context[SOURCE_QUESTION] as AskerDetails | undefined
  if (given) return { ...given, publicationConsent: true }
  if (id === undefined || !('questions' in req.payload.collections)) return null
  const { docs } = await req.payload.find({
    collection: 'questions',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
    select: { email: true, jobTitle: true, name: true, organisation: true, publicationConsent: true, telephone: true },
    where: { publishedAs: { equals: id } },
  })
  return (docs[0] as Source | undefined) ?? null
}

// Drafts skip validation: the words are held to their limits here, before they are searched.
const LIMITS = { answer: 20_000, question: PUBLISHED_QUESTION_MAX }

/**
 * No personal data reaches a published answer: the collection has no field for any, and its words are checked
 * on every save for the asker's details (and any email address or number in the question).
 */
export const refusePersonalData: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req }) => {
  const refuse = ({ field, message }: { field: string; message: string }) =>
    new ValidationError({ collection: collection.slug, errors: [{ message, path: field }], req })
  const texts = {
    answer: plainTextOf({ value: data.answer ?? originalDoc?.answer }),
    question: String(data.question ?? originalDoc?.question ?? ''),
    slug: String(data.slug ?? originalDoc?.slug ?? ''),
  }
  for (const field of ['question', 'answer'] as const)
    if (texts[field].length > LIMITS[field])
      throw refuse({ field, message: `Keep the ${field} to ${LIMITS[field].toLocaleString('en-GB')} characters or fewer.` })
  const source = await sourceOf({ id: originalDoc?.id, req })
  const problem = personalDataProblem({ asker: source, texts })
  if (problem) throw refuse(problem)
  // An asker who withdrew their agreement after the proposal: the answer stays a draft.
  if (source && !source.publicationConsent && data._status === 'published' && !req.context.isRestoringVersion)
    throw refuse({ field: '_status', message: 'The asker withdrew their agreement to publication: this answer cannot be published.' })
  return data
}
