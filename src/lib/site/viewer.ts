import type { Payload } from 'payload'

import type { User } from '../../payload-types'
import type { SiteSettingsValue } from './settings'

import config from '@payload-config'
import { headers } from 'next/headers'
import { getPayload } from 'payload'
import { cache } from 'react'

import { readSiteSettings } from './settings'

/**
 * The Payload instance and the signed-in visitor (null when anonymous) for a site request. Memoised per
 * request: the layout, the metadata and the page all ask, and the session lookup is a database read.
 */
export const currentViewer = cache(async (): Promise<{ payload: Payload; user: null | User }> => {
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: await headers() })
  return { payload, user: (user as null | User) ?? null }
})

/** Site settings for this request, read once however many components need them. */
export const siteSettings = cache(async (): Promise<SiteSettingsValue> => readSiteSettings({ payload: (await currentViewer()).payload }))
