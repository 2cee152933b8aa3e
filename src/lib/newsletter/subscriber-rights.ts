/** A subscriber's data rights: a copy of everything held about an address, and its erasure. */
import type { Payload } from 'payload'

import { findSubscriberByEmail } from './subscriber-store'
import { SYSTEM_CONTEXT } from './system-context'

/** Everything held about one address (a subject access request): the subscription, its consents and every issue sent. */
export const exportSubscriber = async ({ email, payload }: { email: string; payload: Payload }) => {
  const subscriber = await findSubscriberByEmail({ email, payload })
  if (!subscriber) return null
  const { docs } = await payload.find({
    collection: 'newsletter-deliveries',
    depth: 1,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    select: { attempts: true, email: true, lastError: true, newsletter: true, sentAt: true, status: true, unsubscribedAt: true },
    where: { subscriber: { equals: subscriber.id } },
  })
  const { tokenNonce: _secret, ...held } = subscriber
  return {
    deliveries: docs.map((delivery) => ({
      attempts: delivery.attempts,
      email: delivery.email,
      lastError: delivery.lastError ?? null,
      newsletter: typeof delivery.newsletter === 'object' ? delivery.newsletter.subject : delivery.newsletter,
      sentAt: delivery.sentAt ?? null,
      status: delivery.status,
      unsubscribedAt: delivery.unsubscribedAt ?? null,
    })),
    exportedAt: new Date().toISOString(),
    subscriber: held,
  }
}

/** Erases one address on request: the subscriber goes, and the collection's delete hook blanks its deliveries. */
export const eraseSubscriber = async ({ email, payload }: { email: string; payload: Payload }): Promise<boolean> => {
  const subscriber = await findSubscriberByEmail({ email, payload })
  if (!subscriber) return false
  await payload.delete({ collection: 'subscribers', context: SYSTEM_CONTEXT, id: subscriber.id, overrideAccess: true })
  return true
}
