import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeOperationHook } from 'payload'

import { APIError } from 'payload'

import { hasRole } from '../../../src/lib/access'
import { CLIENT_IP_HEADER } from '../../../src/lib/http/client-ip'
import { takeQuestionSlot } from '../../../src/lib/questions/rate-limit'
import { questionReference, randomQuestionReference, referenceKey } from '../../../src/lib/questions/reference'
import { normaliseUkPhone } from '../../../src/lib/questions/validate'

export const HONEYPOT_FIELD = 'website'

const fromDesk = (user: unknown) => hasRole({ roles: ['admin', 'responder'], user: user as never })

/**
 * Public questions: a filled honeypot or too many questions from one address are refused before anything
 * is stored (429 with a retry time). Trusted server code and the desk are not limited.
 */
export const screenPublicQuestion: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' || fromDesk(req.user) || args.overrideAccess) return args
  const data = (args.data ?? {}) as Record<string, unknown>
  if (typeof data[HONEYPOT_FIELD] === 'string' && (data[HONEYPOT_FIELD] as string).trim()) {
    throw new APIError('Your question could not be accepted.', 400, { field: HONEYPOT_FIELD }, true)
  }
  const ip = req.headers?.get?.(CLIENT_IP_HEADER) ?? 'unknown'
  const slot = takeQuestionSlot({ key: ip })
  if (!slot.allowed) {
    throw new APIError(
      `You have sent several questions in a short time. Please wait ${Math.ceil(slot.retryAfterSeconds / 60)} minutes and try again.`,
      429,
      { retryAfterSeconds: slot.retryAfterSeconds },
      true,
    )
  }
  return args
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
      const clash = await req.payload.count({ collection: 'questions', overrideAccess: true, req, where: { reference: { equals: reference } } })
      if (!clash.totalDocs) break
      reference = randomQuestionReference({ receivedAt })
    }
  }
  await req.payload.db.updateOne({ collection: 'questions', data: { reference }, id: doc.id, req, returning: false })
  return { ...doc, reference }
}
