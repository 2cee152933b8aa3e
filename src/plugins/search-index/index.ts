import type { Plugin } from 'payload'

import { SearchChanges } from '../../../collections/search-changes'
import { SearchSettings } from '../../../globals/search-settings'
import { searchEndpoint } from '../../lib/search/api'
import { recordsSearchChanges } from '../../lib/search/hooks'
import { capabilityPlugin } from '../capability'

/**
 * Site search: the change log every web process's index follows, the search settings and API. Collections
 * opt in with `custom: { searchIndex: true }` on their own config; listed after the plugins that add them.
 */
export const searchIndexPlugin = (): Plugin => async (incoming) => {
  const config = await capabilityPlugin({ collections: [SearchChanges], endpoints: [searchEndpoint], globals: [SearchSettings] })(incoming)
  return {
    ...config,
    collections: config.collections?.map((collection) => (collection.custom?.searchIndex ? recordsSearchChanges(collection) : collection)),
  }
}
