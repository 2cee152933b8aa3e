import type { Metadata } from 'next'

import { notFound } from 'next/navigation'
import { cache } from 'react'

import { GuidanceArticle } from '@/components/site/GuidanceArticle'
import { guidancePath, resolveGuidancePage } from '@/lib/site/content'
import { errorTitle } from '@/lib/site/title'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ careArea: string; path: string[] }>
  searchParams: Promise<{ feedback?: string }>
}

// Metadata and page both need the page: memoised per request by its address, so it is resolved once.
const resolve = cache(async (careArea: string, path: string) => {
  const viewer = await currentViewer()
  const found = await resolveGuidancePage({ careAreaSlug: careArea, payload: viewer.payload, segments: path.split('/'), user: viewer.user })
  return { found, ...viewer }
})

const load = async ({ params }: Pick<Props, 'params'>) => {
  const { careArea, path } = await params
  return resolve(careArea, path.join('/'))
}

export const generateMetadata = async ({ params, searchParams }: Props): Promise<Metadata> => {
  const { found } = await load({ params })
  if (!found) return {}
  const url = guidancePath(found)
  const professional = found.page.audience === 'professional'
  return {
    alternates: { canonical: url },
    description: found.page.summary,
    openGraph: { description: found.page.summary, title: found.page.title, type: 'article', url },
    // Professional content must not reach search engines even if a signed-in page is shared.
    robots: professional ? { follow: false, index: false } : undefined,
    title: errorTitle({ errors: (await searchParams).feedback === 'error', title: found.page.title }),
  }
}

const GuidancePage = async ({ params, searchParams }: Props) => {
  const { found, payload, user } = await load({ params })
  // 404, not 403: the public must not learn that professional-only or draft pages exist.
  if (!found) notFound()
  const { feedback } = await searchParams
  return <GuidanceArticle feedback={feedback} found={found} payload={payload} user={user} />
}

export default GuidancePage
