import type { Metadata } from 'next'

import { notFound } from 'next/navigation'
import { cache } from 'react'

import { DetailArticle } from '@/components/site/DetailArticle'
import { DocumentLink } from '@/components/site/DocumentLink'
import { findDocument } from '@/lib/site/content'
import { documentPath, DOCUMENTS } from '@/lib/routes'
import { hasFile, publicationYearOf } from '@/lib/site/documents'
import { formatDate, isoDay } from '@/lib/site/format'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ id: string }> }

// Metadata and page both need it: memoised per request by id, so it is read once.
const byId = cache(async (id: string) => {
  const { payload, user } = await currentViewer()
  return findDocument({ id, payload, user })
})

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const document = await byId((await params).id)
  if (!document) return {}
  const professional = document.audience === 'professional'
  return {
    alternates: { canonical: documentPath({ id: document.id }) },
    description: document.summary ?? undefined,
    robots: professional ? { follow: false, index: false } : undefined,
    title: document.title,
  }
}

/** One library entry: what the document is, who published it and when, and the file when the library holds it. */
const DocumentPage = async ({ params }: Props) => {
  const document = await byId((await params).id)
  // 404 for professional-only or unpublished entries too: the public must not learn they exist.
  if (!document) notFound()
  const year = publicationYearOf({ document })
  return (
    <DetailArticle listing={{ href: DOCUMENTS, label: 'Documents' }}>
      {document.audience === 'professional' ? (
        <strong className="nhsuk-tag nhsuk-tag--blue nhsuk-u-margin-bottom-3">For health and care professionals</strong>
      ) : null}
      <h1>{document.title}</h1>
      {document.summary ? <p className="nhsuk-lede-text">{document.summary}</p> : null}
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Publisher</dt>
          <dd className="nhsuk-summary-list__value">{document.publisher || 'Not known'}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Published</dt>
          <dd className="nhsuk-summary-list__value">
            {document.publicationDate ? (
              <time dateTime={isoDay(document.publicationDate)}>{formatDate(document.publicationDate)}</time>
            ) : year ? (
              year
            ) : (
              'Not known'
            )}
          </dd>
        </div>
      </dl>
      {hasFile({ document }) ? (
        <p>
          <DocumentLink document={document} />
        </p>
      ) : (
        <p>This library does not hold a copy of this document.</p>
      )}
    </DetailArticle>
  )
}

export default DocumentPage
