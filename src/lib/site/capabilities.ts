import type { CollectionSlug } from 'payload'

import config from '@payload-config'
import { notFound } from 'next/navigation'
import { getPayload } from 'payload'

/**
 * The site's pages for an optional capability (src/plugins) answer 404 in a hub that does not run it,
 * rather than failing on a collection that is not there. `collection` is one the capability adds.
 */
export const requireCapability = async ({ collection }: { collection: CollectionSlug }): Promise<void> => {
  const payload = await getPayload({ config })
  if (!(collection in payload.collections)) notFound()
}
