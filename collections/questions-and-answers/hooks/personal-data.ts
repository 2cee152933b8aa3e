import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import type { AskerDetails } from '../../../src/lib/questions-and-answers/personal-data'

import { plainTextOf } from '../../../src/lib/richtext/build'
import { personalDataProblem } from '../../../src/lib/questions-and-answers/personal-data'
import { SOURCE_QUESTION } from '../../../src/lib/questions-and-answers/constants'

/** The asker of the question this answer was proposed from: given by the proposal, else found by its link. */
const askerOf = async ({ id, req }: { id?: number | string; req: PayloadRequest }): Promise<AskerDetails | null> => {
  const given = req.context[SOURCE_QUESTION] as AskerDetails | undefined
  if (given) return given
  if (id === undefined || !('questions' in req.payload.collections)) return null
  const { docs } = await req.payload.find({
    collection: 'questions',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
    select: { email: true, jobTitle: true, name: true, organisation: true, telephone: true },
    where: { publishedAs: { equals: id } },
  })
  return (docs[0] as AskerDetails | undefined) ?? null
}

/**
 * No personal data reaches a published answer: the collection has no field for any, and its words are checked
 * on every save for the asker's details (and any email address or number in the question).
 */
export const refusePersonalData: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req }) => {
  const texts = {
    answer: plainTextOf({ value: data.answer ?? originalDoc?.answer }),
    question: String(data.question ?? originalDoc?.question ?? ''),
  }
  const problem = personalDataProblem({ asker: await askerOf({ id: originalDoc?.id, req }), texts })
  if (problem) throw new ValidationError({ collection: collection.slug, errors: [{ message: problem.message, path: problem.field }], req })
  return data
}
