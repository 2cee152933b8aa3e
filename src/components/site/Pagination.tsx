/**
 * NHS.UK previous/next pagination; plain links, so it works without JavaScript. Pages with other query
 * parameters (search) pass `href` to keep them.
 */
export const Pagination = ({
  basePath = '',
  href = (target: number) => (target === 1 ? basePath : `${basePath}?page=${target}`),
  page,
  totalPages,
}: {
  basePath?: string
  href?: (page: number) => string
  page: number
  totalPages: number
}) => {
  if (totalPages <= 1) return null
  return (
    <nav aria-label="Pagination" className="nhsuk-pagination" role="navigation">
      <ul className="nhsuk-list nhsuk-pagination__list">
        {page > 1 ? (
          <li className="nhsuk-pagination-item--previous">
            <a className="nhsuk-pagination__link nhsuk-pagination__link--prev" href={href(page - 1)}>
              <span className="nhsuk-pagination__title">Previous</span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">
                Page {page - 1} of {totalPages}
              </span>
            </a>
          </li>
        ) : null}
        {page < totalPages ? (
          <li className="nhsuk-pagination-item--next">
            <a className="nhsuk-pagination__link nhsuk-pagination__link--next" href={href(page + 1)}>
              <span className="nhsuk-pagination__title">Next</span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">
                Page {page + 1} of {totalPages}
              </span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}

/** ?page=N from the query string, defaulting to 1 for anything that is not a positive whole number. */
export const pageNumber = (value: string | string[] | undefined): number => {
  const parsed = Number(Array.isArray(value) ? value[0] : value)
  return Number.isInteger(parsed) && parsed > 0 && parsed < 10_000 ? parsed : 1
}
