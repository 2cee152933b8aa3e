import type { CollectionConfig } from 'payload'

import { previewPath } from '../routes'

/** The sizes staff check a draft at: a phone and a desktop, as the site is tested. */
const BREAKPOINTS = [
  { height: 844, label: 'Phone (390 px)', name: 'phone', width: 390 },
  { height: 800, label: 'Desktop (1280 px)', name: 'desktop', width: 1280 },
]

/**
 * A collection's "Preview" button and Live Preview pane: both open the staff-only preview page, which
 * renders the newest saved version as the public page will. A document not yet saved has nothing to show.
 */
export const previewAdmin = ({
  collection,
}: {
  collection: string
}): Pick<NonNullable<CollectionConfig['admin']>, 'livePreview' | 'preview'> => {
  const url = (id: unknown) => (typeof id === 'number' || typeof id === 'string' ? previewPath({ collection, id }) : null)
  return {
    livePreview: { breakpoints: BREAKPOINTS, url: ({ data }) => url(data?.id) ?? '' },
    preview: (doc) => url(doc?.id),
  }
}
