import type { PayloadRequest } from 'payload'

import { APIError } from 'payload'

import type { FieldError } from '../input/json-body'
import type { Question } from '../../payload-types'

import { DESK, hasRole } from '../access'
import { inTransaction } from '../db/transaction'
import { isRecordId } from '../input/record-id'
import { checkText } from '../input/text'
import { adminRecordPath } from '../routes'
import { paragraph, richText } from '../richtext/build'
import { PUBLISHED_QUESTION_MAX, SOURCE_QUESTION } from './constants'

export type ProposeResult =
  { adminPath: string; id: number | string; ok: true } | { error: FieldError; ok: false; status: 400 | 403 | 404 | 409 }

const ANSWER_MAX = 20_000

const refuse = (status: 400 | 403 | 404 | 409, field: string, message: string): ProposeResult => ({
  error: { field, message },
  ok: false,
  status,
})

/** Plain text as the answer's rich text: a paragraph per paragraph typed. */
const answerFrom = (text: string) =>
  richText({
    children: text
      .split(/\n\s*\n/)
      .map((part) => part.replace(/\s*\n\s*/g, ' ').trim())
      .filter(Boolean)
      .map((part) => paragraph({ text: part })),
  })

const wordsOf = ({
  field,
  label,
  max,
  min,
  multiline,
  value,
}: {
  field: string
  label: string
  max: number
  min: number
  multiline: boolean
  value: unknown
}) => {
  if (typeof value !== 'string' || !value.trim()) return refuse(400, field, `Write ${label}.`)
  const characters = checkText({ label: `${label[0]!.toUpperCase()}${label.slice(1)}`, multiline, value })
  if (characters !== true) return refuse(400, field, characters)
  const text = value.trim()
  if (text.length < min) return refuse(400, field, `Write at least ${min} characters for ${label}.`)
  if (text.length > max) return refuse(400, field, `Keep ${label} to ${max.toLocaleString('en-GB')} characters or fewer.`)
  return { text }
}

/**
 * A responder proposes an answered question, whose asker agreed, for publication: the question and answer as
 * they should be published (edited, with nothing that says who asked) and a care area. The draft is created
 * with none of the asker's details, checked against them, and linked from the question in one transaction.
 */
export const proposeAnswer = async ({
  body,
  id,
  req,
}: {
  body: Record<string, unknown>
  id: string
  req: PayloadRequest
}): Promise<ProposeResult> => {
  if (!hasRole({ roles: DESK, user: req.user })) return refuse(403, 'user', 'Only the question desk proposes answers for publication.')
  const question = (await req.payload
    .findByID({ collection: 'questions', depth: 0, disableErrors: true, id, overrideAccess: false, req, user: req.user ?? undefined })
    .catch(() => null)) as null | Question
  if (!isRecordId(id) || !question) return refuse(404, 'id', 'No such question.')
  if (question.status !== 'answered' && question.status !== 'closed')
    return refuse(409, 'status', 'Answer the question before proposing it for publication.')
  if (!question.publicationConsent) return refuse(409, 'publicationConsent', 'The asker did not agree to their question being published.')
  if (question.publishedAs) return refuse(409, 'publishedAs', 'This question has already been proposed for publication.')
  const published = wordsOf({
    field: 'question',
    label: 'the question',
    max: PUBLISHED_QUESTION_MAX,
    min: 10,
    multiline: false,
    value: body.question,
  })
  if ('ok' in published) return published
  const answer = wordsOf({ field: 'answer', label: 'the answer', max: ANSWER_MAX, min: 10, multiline: true, value: body.answer })
  if ('ok' in answer) return answer
  const careArea = isRecordId(body.careArea)
    ? await req.payload
        .findByID({
          collection: 'care-areas',
          depth: 0,
          disableErrors: true,
          id: body.careArea,
          overrideAccess: false,
          req,
          user: req.user ?? undefined,
        })
        .catch(() => null)
    : null
  if (!careArea) return refuse(400, 'careArea', 'Choose the care area the answer belongs to.')
  if (body.givesClinicalInformation !== undefined && typeof body.givesClinicalInformation !== 'boolean')
    return refuse(400, 'givesClinicalInformation', 'Say true or false: does the answer give clinical information?')
  const asker = {
    email: question.email,
    jobTitle: question.jobTitle,
    name: question.name,
    organisation: question.organisation,
    telephone: question.telephone,
  }
  try {
    const created = await inTransaction({
      payload: req.payload,
      req,
      work: async (inner) => {
        inner.context = { ...inner.context, [SOURCE_QUESTION]: asker }
        // A write to the question first holds its row until this transaction ends: a second proposal sent meanwhile
        // (a double click, a colleague) waits here, then finds the link below and is refused.
        await req.payload.db.updateOne({
          collection: 'questions',
          data: { updatedAt: new Date().toISOString() },
          id: question.id,
          req: inner,
        })
        const now = await req.payload.findByID({ collection: 'questions', depth: 0, id: question.id, overrideAccess: true, req: inner })
        if (now.publishedAs)
          throw new APIError('This question has already been proposed for publication.', 409, { field: 'publishedAs' }, true)
        const draft = await req.payload.create({
          collection: 'questions-and-answers',
          data: {
            answer: answerFrom(answer.text) as never,
            careArea: careArea.id,
            givesClinicalInformation: body.givesClinicalInformation === true,
            question: published.text,
          },
          draft: true,
          overrideAccess: false,
          req: inner,
          user: req.user ?? undefined,
        })
        // The link lives on the question, which only the desk reads: the published record never points back at the asker.
        await req.payload.update({
          collection: 'questions',
          data: { publishedAs: draft.id },
          id: question.id,
          overrideAccess: true,
          req: inner,
        })
        return draft
      },
    })
    return { adminPath: adminRecordPath({ collection: 'questions-and-answers', id: created.id }), id: created.id, ok: true }
  } catch (error) {
    const failure = error as { data?: { errors?: { message: string; path: string }[]; field?: string }; message?: string; status?: number }
    const first = failure.data?.errors?.[0]
    if (failure.status === 400 && first) return refuse(400, first.path, first.message)
    if (failure.status === 409) return refuse(409, failure.data?.field ?? 'publishedAs', String(failure.message))
    throw error
  } finally {
    delete req.context[SOURCE_QUESTION]
  }
}
