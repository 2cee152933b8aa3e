import type { CollectionSlug, Plugin } from 'payload'

import { NotFound } from '../../../collections/not-found'
import { redirectsCollection } from '../../../collections/redirects'
import { MOVABLE_TARGETS, REDIRECT_TARGETS } from '../../lib/redirects/targets'
import { redirectsWhenMoved } from '../../lib/redirects/moves'
import { capabilityPlugin } from '../capability'

/**
 * Redirects from old addresses: the static site's (added by editors or imported from CSV) and a page's own
 * when it moves or is renamed; and the "Not found" report of old addresses readers still ask for. Added after the content capabilities, so it leads only to collections this hub
 * has, and before the page cache's plugin, which makes a change to a redirect empty the cache.
 */
export const redirectsPlugin = (): Plugin => (incoming) => {
  const present = new Set((incoming.collections ?? []).map((collection) => collection.slug))
  const targets = REDIRECT_TARGETS.filter((slug) => present.has(slug)) as CollectionSlug[]
  const config = capabilityPlugin({ collections: [redirectsCollection({ targets }), NotFound] })(incoming) as Awaited<ReturnType<Plugin>>
  return {
    ...config,
    collections: config.collections?.map((collection) =>
      (MOVABLE_TARGETS as readonly string[]).includes(collection.slug) ? redirectsWhenMoved(collection) : collection,
    ),
  }
}
