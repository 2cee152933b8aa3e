import type { Metadata } from 'next'

import { notFound } from 'next/navigation'
import { cache } from 'react'

import { DetailArticle } from '@/components/site/DetailArticle'
import { RichTextContent } from '@/components/site/RichTextContent'
import { issueWebPath, loadIssueContent } from '@/lib/newsletter/render'
import { findPublishedIssue } from '@/lib/newsletter/site'
import { NEWSLETTER, NEWSLETTERS } from '@/lib/routes'
import { formatDate, isoDay } from '@/lib/site/format'
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

/** The web version of an issue that went out: the same introduction and items as the email, in the site's design. */
const IssuePage = async ({ params }: Props) => {
  const found = await bySlug((await params).slug)
  if (!found) notFound()
  const { content, issue } = found
  return (
    <DetailArticle listing={{ href: NEWSLETTERS, label: 'Newsletter archive' }}>
      <h1>{issue.subject}</h1>
      <p className="nhsuk-body-s">
        {content.topic} newsletter · <time dateTime={isoDay(issue.sendStartedAt)}>{formatDate(issue.sendStartedAt)}</time>
      </p>
      {issue.preheader ? <p className="nhsuk-lede-text">{issue.preheader}</p> : null}
      <RichTextContent value={content.introForSite as never} />
      {content.items.length ? (
        <ul className="nhsuk-list">
          {content.items.map((item) => (
            <li className="nhsuk-card nhsuk-card--clickable" key={item.url}>
              <div className="nhsuk-card__content">
                <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{item.kind}</p>
                <h2 className="nhsuk-card__heading nhsuk-heading-m">
                  <a className="nhsuk-card__link" href={new URL(item.url).pathname}>
                    {item.title}
                  </a>
                </h2>
                {item.summary ? <p className="nhsuk-card__description">{item.summary}</p> : null}
                {item.note ? <p className="nhsuk-body-s nhsuk-u-font-weight-bold nhsuk-u-margin-bottom-0">{item.note}</p> : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <a href={NEWSLETTER}>Get the newsletter by email</a>
      </p>
    </DetailArticle>
  )
}

export default IssuePage
