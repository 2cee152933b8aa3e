/** Reading and writing subscriber records as the hub itself (access rules do not apply to these). */
import type { Payload, PayloadRequest, Where } from 'payload'

import type { Subscriber } from '../../payload-types'

import { normaliseEmail } from './subscription-input'
import { SYSTEM_CONTEXT } from './system-context'

const findSubscriber = async ({
  payload,
  req,
  where,
}: {
  payload: Payload
  req?: PayloadRequest
  where: Where
}): Promise<null | Subscriber> =>
  (await payload.find({ collection: 'subscribers', depth: 0, limit: 1, overrideAccess: true, req, where })).docs[0] ?? null

export const findSubscriberByEmail = ({ email, payload, req }: { email: string; payload: Payload; req?: PayloadRequest }) =>
  findSubscriber({ payload, req, where: { email: { equals: normaliseEmail(email) } } })

/** Writes as the hub, not as staff: the collection's hooks let these changes through. */
export const saveSubscriber = ({
  data,
  id,
  payload,
  req,
}: {
  data: Partial<Subscriber>
  id: number | string
  payload: Payload
  req?: PayloadRequest
}) => payload.update({ collection: 'subscribers', context: SYSTEM_CONTEXT, data, depth: 0, id, overrideAccess: true, req })
