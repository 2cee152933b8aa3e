import type { MetadataRoute } from 'next'

import { ADMIN, API, FEEDBACK, LOGIN, LOGOUT, SITEMAP } from '@/lib/routes'
import { absoluteUrl } from '@/lib/site/urls'

export const dynamic = 'force-dynamic'

/** Public content only: the admin, the API and sign-in pages are not for search engines. */
const robots = (): MetadataRoute.Robots => ({
  rules: [{ allow: '/', disallow: [ADMIN, `${API}/`, LOGIN, FEEDBACK, LOGOUT], userAgent: '*' }],
  sitemap: absoluteUrl(SITEMAP),
})

export default robots
