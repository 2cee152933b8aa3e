import type { CollectionConfig, Field, Plugin } from 'payload'

import { LinkChecks } from '../../../collections/link-checks'
import { RetiredServices } from '../../../globals/retired-services'
import { checkLinksTask } from '../../lib/link-health/task'
import { LINK_SOURCES } from '../../lib/link-health/options'
import { capabilityPlugin } from '../capability'

// The document's link problems, shown to content staff at the top of its edit view.
const linkHealthPanel: Field = {
  name: 'linkHealth',
  type: 'ui',
  admin: { components: { Field: '/src/components/admin/LinkHealthPanel#LinkHealthPanel' } },
}

const withPanel = (collection: CollectionConfig): CollectionConfig =>
  LINK_SOURCES.some((source) => source.collection === collection.slug)
    ? { ...collection, fields: [linkHealthPanel, ...collection.fields] }
    : collection

/**
 * Link health: the nightly check of every external link in published content (./lib/link-health), its
 * results for content staff, the retired services it flags, and each checked document's warning in its edit
 * view. Added after the content capabilities, whose collections it reads and marks.
 */
export const linkHealthPlugin = (): Plugin => async (incoming) => {
  const config = await capabilityPlugin({ collections: [LinkChecks], globals: [RetiredServices], tasks: [checkLinksTask] })(incoming)
  return { ...config, collections: config.collections?.map(withPanel) }
}
