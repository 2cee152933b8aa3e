import type { Metadata } from 'next'

import { notFound } from 'next/navigation'
import { cache } from 'react'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { DocumentList } from '@/components/site/DocumentLink'
import { FeedbackForm } from '@/components/site/FeedbackForm'
import { AwaitingReviewNotice, ReviewDates } from '@/components/site/ReviewDates'
import { RichTextContent } from '@/components/site/RichTextContent'
import { ShareLinks } from '@/components/site/ShareLinks'
import { askFromPath, careAreaPath } from '@/lib/routes'
import { childPages, guidancePath, listTips, pagePathById, relatedPageIds, resolveGuidancePage, visibleDocuments } from '@/lib/site/content'
import { relationId } from '@/lib/site/format'
import { withoutOpeningRepeats } from '@/lib/site/repeats'
import { absoluteUrl } from '@/lib/site/urls'
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

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
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
    title: found.page.title,
  }
}

const GuidancePage = async ({ params, searchParams }: Props) => {
  const { found, payload, user } = await load({ params })
  // 404, not 403: the public must not learn that professional-only or draft pages exist.
  if (!found) notFound()
  const { careArea, page, trail } = found
  const path = guidancePath(found)
  const [children, tips, related] = await Promise.all([
    childPages({ careAreaId: careArea.id, parentId: page.id, payload, user }),
    listTips({ payload, user }),
    Promise.all(relatedPageIds(page.body).map(async (id) => ({ href: await pagePathById({ id, payload, user }), id }))),
  ])
  const hrefs = new Map(related.filter((entry) => entry.href).map((entry) => [String(entry.id), entry.href as string]))
  const { feedback } = await searchParams
  const crumbs = [
    { href: careAreaPath({ slug: careArea.slug }), label: careArea.title },
    ...trail.map((ancestor, index) => ({
      href: guidancePath({ careArea, page: ancestor, trail: trail.slice(0, index) }),
      label: ancestor.title,
    })),
  ]
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <div className="nhsuk-grid-row">
        <article className="nhsuk-grid-column-two-thirds">
          {page.audience === 'professional' ? (
            <strong className="nhsuk-tag nhsuk-tag--blue nhsuk-u-margin-bottom-3">For health and care professionals</strong>
          ) : null}
          <h1>{page.title}</h1>
          <p className="nhsuk-lede-text">{page.summary}</p>
          <AwaitingReviewNotice review={page.review} />
          <RichTextContent
            relatedHref={(value) => {
              const id = relationId(value)
              const href = id === null ? undefined : hrefs.get(String(id))
              const title = typeof value === 'object' && value ? (value as { title?: string }).title : undefined
              return href && title && id !== null ? { href, id: id as number, title } : null
            }}
            tips={tips}
            value={withoutOpeningRepeats({ summary: page.summary, title: page.title, value: page.body as never })}
          />
          {children.length ? (
            <nav aria-labelledby="subpages-heading">
              <h2 id="subpages-heading">In this section</h2>
              <ul className="nhsuk-list">
                {children.map((child) => (
                  <li key={child.id}>
                    <a href={`${path}/${child.slug}`}>{child.title}</a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <DocumentList documents={visibleDocuments(page.relatedDocuments)} heading="Related documents" />
          <ReviewDates review={page.review} />
          <FeedbackForm pageId={page.id} returnTo={path} status={feedback} />
          <p className="nhsuk-u-margin-top-4">
            Cannot find what you need? <a href={askFromPath({ from: path })}>Ask us a question about this page</a>.
          </p>
          <ShareLinks title={page.title} url={absoluteUrl(path)} />
        </article>
      </div>
    </>
  )
}

export default GuidancePage
