/**
 * A subscription from sign-up to its end: asked for, confirmed by email, topics changed, unsubscribed, or
 * suppressed after a hard bounce. Every step adds to the subscriber's consent record.
 */
import type { Payload, PayloadRequest } from 'payload'

import { randomBytes } from 'node:crypto'

import type { Subscriber } from '../../payload-types'
import type { ConsentAction, ConsentWording } from './consent'
import type { TokenFailure } from './subscriber-token'
import type { FieldError } from './subscription-input'
import type { TokenPurpose } from './tokens'

import { inTransaction } from '../db/transaction'
import { queueEmail } from '../email/queue'
import { readSiteSettings } from '../site/settings'
import { CONSENT_SOURCES } from './consent'
import { confirmUrl, manageUrl } from './links'
import { alreadySubscribedEmail, confirmationEmail } from './messages'
import { findSubscriberByEmail, saveSubscriber } from './subscriber-store'
import { subscriberForToken } from './subscriber-token'
import { normaliseEmail, validateTopics } from './subscription-input'
import { SYSTEM_CONTEXT } from './system-context'
import { orderedTopics } from './topics'

/** A new subscription email to the same address waits this long, so nobody can flood someone's inbox. */
export const RESEND_AFTER_MS = 10 * 60 * 1000

const newNonce = (): string => randomBytes(16).toString('base64url')

type Consent = NonNullable<Subscriber['consents']>[number]

const consent = ({
  action,
  now,
  source,
  topics,
  wording,
}: {
  action: ConsentAction
  now: Date
  source: string
  topics?: readonly string[]
  wording?: ConsentWording | null
}): Consent => ({ action, at: now.toISOString(), source, topics: topics ? topics.join(', ') : undefined, wording: wording ?? undefined })

/** Past consents as stored, without the ids Payload gave them, ready to be written back with one more. */
const withConsent = (subscriber: Pick<Subscriber, 'consents'> | null, entry: Consent): Consent[] => [
  ...(subscriber?.consents ?? []).map(({ action, at, source, topics, wording }) => ({ action, at, source, topics, wording })),
  entry,
]

export type SignupOutcome = 'already-subscribed' | 'confirmation-sent' | 'throttled'

/**
 * Someone asks to subscribe (the sign-up page, or the opt-in on the question form). A new or lapsed address
 * becomes `unconfirmed` and is sent a confirmation link; an address already confirmed is only told so, with
 * a link to its preferences (so nobody can change another person's topics from the sign-up form). The
 * answer to the visitor is the same whichever happened, so the form does not reveal who is subscribed.
 */
export const requestSubscription = async ({
  email,
  now = new Date(),
  payload,
  req,
  source,
  topics,
  wording,
}: {
  email: string
  now?: Date
  payload: Payload
  req?: PayloadRequest
  source: string
  topics: readonly string[]
  wording: ConsentWording
}): Promise<SignupOutcome> => {
  const address = normaliseEmail(email)
  const attempt = () =>
    inTransaction({
      payload,
      req,
      work: async (txReq) => {
        const existing = await findSubscriberByEmail({ email: address, payload, req: txReq })
        const sentAt = existing?.confirmationSentAt ? new Date(existing.confirmationSentAt).getTime() : 0
        if (existing && now.getTime() - sentAt < RESEND_AFTER_MS) return 'throttled' as const
        const { siteName } = await readSiteSettings({ payload })
        if (existing?.status === 'confirmed' && !existing.suppressedAt) {
          await saveSubscriber({ data: { confirmationSentAt: now.toISOString() }, id: existing.id, payload, req: txReq })
          await queueEmail({
            payload,
            req: txReq,
            to: address,
            ...alreadySubscribedEmail({ manageUrl: manageUrl({ now, secret: payload.secret, subscriber: existing }), siteName }),
          })
          return 'already-subscribed' as const
        }
        const chosen = orderedTopics(topics)
        const entry = consent({ action: 'requested', now, source, topics: chosen, wording })
        // A lapsed subscription starts again: links sent before it ended stop working.
        const tokenNonce = existing?.status === 'unconfirmed' && existing.tokenNonce ? existing.tokenNonce : newNonce()
        const data = {
          confirmationSentAt: now.toISOString(),
          consents: withConsent(existing, entry),
          status: 'unconfirmed' as const,
          tokenNonce,
          topics: chosen,
        }
        const subscriber = existing
          ? await saveSubscriber({ data, id: existing.id, payload, req: txReq })
          : await payload.create({
              collection: 'subscribers',
              context: SYSTEM_CONTEXT,
              data: { ...data, email: address, source },
              depth: 0,
              overrideAccess: true,
              req: txReq,
            })
        await queueEmail({
          payload,
          req: txReq,
          to: address,
          ...confirmationEmail({
            confirmUrl: confirmUrl({ now, secret: payload.secret, subscriber: { ...subscriber, tokenNonce } }),
            siteName,
            topics: chosen,
          }),
        })
        return 'confirmation-sent' as const
      },
    })
  try {
    return await attempt()
  } catch (error) {
    // Two sign-ups for one new address at once: the other one created it and sent the email.
    if (!req && (await findSubscriberByEmail({ email: address, payload }))) return 'throttled'
    throw error
  }
}

