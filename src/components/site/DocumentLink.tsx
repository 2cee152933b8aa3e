import type { Document } from '@/payload-types'

import { formatFileLabel } from '@/lib/uploads/sniff'

/** A document link that says what the visitor will download: "Title (PDF, 1.8 MB)". */
export const DocumentLink = ({ document }: { document: Document }) => {
  if (!document.url) return null
  const label = formatFileLabel({ bytes: document.filesize ?? 0, mimeType: document.mimeType ?? '' })
  return (
    <a href={document.url}>
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
        {documents.map((document) => (
          <li key={document.id}>
            <DocumentLink document={document} />
            {document.summary ? <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">{document.summary}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
