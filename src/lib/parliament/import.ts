import type { Payload } from 'payload'

import type { User } from '../../payload-types'

import { slugify } from '../fields/slug'
import { parseWrittenQuestions, type WrittenQuestionProblem } from './written-questions'

export type QuestionImportResult = { created: number; problems: WrittenQuestionProblem[]; unchanged: number; updated: number }

const slugOf = ({ dateAsked, heading, uin }: { dateAsked: string; heading: string; uin: null | string }) =>
  slugify(`${heading} ${uin ?? dateAsked}`)

/**
 * Imports a saved UK Parliament written-questions JSON file. A question already in the hub (same UIN, or
 * same address when it has none) is updated in place, e.g. when an answer arrives later; new ones are
 * created as drafts for an editor to check and publish unless `publish` is set. With a `user`, access
 * rules apply (editors and admins may import); without one it runs as trusted server code (the CLI).
 */
export const importWrittenQuestions = async ({
  json,
  payload,
  publish = false,
  user,
}: {
  json: unknown
  payload: Payload
  publish?: boolean
  user?: null | User
}): Promise<QuestionImportResult> => {
  const { problems, questions } = parseWrittenQuestions({ json })
  const access = user ? { overrideAccess: false, user } : { overrideAccess: true }
  const result: QuestionImportResult = { created: 0, problems, unchanged: 0, updated: 0 }
  for (const question of questions) {
    const slug = slugOf(question)
    const { docs } = await payload.find({
      collection: 'parliamentary-questions',
      depth: 0,
      draft: true,
      limit: 1,
      where: question.uin ? { uin: { equals: question.uin } } : { slug: { equals: slug } },
      ...access,
    })
    const data = { ...question, answer: question.answer ?? undefined, tags: question.tags }
    const existing = docs[0]
    if (!existing) {
      await payload.create({
        collection: 'parliamentary-questions',
        data: { ...data, _status: publish ? 'published' : 'draft', slug } as never,
        draft: !publish as true,
        ...access,
      })
      result.created++
      continue
    }
    if (
      (existing.answer ?? null) === (question.answer ?? null) &&
      (existing.dateAnswered ?? '').slice(0, 10) === (question.dateAnswered ?? '')
    ) {
      result.unchanged++
      continue
    }
    await payload.update({
      collection: 'parliamentary-questions',
      data: { ...data, ...(publish ? { _status: 'published' } : {}) } as never,
      draft: (!publish && existing._status !== 'published') as true,
      id: existing.id,
      ...access,
    })
    result.updated++
  }
  return result
}