const lastRequestWording = (subscriber: Subscriber): ConsentWording | null =>
  ([...(subscriber.consents ?? [])].reverse().find((entry) => entry.action === 'requested')?.wording as ConsentWording | undefined) ?? null

/** The confirmation link: the address is proven, and the subscription starts (clearing any old suppression). */
export const confirmSubscription = async ({
  now = new Date(),
  payload,
  source,
  token,
}: {
  now?: Date
  payload: Payload
  source: string
  token: unknown
}) => {
  const found = await subscriberForToken({ now, payload, purposes: ['confirm'], token })
  if (!found.ok) return found
  const { subscriber } = found
  if (subscriber.status === 'confirmed') return { already: true, ok: true as const, subscriber }
  if (subscriber.status !== 'unconfirmed') return { ok: false as const, reason: 'invalid' as const }
  const topics = orderedTopics(subscriber.topics)
  const confirmed = await saveSubscriber({
    data: {
      confirmedAt: now.toISOString(),
      consents: withConsent(subscriber, consent({ action: 'confirmed', now, source, topics, wording: lastRequestWording(subscriber) })),
      status: 'confirmed',
      suppressedAt: null,
      suppressionReason: null,
      unsubscribedAt: null,
    },
    id: subscriber.id,
    payload,
  })
  return { already: false, ok: true as const, subscriber: confirmed }
}

/**
 * Ends a subscription from a signed link: the unsubscribe link and List-Unsubscribe (purpose
 * `unsubscribe`) or the preferences page (purpose `manage`). Doing it twice is harmless.
 */
export const unsubscribe = async ({
  now = new Date(),
  payload,
  purposes = ['unsubscribe'],
  source,
  token,
}: {
  now?: Date
  payload: Payload
  purposes?: TokenPurpose[]
  source: string
  token: unknown
}) => {
  const found = await subscriberForToken({ now, payload, purposes, token })
  if (!found.ok) return found
  const { subscriber } = found
  if (subscriber.status === 'unsubscribed') return { already: true, ok: true as const, subscriber }
  const updated = await saveSubscriber({
    data: {
      consents: withConsent(subscriber, consent({ action: 'unsubscribed', now, source })),
      status: 'unsubscribed',
      unsubscribedAt: now.toISOString(),
    },
    id: subscriber.id,
    payload,
  })
  return { already: false, ok: true as const, subscriber: updated }
}

/** A confirmed subscriber changes their topics on the preferences page (at least one; otherwise unsubscribe). */
export const updatePreferences = async ({
  now = new Date(),
  payload,
  source,
  token,
  topics,
  wording,
}: {
  now?: Date
  payload: Payload
  source: string
  token: unknown
  topics: unknown
  wording: ConsentWording
}): Promise<TokenFailure | { errors: FieldError[]; ok: false; reason: 'invalid-input' } | { ok: true; subscriber: Subscriber }> => {
  const found = await subscriberForToken({ now, payload, purposes: ['manage'], token })
  if (!found.ok) return found
  if (found.subscriber.status !== 'confirmed') return { ok: false, reason: 'invalid' }
  const errors = validateTopics({ topics })
  if (errors.length) return { errors, ok: false, reason: 'invalid-input' }
  const chosen = orderedTopics(Array.isArray(topics) ? topics : [topics])
  const subscriber = await saveSubscriber({
    data: {
      consents: withConsent(found.subscriber, consent({ action: 'topics-changed', now, source, topics: chosen, wording })),
      topics: chosen,
    },
    id: found.subscriber.id,
    payload,
  })
  return { ok: true, subscriber }
}

/** A hard bounce: no more newsletters to this address until its owner confirms it again. */
export const suppressSubscriber = async ({
  id,
  now = new Date(),
  payload,
  reason,
}: {
  id: number | string
  now?: Date
  payload: Payload
  reason: string
}) => {
  const subscriber = await payload.findByID({ collection: 'subscribers', depth: 0, disableErrors: true, id, overrideAccess: true })
  if (!subscriber || subscriber.suppressedAt) return
  await saveSubscriber({
    data: {
      consents: withConsent(subscriber, consent({ action: 'suppressed', now, source: CONSENT_SOURCES.bounce })),
      suppressedAt: now.toISOString(),
      suppressionReason: reason.slice(0, 1000),
    },
    id,
    payload,
  })
}
