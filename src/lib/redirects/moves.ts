import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionConfig, Payload, PayloadRequest, Where } from 'payload'

import { localTarget, normalisedPath } from './paths'
import { documentAddress } from './targets'

// What a save's beforeChange saw the site serve, for its afterChange (keyed by collection and id).
const BEFORE = 'redirects.addressBefore'

type Key = number | string

/** Published guidance pages directly under a care area (its top level) or under a page. */
const childPages = async ({ payload, req, where }: { payload: Payload; req: PayloadRequest; where: Where }): Promise<Key[]> =>
  (
    await payload.find({
      collection: 'pages',
      depth: 0,
      draft: false,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      req,
      where: { and: [{ _status: { equals: 'published' } }, where] },
    })
  ).docs.map((page) => page.id)

/** Every published page whose address hangs below this document's: a moved care area or page moves them all. */
const descendants = async ({ collection, id, req }: { collection: string; id: Key; req: PayloadRequest }): Promise<Key[]> => {
  const { payload } = req
  if (!('pages' in payload.collections)) return []
  const found: Key[] = []
  let level =
    collection === 'care-areas'
      ? await childPages({ payload, req, where: { and: [{ careArea: { equals: id } }, { parent: { exists: false } }] } })
      : collection === 'pages'
        ? await childPages({ payload, req, where: { parent: { equals: id } } })
        : []
  // Bounded as the page tree is (see MAX_GUIDANCE_DEPTH), and never revisiting a page.
  while (level.length && found.length < 10_000) {
    const fresh = level.filter((pageId) => !found.includes(pageId))
    found.push(...fresh)
    level = fresh.length ? await childPages({ payload, req, where: { parent: { in: fresh } } }) : []
  }
  return found
}

/** Removes any redirect from `path`: a document published there takes its address back. */
const takeBack = async ({ path, req }: { path: string; req: PayloadRequest }) => {
  await req.payload.delete({ collection: 'redirects', depth: 0, overrideAccess: true, req, where: { from: { equals: path } } })
}

/**
 * Points `from` at the document: a redirect already there is re-aimed, and redirects typed to lead to `from`
 * now lead to the document too, so no chain forms.
 */
const pointAt = async ({ collection, from, id, req }: { collection: string; from: string; id: Key; req: PayloadRequest }) => {
  const { payload } = req
  const destination = { document: { relationTo: collection, value: id }, type: 'document' }
  const common = { depth: 0, overrideAccess: true, req } as const
  const leadingHere = await payload.find({
    collection: 'redirects',
    ...common,
    limit: 0,
    pagination: false,
    where: { or: [{ 'destination.url': { equals: from } }, { 'destination.url': { like: `${from}?` } }] },
  })
  for (const other of leadingHere.docs) {
    if (localTarget(other.destination?.url) === from)
      await payload.update({ collection: 'redirects', ...common, data: { destination: destination as never }, id: other.id })
  }
  const existing = await payload.find({ collection: 'redirects', ...common, limit: 1, where: { from: { equals: from } } })
  if (existing.docs[0])
    await payload.update({ collection: 'redirects', ...common, data: { destination: destination as never }, id: existing.docs[0].id })
  else
    await payload.create({
      collection: 'redirects',
      ...common,
      data: { destination: destination as never, from, origin: 'moved', statusCode: '301' },
    })
}

/** Remembers where the site serves the document before a save that publishes it. */
const rememberAddress =
  ({ collection }: { collection: string }): CollectionBeforeChangeHook =>
  async ({ data, operation, originalDoc, req }) => {
    if (operation !== 'update' || originalDoc?.id === undefined || data._status !== 'published') return data
    const before = await documentAddress({ collection, id: originalDoc.id, payload: req.payload, req })
    if (before) {
      const seen = (req.context[BEFORE] ??= {}) as Record<string, string>
      seen[`${collection} ${originalDoc.id}`] = before
    }
    return data
  }

/**
 * When a document is published, any redirect from its address goes (it lives there now). When its address
 * changed (a new slug, a new parent or care area), its old address and those of the pages below it become
 * redirects to them, so links and bookmarks keep working.
 */
const redirectOldAddresses =
  ({ collection }: { collection: string }): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    if (doc._status !== 'published') return doc
    const after = await documentAddress({ collection, id: doc.id, payload: req.payload, req })
    const here = normalisedPath(after)
    if (!here) return doc
    await takeBack({ path: here, req })
    const before = (req.context[BEFORE] as Record<string, string> | undefined)?.[`${collection} ${doc.id}`]
    const from = normalisedPath(before)
    if (!before || !from || from === here) return doc
    await pointAt({ collection, from, id: doc.id, req })
    for (const pageId of await descendants({ collection, id: doc.id, req })) {
      const now = await documentAddress({ collection: 'pages', id: pageId, payload: req.payload, req })
      const old = now?.startsWith(`${after}/`) ? normalisedPath(`${before}${now.slice(after!.length)}`) : null
      const nowPath = normalisedPath(now)
      if (!old || !nowPath) continue
      await takeBack({ path: nowPath, req })
      await pointAt({ collection: 'pages', from: old, id: pageId, req })
    }
    return doc
  }

/** The collection with its moves turned into redirects (for collections whose documents have a public address). */
export const redirectsWhenMoved = (config: CollectionConfig): CollectionConfig => ({
  ...config,
  hooks: {
    ...config.hooks,
    afterChange: [...(config.hooks?.afterChange ?? []), redirectOldAddresses({ collection: config.slug })],
    beforeChange: [...(config.hooks?.beforeChange ?? []), rememberAddress({ collection: config.slug })],
  },
})
