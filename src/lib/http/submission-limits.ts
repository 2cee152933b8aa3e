import type { RateLimiter, RateLimitSlot } from './rate-limit'

import { env } from '../env'
import { createRateLimiter } from './rate-limit'

/** The window of the public forms' limits. */
export const FORM_LIMIT_SECONDS = 10 * 60

/**
 * Submissions of the public forms (question, newsletter sign-up, feedback) that were not accepted, per
 * client address: typing mistakes are forgiven, a flood of failing posts is not.
 */
export const refusedSubmissions = createRateLimiter({
  durationSeconds: FORM_LIMIT_SECONDS,
  name: 'refused-submissions',
  points: () => env().REFUSED_SUBMISSION_RATE_LIMIT_MAX,
})

export type Slot = { key: string; limiter: RateLimiter }

/**
 * The start of a public form submission: counted as refused until `acceptSubmission` says otherwise, so a
 * failure of any kind (field errors, honeypot, a limit) counts without each path having to. Refused once
 * the address has sent too many failing submissions.
 */
export const beginSubmission = ({ ip }: { ip: string }): Promise<RateLimitSlot> => refusedSubmissions.take({ key: ip })

/**
 * A submission that passed every check: takes one slot of each limit (all or none) and, when they allow it,
 * takes back the "refused" count made by `beginSubmission`. Only accepted submissions use these slots.
 */
export const acceptSubmission = async ({
  ip,
  slots,
}: {
  ip: string
  slots: Slot[]
}): Promise<RateLimitSlot & { refusedBy?: RateLimiter }> => {
  const taken: Slot[] = []
  for (const slot of slots) {
    const outcome = await slot.limiter.take({ key: slot.key })
    if (!outcome.allowed) {
      await Promise.all(taken.map((each) => each.limiter.refund({ key: each.key })))
      return { ...outcome, refusedBy: slot.limiter }
    }
    taken.push(slot)
  }
  await refusedSubmissions.refund({ key: ip })
  return { allowed: true, retryAfterSeconds: 0 }
}

/** "about 7 minutes", for messages that say when to try again. */
export const waitText = ({ retryAfterSeconds }: { retryAfterSeconds: number }): string => {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
  return `${minutes} minute${minutes === 1 ? '' : 's'}`
}

export const TOO_MANY_REFUSED = 'Several forms sent from your connection could not be accepted in a short time.'
