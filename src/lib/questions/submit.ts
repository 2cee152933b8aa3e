import type { Payload } from 'payload'

import type { Suggestion } from '../questions-and-answers/suggest'

import { isDatabaseUnavailable, markFormWithoutErrors, markPageStatus, markUnavailablePage } from '../db/availability'
import { CLIENT_IP_HEADER } from '../http/client-ip'
import { FORM_LIMIT_SECONDS } from '../http/submission-limits'
import { suggestAnswers } from '../questions-and-answers/suggest'
import { searchLimiter } from '../search/api'
import { BEFORE_YOU_ASK_FIELD, BEFORE_YOU_ASK_SEEN } from './before-you-ask'
import { safeReturnPath } from '../site/urls'

export const ASK_FIELDS = ['name', 'jobTitle', 'organisation', 'email', 'telephone', 'question'] as const
export type AskField = (typeof ASK_FIELDS)[number]
export type AskValues = Partial<Record<AskField | 'newsletterOptIn' | 'publicationConsent' | 'sourcePath', string>>

export type AskResult =
  | { answers: Suggestion[]; kind: 'before-you-ask'; values: AskValues }
  | { errors: { field: string; message: string }[]; kind: 'invalid'; values: AskValues }
  | { kind: 'accepted'; reference: string }
  | { kind: 'rate-limited'; message: string; retryAfterSeconds: number; values: AskValues }
  | { kind: 'unavailable'; values: AskValues }

const text = (value: FormDataEntryValue | null | undefined): string => (typeof value === 'string' ? value : '')

/** Form fields in, a stored question (or field errors) out; the same rules as POST /api/questions. */
export const submitQuestion = async ({ form, ip, payload }: { form: FormData; ip: string; payload: Payload }): Promise<AskResult> => {
  const values: AskValues = Object.fromEntries(ASK_FIELDS.map((field) => [field, text(form.get(field)).trim()]))
  values.newsletterOptIn = form.get('newsletterOptIn') === 'yes' ? 'yes' : ''
  values.publicationConsent = form.get('publicationConsent') === 'yes' ? 'yes' : ''
  values.sourcePath = safeReturnPath(text(form.get('sourcePath')), '')
  // Without JavaScript, published answers that match are shown once before the question is sent.
  // Searching for them counts as a search: over the limit, the question simply goes on without them.
  if (form.get(BEFORE_YOU_ASK_FIELD) !== BEFORE_YOU_ASK_SEEN && values.question && (await searchLimiter.take({ key: ip })).allowed) {
    const answers = await suggestAnswers({ payload, text: values.question }).catch(() => [])
    if (answers.length) {
      markFormWithoutErrors()
      return { answers, kind: 'before-you-ask', values }
    }
  }
  try {
    const careArea = await careAreaFor({ path: values.sourcePath, payload })
    const created = await payload.create({
      collection: 'questions',
      data: {
        careArea: careArea ?? undefined,
        email: values.email,
        jobTitle: values.jobTitle || undefined,
        name: values.name,
        newsletterOptIn: values.newsletterOptIn === 'yes',
        organisation: values.organisation || undefined,
        publicationConsent: values.publicationConsent === 'yes',
        question: values.question,
        sourcePath: values.sourcePath || undefined,
        telephone: values.telephone || undefined,
        website: text(form.get('website')),
      } as never,
      overrideAccess: false,
      req: { headers: new Headers({ [CLIENT_IP_HEADER]: ip }) } as never,
    })
    return { kind: 'accepted', reference: String(created.reference) }
  } catch (error) {
    const failure = error as {
      data?: { errors?: { message: string; path: string }[]; retryAfterSeconds?: number }
      message: string
      status?: number
    }
    if (failure.status === 429) {
      // Not sent: keep every word typed, say when to try again, and let the page answer 429.
      const retryAfterSeconds = failure.data?.retryAfterSeconds ?? FORM_LIMIT_SECONDS
      markPageStatus({ retryAfterSeconds, status: 429 })
      return { kind: 'rate-limited', message: `Your question has not been sent. ${failure.message}`, retryAfterSeconds, values }
    }
    if (failure.status === 400 && failure.data?.errors?.length) {
      return { errors: failure.data.errors.map((problem) => ({ field: problem.path, message: problem.message })), kind: 'invalid', values }
    }
    if (failure.status === 400) return { errors: [{ field: 'question', message: failure.message }], kind: 'invalid', values }
    if (isDatabaseUnavailable(error)) {
      // Nothing was stored: say so, keep every word typed, and let the page answer 503.
      markUnavailablePage()
      return { kind: 'unavailable', values }
    }
    throw error
  }
}

/** The care area a question came from, when it was asked from a care area or guidance page. */
const careAreaFor = async ({ path, payload }: { path?: string; payload: Payload }) => {
  const slug = /^\/care-areas\/([^/?#]+)/.exec(path ?? '')?.[1]
  if (!slug) return null
  const { docs } = await payload.find({
    collection: 'care-areas',
    depth: 0,
    limit: 1,
    overrideAccess: false,
    where: { slug: { equals: slug } },
  })
  return docs[0]?.id ?? null
}
