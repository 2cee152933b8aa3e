import type { CollectionConfig, PayloadRequest } from 'payload'

import { serverURL } from '../env'
import { previewPath } from '../routes'

/** The sizes staff check a draft at: a phone and a desktop, as the site is tested. */
const BREAKPOINTS = [
  { height: 844, label: 'Phone (390 px)', name: 'phone', width: 390 },
  { height: 800, label: 'Desktop (1280 px)', name: 'desktop', width: 1280 },
]

/**
 * The admin's own origin: Live Preview posts messages to its URL, which must therefore be absolute. The
 * configured public URL when there is one, else the address the admin was asked for (the site and the admin
 * share one origin).
 */
const originOf = (req: PayloadRequest): string => {
  if (serverURL()) return new URL(serverURL()).origin
  try {
    return new URL(req.url ?? '').origin
  } catch {
    return ''
  }
}

/**
 * A collection's "Preview" button and Live Preview pane: both open the staff-only preview page, which
 * renders the newest saved version as the public page will. A document not yet saved has nothing to show.
 */
export const previewAdmin = ({
  collection,
}: {
  collection: string
}): Pick<NonNullable<CollectionConfig['admin']>, 'livePreview' | 'preview'> => {
  const path = (id: unknown) => (typeof id === 'number' || typeof id === 'string' ? previewPath({ collection, id }) : null)
  return {
    livePreview: {
      breakpoints: BREAKPOINTS,
      url: ({ data, req }) => {
        const found = path(data?.id)
        return found ? `${originOf(req)}${found}` : ''
      },
    },
    preview: (doc) => path(doc?.id),
  }
}
