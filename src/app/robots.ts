import type { MetadataRoute } from 'next'

import { absoluteUrl } from '@/lib/site/urls'

export const dynamic = 'force-dynamic'

/** Public content only: the admin, the API and sign-in pages are not for search engines. */
const robots = (): MetadataRoute.Robots => ({
  rules: [{ allow: '/', disallow: ['/admin', '/api/', '/login', '/feedback', '/logout'], userAgent: '*' }],
  sitemap: absoluteUrl('/sitemap.xml'),
})

export default robots
