import type { Payload } from 'payload'

import type { User } from '../../payload-types'

import config from '@payload-config'
import { headers } from 'next/headers'
import { getPayload } from 'payload'

/** The Payload instance and the signed-in visitor (null when anonymous) for a site request. */
export const currentViewer = async (): Promise<{ payload: Payload; user: null | User }> => {
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: await headers() })
  return { payload, user: (user as null | User) ?? null }
}
