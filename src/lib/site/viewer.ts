import type { Payload } from 'payload'

import type { User } from '../../payload-types'
import type { SiteChrome } from './chrome'

import config from '@payload-config'
import { headers } from 'next/headers'
import { executeAuthStrategies, getPayload } from 'payload'
import { cache } from 'react'

import { isDatabaseUnavailable } from '../db/availability'
import { siteChrome } from './chrome'

/**
 * The Payload instance and the signed-in visitor (null when anonymous) for a site request. Memoised per
 * request: the layout, the metadata and the page all ask, and the session lookup is a database read.
 * While the database is unreachable the visitor is taken as anonymous: pages that need the database fail
 * on their own reads (503), and those that do not (search, the question form) still serve public content.
 */
export const currentViewer = cache(async (): Promise<{ payload: Payload; user: null | User }> => {
  const payload = await getPayload({ config })
  try {
    // The strategies alone: pages need the visitor, not the permission map `payload.auth` also builds.
    const { user } = await executeAuthStrategies({ headers: await headers(), payload })
    return { payload, user: (user as null | User) ?? null }
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error
    return { payload, user: null }
  }
})

/** Site settings and navigation, read once per content change (see siteChrome). */
export const siteSettings = cache(async (): Promise<SiteChrome> => siteChrome({ payload: (await currentViewer()).payload }))
