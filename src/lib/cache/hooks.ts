import type { CollectionConfig, GlobalConfig } from 'payload'

import { invalidatePageCache } from './page-cache'

/**
 * Any change to content the site shows drops the page cache. Saving a draft does too: cheap, and
 * simpler to trust than working out which pages a change can reach (lists, blocks, navigation).
 */
const invalidate = () => invalidatePageCache()

export const invalidatesPageCache = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    afterChange: [...(collection.hooks?.afterChange ?? []), ({ doc }) => (invalidate(), doc)],
    afterDelete: [...(collection.hooks?.afterDelete ?? []), ({ doc }) => (invalidate(), doc)],
  },
})

export const globalInvalidatesPageCache = (global: GlobalConfig): GlobalConfig => ({
  ...global,
  hooks: { ...global.hooks, afterChange: [...(global.hooks?.afterChange ?? []), ({ doc }) => (invalidate(), doc)] },
})
