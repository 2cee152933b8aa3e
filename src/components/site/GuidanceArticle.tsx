import type { Payload } from 'payload'

import type { CareArea, Page, User } from '@/payload-types'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { DocumentList } from '@/components/site/DocumentLink'
import { FeedbackForm } from '@/components/site/FeedbackForm'
import { AwaitingReviewNotice, ReviewDates } from '@/components/site/ReviewDates'
import { RichTextContent } from '@/components/site/RichTextContent'
import { ShareLinks } from '@/components/site/ShareLinks'
import { askFromPath, careAreaPath } from '@/lib/routes'
import { childPages, guidancePath, listTips, pagePathById, relatedPageIds, visibleDocuments } from '@/lib/site/content'
import { relationId } from '@/lib/site/format'
import { withoutOpeningRepeats } from '@/lib/site/repeats'
import { absoluteUrl } from '@/lib/site/urls'

type Props = {
  feedback?: string
  found: { careArea: CareArea; page: Page; trail: Page[] }
  payload: Payload
  user: null | User
}

/** A guidance page as the public reads it: its public address and the staff preview render the same article. */
export const GuidanceArticle = async ({ feedback, found, payload, user }: Props) => {
  const { careArea, page, trail } = found
  const path = guidancePath(found)
  const [children, tips, related] = await Promise.all([
    childPages({ careAreaId: careArea.id, parentId: page.id, payload, user }),
    listTips({ payload, user }),
    Promise.all(relatedPageIds(page.body).map(async (id) => ({ href: await pagePathById({ id, payload, user }), id }))),
  ])
  const hrefs = new Map(related.filter((entry) => entry.href).map((entry) => [String(entry.id), entry.href as string]))
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
