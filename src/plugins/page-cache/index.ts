import type { Plugin } from 'payload'

import { globalInvalidatesPageCache, invalidatesPageCache } from '../../lib/cache/hooks'

/**
 * The page cache's invalidation: a change to any collection or global with `custom: { pageCache: true }`
 * empties the cache here and on every other instance. Listed after the plugins that add them.
 */
export const pageCachePlugin = (): Plugin => (config) => ({
  ...config,
  collections: config.collections?.map((collection) => (collection.custom?.pageCache ? invalidatesPageCache(collection) : collection)),
  globals: config.globals?.map((global) => (global.custom?.pageCache ? globalInvalidatesPageCache(global) : global)),
})
