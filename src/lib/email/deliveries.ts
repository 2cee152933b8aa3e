import type { Payload, PayloadRequest } from 'payload'

import type { SendResult } from './transport'

/** What is kept per sent message: enough to answer "was it sent?", no addresses or content. */
export type Delivery = { messageId: string; sentAt: string; transport: SendResult['transport'] }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Sent messages are recorded in Payload's key-value store (the payload-kv table every hub already has,
 * unique on key, written outside any transaction), so the record commits the moment the send succeeds
 * and is independent of the job's own state update.
 */
const deliveryKey = (messageId: string): string => `email-sent:${messageId}`

/**
 * The earlier delivery of this Message-ID, if any. Throws when the store cannot be read: better to wait than
 * to guess. With `req` (a field hook inside an operation) the read joins the request's transaction; the
 * key-value API always takes a connection of its own.
 */
export const findDelivery = async ({ messageId, payload, req }: { messageId: string; payload: Payload; req?: PayloadRequest }): Promise<Delivery | null> => {
  if (!req) return payload.kv.get<Delivery>(deliveryKey(messageId))
  const found = await payload.db.findOne<{ data: Delivery; id: number | string }>({ collection: 'payload-kv', req, where: { key: { equals: deliveryKey(messageId) } } })
  return found?.data ?? null
}

/**
 * Records a completed send. Never throws: the message is already out, and failing the job now would only
 * send it again. A write that keeps failing is logged; the job's own success entry is then the only record.
 */
export const recordDelivery = async ({ delivery, payload }: { delivery: Delivery; payload: Payload }): Promise<boolean> => {
  for (const pause of [0, 250, 1_000, 4_000]) {
    await sleep(pause)
    try {
      await payload.kv.set(deliveryKey(delivery.messageId), delivery)
      return true
    } catch (err) {
      payload.logger.warn({ err, messageId: delivery.messageId, msg: 'Could not record a sent email; trying again' })
    }
  }
  payload.logger.error({ messageId: delivery.messageId, msg: 'Sent email not recorded: a retry of its job would send it again' })
  return false
}
