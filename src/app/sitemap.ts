import type { MetadataRoute } from 'next'

import config from '@payload-config'
import { getPayload } from 'payload'

import { publicUrls } from '@/lib/site/public-index'
import { absoluteUrl } from '@/lib/site/urls'

export const dynamic = 'force-dynamic'

const sitemap = async (): Promise<MetadataRoute.Sitemap> => {
  const urls = await publicUrls({ payload: await getPayload({ config }) })
  return urls.map((url) => ({ lastModified: url.lastModified, url: absoluteUrl(url.path) }))
}

export default sitemap
