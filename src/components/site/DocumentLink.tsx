import type { Document } from '@/payload-types'

import { documentPath } from '@/lib/routes'
import { hasFile, referenceLine } from '@/lib/site/documents'
import { formatFileLabel } from '@/lib/uploads/labels'

/**
 * A document link that says what the visitor will get: "Title (PDF, 1.8 MB)" when the library holds the
 * file, otherwise the title linking to its library entry, which says who published it and that no copy is
 * held here (never a file type or size that does not exist).
 */
export const DocumentLink = ({ document }: { document: Document }) => {
  if (!hasFile({ document })) return <a href={documentPath({ id: document.id })}>{document.title}</a>
  const label = formatFileLabel({ bytes: document.filesize ?? 0, mimeType: document.mimeType ?? '' })
  return (
    <a href={document.url as string}>
      {document.title} <span className="nhsuk-body-s">({label})</span>
    </a>
  )
}

export const DocumentList = ({ documents, heading }: { documents: Document[]; heading: string }) => {
  if (!documents.length) return null
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">{heading}</h2>
      <ul className="nhsuk-list">
        {documents.map((document) => {
          const reference = hasFile({ document }) ? '' : referenceLine({ document })
          return (
            <li key={document.id}>
              <DocumentLink document={document} />
              {reference ? <span className="nhsuk-body-s"> ({reference})</span> : null}
              {document.summary ? <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">{document.summary}</p> : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
