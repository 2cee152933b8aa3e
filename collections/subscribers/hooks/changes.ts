import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { ValidationError } from 'payload'

import type { Subscriber } from '../../../src/payload-types'

import { CONSENT_SOURCES } from '../../../src/lib/newsletter/consent'

const isSystemWrite = (context: Record<string, unknown>) => context.newsletterSystem === true

/**
 * Staff may end a subscription (someone asks by phone or letter) but never start or confirm one: that is
 * for the subscriber, by email. An unsubscribe by staff is recorded like any other.
 */
export const staffMayOnlyUnsubscribe: CollectionBeforeChangeHook<Subscriber> = ({ context, data, operation, originalDoc, req }) => {
  if (operation !== 'update' || isSystemWrite(context) || !originalDoc || !data.status || data.status === originalDoc.status) return data
  if (data.status !== 'unsubscribed') {
    throw new ValidationError({
      collection: 'subscribers',
      errors: [
        {
          message: 'Only the subscriber can confirm a subscription, by the link in their email. Staff can only unsubscribe someone.',
          path: 'status',
        },
      ],
      req,
    })
  }
  const now = new Date().toISOString()
  const past = (originalDoc.consents ?? []).map(({ action, at, source, topics, wording }) => ({ action, at, source, topics, wording }))
  return {
    ...data,
    consents: [...past, { action: 'unsubscribed' as const, at: now, source: `${CONSENT_SOURCES.staff}:${req.user?.email ?? 'unknown'}` }],
    unsubscribedAt: now,
  }
}

/** "Unsubscribes since" for each issue: the issues this person had already been sent are marked. */
export const noteUnsubscribeOnDeliveries: CollectionAfterChangeHook<Subscriber> = async ({ doc, previousDoc, req }) => {
  if (doc.status !== 'unsubscribed' || previousDoc?.status === 'unsubscribed') return doc
  await req.payload.update({
    collection: 'newsletter-deliveries',
    data: { unsubscribedAt: doc.unsubscribedAt ?? new Date().toISOString() },
    depth: 0,
    overrideAccess: true,
    req,
    where: { and: [{ subscriber: { equals: doc.id } }, { status: { equals: 'sent' } }, { unsubscribedAt: { exists: false } }] },
  })
  return doc
}

/**
 * Erasure: the deliveries stay (each issue's figures must still add up) but no longer say who they were for.
 * Copies not sent yet are skipped rather than sent to an erased person. Runs before the delete, while the
 * deliveries still point at the subscriber (the database then clears that link).
 */
export const forgetErasedSubscriber: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.update({
    collection: 'newsletter-deliveries',
    data: { email: 'erased@erased.invalid' },
    depth: 0,
    overrideAccess: true,
    req,
    where: { subscriber: { equals: id } },
  })
  await req.payload.update({
    collection: 'newsletter-deliveries',
    data: { lastError: 'Subscriber erased before this copy was sent', status: 'skipped' },
    depth: 0,
    overrideAccess: true,
    req,
    where: { and: [{ subscriber: { equals: id } }, { status: { in: ['queued'] } }] },
  })
}
