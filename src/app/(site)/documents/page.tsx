import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { DocumentLink } from '@/components/site/DocumentLink'
import { Pagination, pageNumber } from '@/components/site/Pagination'
import { listDocuments } from '@/lib/site/content'
import { formatDate, isoDay } from '@/lib/site/format'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { alternates: { canonical: '/documents' }, title: 'Documents' }

const DocumentsPage = async ({ searchParams }: { searchParams: Promise<{ page?: string }> }) => {
  const page = pageNumber((await searchParams).page)
  const { payload, user } = await currentViewer()
  const result = await listDocuments({ page, payload, user })
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }]} />
      <h1>Documents</h1>
      {result.docs.length ? (
        <ul className="nhsuk-list">
          {result.docs.map((document) => (
            <li className="nhsuk-u-margin-bottom-4" key={document.id}>
              <DocumentLink document={document} />
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                Published <time dateTime={isoDay(document.publicationDate)}>{formatDate(document.publicationDate)}</time>
              </p>
              {document.summary ? <p className="nhsuk-body-s">{document.summary}</p> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>No documents have been published yet.</p>
      )}
      <Pagination basePath="/documents" page={result.page ?? page} totalPages={result.totalPages} />
    </>
  )
}

export default DocumentsPage
