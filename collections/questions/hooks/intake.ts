import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook } from 'payload'

import { APIError } from 'payload'

import { hasRole } from '../../../src/lib/access'
import { CLIENT_IP_HEADER } from '../../../src/lib/http/client-ip'
import { takeQuestionSlot } from '../../../src/lib/questions/rate-limit'
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

const referenceCandidate = (year: number) => `Q-${year}-${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`

/**
 * New questions get a reference people can quote (Q-2026-004271), a received time from the server, status
 * "new", and a normalised phone number. References are random within the year rather than a counter, so
 * instances never contend for one; the unique index plus this check make a clash practically impossible.
 */
export const stampNewQuestion: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const receivedAt = new Date()
  let reference = referenceCandidate(receivedAt.getUTCFullYear())
  for (let attempt = 0; attempt < 5; attempt++) {
    const clash = await req.payload.count({ collection: 'questions', overrideAccess: true, req, where: { reference: { equals: reference } } })
    if (!clash.totalDocs) break
    reference = referenceCandidate(receivedAt.getUTCFullYear())
  }
  const { [HONEYPOT_FIELD]: _ignored, ...rest } = data as Record<string, unknown>
  return {
    ...rest,
    receivedAt: receivedAt.toISOString(),
    reference,
    status: fromDesk(req.user) && typeof rest.status === 'string' ? rest.status : 'new',
    telephone: typeof rest.telephone === 'string' && rest.telephone.trim() ? normaliseUkPhone(rest.telephone) : undefined,
  }
}
