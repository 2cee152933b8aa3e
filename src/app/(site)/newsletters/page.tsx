import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { Pagination, pageNumber } from '@/components/site/Pagination'
import { issueWebPath } from '@/lib/newsletter/render'
import { listPublishedIssues } from '@/lib/newsletter/site'
import { topicLabel } from '@/lib/newsletter/topics'
import { NEWSLETTER, NEWSLETTERS } from '@/lib/routes'
import { formatDate, isoDay } from '@/lib/site/format'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { alternates: { canonical: NEWSLETTERS }, title: 'Newsletter archive' }

const NewslettersPage = async ({ searchParams }: { searchParams: Promise<{ page?: string }> }) => {
  const page = pageNumber((await searchParams).page)
  const { payload, user } = await currentViewer()
  const result = await listPublishedIssues({ page, payload, user })
  return (
    <>
      <Breadcrumbs />
      <h1>Newsletter archive</h1>
      <p>
        Every issue of the network newsletter, as it was sent. <a href={NEWSLETTER}>Get the newsletter by email</a>.
      </p>
      {result.docs.length ? (
        <ul className="nhsuk-list nhsuk-list--border">
          {result.docs.map((issue) => (
            <li key={issue.id}>
              <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                <a href={issueWebPath(issue.slug)}>{issue.subject}</a>
              </h2>
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                {topicLabel(issue.topic)} · <time dateTime={isoDay(issue.sendStartedAt)}>{formatDate(issue.sendStartedAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>No newsletters have been sent yet.</p>
      )}
      <Pagination basePath={NEWSLETTERS} page={result.page ?? page} totalPages={result.totalPages} />
    </>
  )
}

export default NewslettersPage
