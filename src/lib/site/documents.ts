import type { Document } from '../../payload-types'

/** Whether the library holds the file itself (an entry may be only a reference to a document held elsewhere). */
export const hasFile = ({ document }: { document: Pick<Document, 'url'> }): boolean => Boolean(document.url)

/** The year a document was published: from its date when known, else the year recorded on its own. */
export const publicationYearOf = ({ document }: { document: Pick<Document, 'publicationDate' | 'publicationYear'> }): null | number => {
  if (document.publicationDate) {
    return Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric' }).format(new Date(document.publicationDate)),
    )
  }
  return document.publicationYear ?? null
}

/** "Greater Manchester … Strategic Clinical Network, 2017": who published it and when, as far as known. */
export const referenceLine = ({ document }: { document: Pick<Document, 'publicationDate' | 'publicationYear' | 'publisher'> }): string =>
  [document.publisher?.trim(), publicationYearOf({ document })].filter(Boolean).join(', ')
