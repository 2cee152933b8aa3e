import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { Pagination, pageNumber } from '@/components/site/Pagination'
import { listDocuments } from '@/lib/site/content'
import { documentPath, DOCUMENTS } from '@/lib/routes'
import { hasFile, referenceLine } from '@/lib/site/documents'
import { formatDate, isoDay } from '@/lib/site/format'
import { currentViewer } from '@/lib/site/viewer'
import { formatFileLabel } from '@/lib/uploads/labels'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { alternates: { canonical: DOCUMENTS }, title: 'Documents' }

const DocumentsPage = async ({ searchParams }: { searchParams: Promise<{ page?: string }> }) => {
  const page = pageNumber((await searchParams).page)
  const { payload, user } = await currentViewer()
  const result = await listDocuments({ page, payload, user })
  return (
    <>
      <Breadcrumbs />
      <h1>Documents</h1>
      {result.docs.length ? (
        <ul className="nhsuk-list">
          {result.docs.map((document) => {
            const reference = referenceLine({ document })
            return (
              <li className="nhsuk-u-margin-bottom-4" key={document.id}>
                <a href={documentPath({ id: document.id })}>{document.title}</a>
                {reference ? <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{reference}</p> : null}
                {document.publicationDate ? (
                  <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                    Published <time dateTime={isoDay(document.publicationDate)}>{formatDate(document.publicationDate)}</time>
                  </p>
                ) : null}
                {document.summary ? <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{document.summary}</p> : null}
                <p className="nhsuk-body-s">
                  {hasFile({ document }) ? (
                    <a href={document.url as string}>
                      Download <span className="nhsuk-u-visually-hidden">{document.title} </span>(
                      {formatFileLabel({ bytes: document.filesize ?? 0, mimeType: document.mimeType ?? '' })})
                    </a>
                  ) : (
                    'No copy is held in this library.'
                  )}
                </p>
              </li>
            )
          })}
        </ul>
      ) : (
        <p>No documents have been published yet.</p>
      )}
      <Pagination basePath={DOCUMENTS} page={result.page ?? page} totalPages={result.totalPages} />
    </>
  )
}

export default DocumentsPage
