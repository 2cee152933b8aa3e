import type { Metadata } from 'next'

import { notFound } from 'next/navigation'
import { cache } from 'react'

import { UpdateArticle } from '@/components/site/UpdateArticle'
import { updatePath } from '@/lib/routes'
import { findUpdate } from '@/lib/site/content'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

// Metadata and page both need it: memoised per request by slug, so it is read once.
const bySlug = cache(async (slug: string) => {
  const { payload, user } = await currentViewer()
  return findUpdate({ payload, slug, user })
})

const load = async ({ params }: Props) => bySlug((await params).slug)

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const update = await load({ params })
  if (!update) return {}
  const url = updatePath({ slug: update.slug })
  return {
    alternates: { canonical: url },
    description: update.summary ?? undefined,
    openGraph: { description: update.summary ?? undefined, publishedTime: update.date, title: update.title, type: 'article', url },
    title: update.title,
  }
}

const UpdatePage = async ({ params }: Props) => {
  const update = await load({ params })
  if (!update) notFound()
  return <UpdateArticle update={update} />
}

export default UpdatePage
