import type { CollectionBeforeChangeHook, CollectionBeforeValidateHook, Payload, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import type { Destination } from '../../../src/lib/redirects/targets'

import { CHECKED_IN_BULK } from '../../../src/lib/redirects/csv'
import { destinationUrl, isReservedPath, localTarget, normalisedPath } from '../../../src/lib/redirects/paths'
import { destinationAddress, liveDocumentAt } from '../../../src/lib/redirects/targets'

const refuse = ({ message, path, req }: { message: string; path: string; req: PayloadRequest }): never => {
  throw new ValidationError({ collection: 'redirects', errors: [{ message, path }], req })
}

/** The old address stored as it is looked up (see normalisedPath), and a typed address as it is sent. */
export const normaliseFrom: CollectionBeforeValidateHook = ({ data }) => {
  if (data && typeof data.from === 'string') data.from = normalisedPath(data.from) ?? data.from
  if (data?.destination && typeof data.destination.url === 'string')
    data.destination.url = destinationUrl(data.destination.url) ?? data.destination.url
  return data
}

/** Redirects from `from` or to it (a typed address here), other than the one being saved: found by index, not by reading all. */
const neighbours = async ({
  from,
  id,
  payload,
  req,
  target,
}: {
  from: string
  id?: number | string
  payload: Payload
  req: PayloadRequest
  target: null | string
}) =>
  (
    await payload.find({
      collection: 'redirects',
      depth: 0,
      limit: 10,
      overrideAccess: true,
      pagination: false,
      req,
      where: {
        and: [
          ...(id === undefined ? [] : [{ id: { not_equals: id } }]),
          {
            or: [
              { from: { in: target ? [from, target] : [from] } },
              { 'destination.url': { equals: from } },
              { 'destination.url': { like: `${from}?` } },
            ],
          },
        ],
      },
    })
  ).docs

/**
 * Problems with one redirect, by field: an address the hub uses itself or a page lives at; a destination that
 * is no address, unpublished, or leads back (a loop); chains (to another old address, or from one another
 * redirect leads to), so every old address takes a reader to a page in one step.
 */
export const redirectProblems = async ({
  destination,
  from: typed,
  id,
  payload,
  req,
}: {
  destination: Destination
  from: unknown
  id?: number | string
  payload: Payload
  req: PayloadRequest
}): Promise<null | { message: string; path: string }> => {
  const from = normalisedPath(typed)
  if (!from) return { message: 'Enter the old address as a path starting with /, like /journey/step2.html.', path: 'from' }
  if (isReservedPath(from)) return { message: `${from} is one of the hub's own addresses and cannot be redirected.`, path: 'from' }
  const field = destination.type === 'url' ? 'destination.url' : 'destination.document'
  if (destination.type === 'url' && !destinationUrl(destination.url))
    return { message: 'Enter the new address as a path on this site (starting with /) or an http(s) address.', path: field }
  if (destination.type !== 'url' && !destination.document?.value)
    return { message: 'Choose the page or document the old address leads to.', path: field }
  const address = await destinationAddress({ destination, payload, req })
  if (!address) return { message: 'That page or document is not published, so the old address would lead nowhere.', path: field }
  const target = localTarget(address)
  if (target === from) return { message: `This leads back to ${from} itself.`, path: field }
  const live = await liveDocumentAt({ path: from, payload, req })
  if (live) return { message: `A published page lives at ${from}: it cannot be redirected.`, path: 'from' }
  const others = await neighbours({ from, id, payload, req, target })
  if (others.some((other) => other.from === from)) return { message: `${from} is already redirected.`, path: 'from' }
  if (target && others.some((other) => other.from === target))
    return { message: `${target} is itself redirected: point this one to where that one leads.`, path: field }
  const leadingHere = others.find((other) => other.destination?.type === 'url' && localTarget(other.destination.url) === from)
  if (leadingHere)
    return { message: `The redirect from ${leadingHere.from} leads to ${from}: change that one to lead where this one does.`, path: 'from' }
  return null
}

export const refuseLoopsAndChains: CollectionBeforeChangeHook = async ({ context, data, originalDoc, req }) => {
  if (context[CHECKED_IN_BULK]) return data
  const problem = await redirectProblems({
    destination: (data.destination ?? {}) as Destination,
    from: data.from,
    id: originalDoc?.id,
    payload: req.payload,
    req,
  })
  if (problem) refuse({ ...problem, req })
  return data
}
