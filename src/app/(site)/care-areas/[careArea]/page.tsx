import type { Metadata } from 'next'

import { notFound } from 'next/navigation'
import { cache } from 'react'

import { CareAreaArticle } from '@/components/site/CareAreaArticle'
import { careAreaPath } from '@/lib/routes'
import { findCareArea } from '@/lib/site/content'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ careArea: string }> }

// Metadata and page both need the care area: memoised per request by slug, so it is read once.
const careAreaBySlug = cache(async (slug: string) => {
  const { payload, user } = await currentViewer()
  return findCareArea({ payload, slug, user })
})

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const careArea = await careAreaBySlug((await params).careArea)
  if (!careArea) return {}
  return {
    alternates: { canonical: careAreaPath({ slug: careArea.slug }) },
    description: careArea.summary,
    openGraph: { description: careArea.summary, title: careArea.title, url: careAreaPath({ slug: careArea.slug }) },
    title: careArea.title,
  }
}

const CareAreaPage = async ({ params }: Props) => {
  const { payload, user } = await currentViewer()
  const careArea = await careAreaBySlug((await params).careArea)
  if (!careArea) notFound()
  return <CareAreaArticle careArea={careArea} payload={payload} user={user} />
}

export default CareAreaPage
