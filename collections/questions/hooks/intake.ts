import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { APIError } from 'payload'

import { DESK, hasRole } from '../../../src/lib/access'
import { CLIENT_IP_HEADER } from '../../../src/lib/http/client-ip'
import { acceptSubmission, beginSubmission, TOO_MANY_REFUSED, waitText } from '../../../src/lib/http/submission-limits'
import { emailKey, questionsPerAddress, questionsPerEmail } from '../../../src/lib/questions/rate-limit'
import { questionReference, randomQuestionReference, referenceKey } from '../../../src/lib/questions/reference'
import { normaliseUkPhone } from '../../../src/lib/questions/validate'

export const HONEYPOT_FIELD = 'website'

const fromDesk = (user: unknown) => hasRole({ roles: DESK, user: user as never })

/** Marks a create as a public submission, for the hooks that run after validation. */
type PublicQuestion = { ip: string }
const PUBLIC_QUESTION = 'publicQuestion'

/** 429 with Retry-After: the REST answer carries the header, the site form reads `retryAfterSeconds`. */
const tooMany = ({ message, req, retryAfterSeconds }: { message: string; req: PayloadRequest; retryAfterSeconds: number }) => {
  const headers = new Headers(req.responseHeaders)
  headers.set('Retry-After', String(retryAfterSeconds))
  req.responseHeaders = headers
  return new APIError(`${message} Please wait ${waitText({ retryAfterSeconds })} and try again.`, 429, { retryAfterSeconds }, true)
}

/**
 * Public questions: counted as refused until accepted (see acceptPublicQuestion), so field errors cost the
 * asker nothing while a flood of failing posts is stopped (429). A filled honeypot is refused before
 * anything is stored. Trusted server code and the desk are not limited.
 */
export const screenPublicQuestion: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' || fromDesk(req.user) || args.overrideAccess) return args
  const ip = req.headers?.get?.(CLIENT_IP_HEADER) ?? 'unknown'
  const attempt = await beginSubmission({ ip })
  if (!attempt.allowed) throw tooMany({ message: TOO_MANY_REFUSED, req, retryAfterSeconds: attempt.retryAfterSeconds })
  req.context[PUBLIC_QUESTION] = { ip } satisfies PublicQuestion
  const data = (args.data ?? {}) as Record<string, unknown>
  if (typeof data[HONEYPOT_FIELD] === 'string' && (data[HONEYPOT_FIELD] as string).trim()) {
    throw new APIError('Your question could not be accepted.', 400, { field: HONEYPOT_FIELD }, true)
  }
  return args
}

/**
 * A public question that passed validation and is stored (not yet committed) uses one slot of its address's
 * limit and one of its asker email's. Over either limit it is refused with 429, which rolls the question back.
 */
export const acceptPublicQuestion: CollectionAfterChangeHook = async ({ data, doc, operation, req }) => {
  const submitted = req.context[PUBLIC_QUESTION] as PublicQuestion | undefined
  if (operation !== 'create' || !submitted) return doc
  const slot = await acceptSubmission({
    ip: submitted.ip,
    slots: [
      { key: emailKey(data.email), limiter: questionsPerEmail },
      { key: submitted.ip, limiter: questionsPerAddress },
    ],
  })
  if (!slot.allowed) {
    const message =
      slot.refusedBy === questionsPerEmail
        ? 'Several questions have been sent from this email address in a short time.'
        : 'Several questions have been sent from your connection in a short time.'
    throw tooMany({ message, req, retryAfterSeconds: slot.retryAfterSeconds })
  }
  return doc
}

/**
 * New questions get a received time from the server, status "new", and a normalised phone number. The
 * reference comes once the question has its id (assignReference, below).
 */
export const stampNewQuestion: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { [HONEYPOT_FIELD]: _ignored, ...rest } = data as Record<string, unknown>
  return {
    ...rest,
    receivedAt: new Date().toISOString(),
    status: fromDesk(req.user) && typeof rest.status === 'string' ? rest.status : 'new',
    telephone: typeof rest.telephone === 'string' && rest.telephone.trim() ? normaliseUkPhone(rest.telephone) : undefined,
  }
}

/**
 * The reference people quote (Q-2026-004271), written in the same transaction as the question. It is made
 * from the question's id, so it is unique by construction across every instance (see questionReference);
 * the unique index stays as the last guard. MongoDB ids are not numbers: there a random reference is
 * checked against those stored, within the same transaction.
 */
export const assignReference: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create' || doc.reference) return doc
  const receivedAt = String(doc.receivedAt ?? new Date().toISOString())
  let reference: string
  if (typeof doc.id === 'number') {
    reference = questionReference({ id: doc.id, key: await referenceKey({ payload: req.payload, req }), receivedAt })
  } else {
    reference = randomQuestionReference({ receivedAt })
    for (let attempt = 0; attempt < 10; attempt++) {
      const clash = await req.payload.count({
        collection: 'questions',
        overrideAccess: true,
        req,
        where: { reference: { equals: reference } },
      })
      if (!clash.totalDocs) break
      reference = randomQuestionReference({ receivedAt })
    }
  }
  await req.payload.db.updateOne({ collection: 'questions', data: { reference }, id: doc.id, req, returning: false })
  return { ...doc, reference }
}
