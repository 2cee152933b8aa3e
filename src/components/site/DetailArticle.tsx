import type { ReactNode } from 'react'

import type { Crumb } from './Breadcrumbs'

import { Breadcrumbs } from './Breadcrumbs'

/**
 * The frame of a page for one item of a listing (an update, a document, a written question, a newsletter
 * issue): the breadcrumb back through Home and the listing, then the item as a two-thirds-width article.
 */
export const DetailArticle = ({ children, listing }: { children: ReactNode; listing: Crumb }) => (
  <>
    <Breadcrumbs items={[listing]} />
    <div className="nhsuk-grid-row">
      <article className="nhsuk-grid-column-two-thirds">{children}</article>
    </div>
  </>
)
