import type { Metadata } from 'next'

import { notFound } from 'next/navigation'
import { cache } from 'react'

import type { PolicyKind } from '@/lib/policies/kinds'
import type { Policy } from '@/payload-types'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { RichTextContent } from '@/components/site/RichTextContent'
import { policyKind } from '@/lib/policies/kinds'
import { findPolicy } from '@/lib/site/content'
import { formatDate, isoDay } from '@/lib/site/format'
import { currentViewer } from '@/lib/site/viewer'

/** A policy page as the public reads it: title, summary, the editors' text and when it was last reviewed. */
export const PolicyArticle = ({ policy }: { policy: Policy }) => (
  <>
    <Breadcrumbs />
    <div className="nhsuk-grid-row">
      <article className="nhsuk-grid-column-two-thirds">
        <h1>{policy.title}</h1>
        <p className="nhsuk-lede-text">{policy.summary}</p>
        <RichTextContent value={policy.body as never} />
        <div className="nhsuk-review-date">
          <p className="nhsuk-body-s">
            Page last reviewed: <time dateTime={isoDay(policy.lastReviewed)}>{formatDate(policy.lastReviewed)}</time>
          </p>
        </div>
      </article>
    </div>
  </>
)

// Metadata and page both need it: memoised per request by kind, so it is read once.
const byKind = cache(async (kind: PolicyKind) => {
  const { payload, user } = await currentViewer()
  return findPolicy({ kind, payload, user })
})

/**
 * The route of one policy page (app/(site)/<kind>/page.tsx): its metadata and page, at the kind's fixed
 * address. An unpublished page is a 404, as for any other content.
 */
export const policyRoute = ({ kind }: { kind: PolicyKind }) => {
  const { path } = policyKind({ kind })
  const generateMetadata = async (): Promise<Metadata> => {
    const policy = await byKind(kind)
    if (!policy) return {}
    return { alternates: { canonical: path }, description: policy.summary, title: policy.title }
  }
  const Page = async () => {
    const policy = await byKind(kind)
    if (!policy) notFound()
    return <PolicyArticle policy={policy} />
  }
  return { generateMetadata, Page }
}
