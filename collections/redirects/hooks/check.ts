import type { CollectionBeforeChangeHook, CollectionBeforeValidateHook, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import type { Destination } from '../../../src/lib/redirects/targets'

import { destinationUrl, isReservedPath, normalisedPath } from '../../../src/lib/redirects/paths'
import { destinationAddress } from '../../../src/lib/redirects/targets'

const refuse = ({ message, path, req }: { message: string; path: string; req: PayloadRequest }): never => {
  throw new ValidationError({ collection: 'redirects', errors: [{ message, path }], req })
}

/** The old address stored as it is looked up (see normalisedPath), so two spellings of one address are one. */
export const normaliseFrom: CollectionBeforeValidateHook = ({ data }) => {
  if (data && typeof data.from === 'string') data.from = normalisedPath(data.from) ?? data.from
  if (data?.destination && typeof data.destination.url === 'string') data.destination.url = data.destination.url.trim()
  return data
}

/**
 * A redirect must lead somewhere that is not itself a redirect: loops (back to its own address) and chains (to
 * another old address, or from an address another redirect leads to) are refused, so every old address takes
 * a reader to a page in one step.
 */
export const refuseLoopsAndChains: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const from = normalisedPath(data.from)
  if (!from) return refuse({ message: 'Enter the old address as a path starting with /, like /journey/step2.html.', path: 'from', req })
  if (isReservedPath(from))
    return refuse({ message: `${from} is one of the hub's own addresses and cannot be redirected.`, path: 'from', req })
  const destination = (data.destination ?? {}) as Destination
  if (destination.type === 'url' && !destinationUrl(destination.url))
    return refuse({
      message: 'Enter the new address as a path on this site (starting with /) or an http(s) address.',
      path: 'destination.url',
      req,
    })
  if (destination.type !== 'url' && !destination.document?.value)
    return refuse({ message: 'Choose the page or document the old address leads to.', path: 'destination.document', req })

  const field = destination.type === 'url' ? 'destination.url' : 'destination.document'
  const address = await destinationAddress({ destination, payload: req.payload, req })
  if (destination.type !== 'url' && !address)
    return refuse({ message: 'That page or document is not published, so the old address would lead nowhere.', path: field, req })
  const target = address?.startsWith('/') ? normalisedPath(address) : null
  if (target === from) return refuse({ message: `This leads back to ${from} itself.`, path: field, req })

  const others = await req.payload.find({
    collection: 'redirects',
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    where: originalDoc?.id === undefined ? {} : { id: { not_equals: originalDoc.id } },
  })
  if (others.docs.some((other) => other.from === from)) return refuse({ message: `${from} is already redirected.`, path: 'from', req })
  if (target && others.docs.some((other) => other.from === target))
    return refuse({ message: `${target} is itself redirected: point this one to where that one leads.`, path: field, req })
  const leadingHere = others.docs.find(
    (other) =>
      other.destination?.type === 'url' && other.destination.url?.startsWith('/') && normalisedPath(other.destination.url) === from,
  )
  if (leadingHere)
    return refuse({
      message: `The redirect from ${leadingHere.from} leads to ${from}: change that one to lead where this one does.`,
      path: 'from',
      req,
    })
  return { ...data, from }
}
