import type { Metadata } from 'next'

import { notFound } from 'next/navigation'
import { cache } from 'react'

import { IssueArticle } from '@/components/site/IssueArticle'
import { issueWebPath, loadIssueContent } from '@/lib/newsletter/render'
import { findPublishedIssue } from '@/lib/newsletter/site'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

// Metadata and page both need it: memoised per request by slug.
const bySlug = cache(async (slug: string) => {
  const { payload, user } = await currentViewer()
  const issue = await findPublishedIssue({ payload, slug, user })
  return issue ? { content: await loadIssueContent({ issue, payload }), issue } : null
})

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const found = await bySlug((await params).slug)
  if (!found) return {}
  const url = issueWebPath(found.issue.slug)
  return {
    alternates: { canonical: url },
    description: found.issue.preheader ?? undefined,
    openGraph: { description: found.issue.preheader ?? undefined, title: found.issue.subject, type: 'article', url },
    title: found.issue.subject,
  }
}

/** The web version of an issue that went out. */
const IssuePage = async ({ params }: Props) => {
  const found = await bySlug((await params).slug)
  if (!found) notFound()
  return <IssueArticle content={found.content} issue={found.issue} />
}

export default IssuePage
