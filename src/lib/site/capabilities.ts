import type { CollectionSlug } from 'payload'

import config from '@payload-config'
import { notFound } from 'next/navigation'
import { getPayload } from 'payload'

/**
 * The site's pages for an optional capability (src/plugins) answer 404 in a hub that does not run it,
 * rather than failing on a collection that is not there. `collection` is one the capability adds.
 */
export const requireCapability = async ({ collection }: { collection: CollectionSlug }): Promise<void> => {
  if (!(await hasCapability({ collection }))) notFound()
}

/** Whether this hub runs the capability that adds `collection`: pages offer its forms only then. */
export const hasCapability = async ({ collection }: { collection: CollectionSlug }): Promise<boolean> => {
  const payload = await getPayload({ config })
  return collection in payload.collections
}
