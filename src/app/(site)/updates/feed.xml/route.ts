import config from '@payload-config'
import { getPayload } from 'payload'

import { updatePath, UPDATES, UPDATES_FEED } from '@/lib/routes'
import { atomFeed } from '@/lib/site/atom'
import { readSiteSettings } from '@/lib/site/settings'
import { absoluteUrl } from '@/lib/site/urls'

/** Atom feed of the latest 30 published updates, read as an anonymous visitor. */
export const GET = async () => {
  const payload = await getPayload({ config })
  const [{ siteName }, updates] = await Promise.all([
    readSiteSettings({ payload }),
    payload.find({ collection: 'updates', depth: 0, draft: false, limit: 30, overrideAccess: false, sort: '-date' }),
  ])
  const body = atomFeed({
    entries: updates.docs.map((update) => ({
      id: absoluteUrl(updatePath({ slug: update.slug })),
      summary: update.summary,
      title: update.title,
      updated: new Date(update.updatedAt ?? update.date).toISOString(),
      url: absoluteUrl(updatePath({ slug: update.slug })),
    })),
    selfUrl: absoluteUrl(UPDATES_FEED),
    siteUrl: absoluteUrl(UPDATES),
    title: `${siteName}: network updates`,
  })
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } })
}
