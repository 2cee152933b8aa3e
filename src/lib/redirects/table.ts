import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import type { Destination } from './targets'

import { heldUntilChange } from '../cache/until-change'
import { isReservedPath, localTarget, normalisedPath } from './paths'
import { destinationAddress } from './targets'

type Row = { destination: Destination; statusCode: 301 | 302 }

type Table = { locations: Map<string, string>; rows: Map<string, Row> }

/**
 * Every redirect, held in memory and read again after any content change (a redirect's or a document's, which
 * can move its address): the same signal that empties the page cache, on every instance.
 */
const currentTable = heldUntilChange<Table>({
  load: async ({ payload }) => {
    const { docs } = await payload.find({ collection: 'redirects', depth: 0, limit: 0, overrideAccess: true, pagination: false })
    const rows = new Map<string, Row>()
    for (const doc of docs) {
      const from = normalisedPath(doc.from)
      if (from) rows.set(from, { destination: doc.destination as Destination, statusCode: doc.statusCode === '302' ? 302 : 301 })
    }
    return { locations: new Map(), rows }
  },
})

/** Where an old address leads now, with the status to send; null when it is no redirect or leads nowhere. */
export const redirectFor = async ({
  path,
  payload,
}: {
  path: string
  payload: Payload
}): Promise<null | { location: string; status: 301 | 302 }> => {
  const from = normalisedPath(path)
  if (!from || isReservedPath(from)) return null
  const table = await currentTable({ payload })
  const row = table.rows.get(from)
  if (!row) return null
  // A found address is kept until the next change; none (unpublished meanwhile) or an error is asked again next time.
  let address = table.locations.get(from) ?? null
  if (!address) {
    address = await destinationAddress({ destination: row.destination, payload })
    if (address) table.locations.set(from, address)
  }
  // Never to itself (a document that has since taken the old address back).
  return address && localTarget(address) !== from ? { location: address, status: row.statusCode } : null
}

/**
 * Old addresses answered with their redirect before the site renders anything. A failure to read redirects
 * (the database away) lets the request go on to the site rather than fail it.
 */
export const applyRedirects =
  ({ payload }: { payload: Payload }): RequestHandler =>
  (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !('redirects' in payload.collections)) return next()
    redirectFor({ path: req.path, payload }).then(
      (found) => {
        if (!found) return next()
        // Browsers keep a permanent redirect for a day, not for ever, so a corrected one reaches them; a temporary one not at all.
        res.setHeader('Cache-Control', found.status === 301 ? 'public, max-age=86400' : 'no-store')
        res.redirect(found.status, found.location)
      },
      () => next(),
    )
  }
