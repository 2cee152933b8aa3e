import type { Metadata } from 'next'

import type { SearchDocumentType, SearchResult } from '@/lib/search/types'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { ErrorSummary } from '@/components/site/ErrorSummary'
import { Pagination } from '@/components/site/Pagination'
import { canReadProfessionalContent } from '@/lib/access'
import { SEARCH, searchPath } from '@/lib/routes'
import { parseSearchParams, SEARCH_TYPE_LABELS } from '@/lib/search/query'
import { runSearch } from '@/lib/search/run'
import { errorTitle } from '@/lib/site/title'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

type Params = Record<string, string | string[] | undefined>

/** "Error: " first while the search words are at fault (the NHS.UK error pattern). */
export const generateMetadata = async ({ searchParams }: { searchParams: Promise<Params> }): Promise<Metadata> => {
  const raw = await searchParams
  const { errors } = parseSearchParams({ get: (name) => raw[name] })
  return { robots: { follow: true, index: false }, title: errorTitle({ errors: errors.length > 0, title: 'Search' }) }
}

const href = ({ params, changes }: { changes: Record<string, string | undefined>; params: Record<string, string | undefined> }) =>
  searchPath({ ...params, ...changes })

const SearchPage = async ({ searchParams }: { searchParams: Promise<Params> }) => {
  const raw = await searchParams
  const { errors, query } = parseSearchParams({ get: (name) => raw[name] })
  const { payload, user } = await currentViewer()
  let result: null | SearchResult = null
  let limited = false
  let unavailable = false
  if (query.q && !errors.length) {
    try {
      const outcome = await runSearch({
        payload,
        query: { ...query, viewer: canReadProfessionalContent(user) ? 'professional' : 'public' },
      })
      result = outcome.result
      limited = outcome.mode === 'database'
    } catch {
      unavailable = true
    }
  }
  const params = { careArea: query.careArea, q: query.q, type: query.type }
  const pages = result ? Math.max(1, Math.ceil(result.total / (query.pageSize ?? 10))) : 0
  return (
    <>
      <Breadcrumbs />
      <h1>Search</h1>
      <form action={SEARCH} className="nhsuk-u-margin-bottom-5" method="get" role="search">
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="search-q">
            Search guidance, tips, updates and documents
          </label>
          <input className="nhsuk-input nhsuk-u-width-two-thirds" defaultValue={query.q} id="search-q" name="q" type="search" />
        </div>
        <button className="nhsuk-button nhsuk-u-margin-bottom-0" type="submit">
          Search
        </button>
      </form>
      <ErrorSummary errors={errors.map((error) => ({ ...error, field: 'search-q' }))} />
      {unavailable ? <p role="status">Search is unavailable at the moment. Please try again shortly, or browse the care areas.</p> : null}
      {limited ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            Search is working in a limited way at the moment: it finds your exact words in titles and summaries only, without spelling
            corrections. Please try again later for full results.
          </p>
        </div>
      ) : null}
      {result ? (
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-third">
            <nav aria-label="Filter results">
              <h2 className="nhsuk-heading-s">Type</h2>
              <ul className="nhsuk-list">
                {Object.entries(result.facets.type).map(([type, count]) => (
                  <li key={type}>
                    <a aria-current={query.type === type ? 'true' : undefined} href={href({ changes: { page: undefined, type }, params })}>
                      {SEARCH_TYPE_LABELS[type as SearchDocumentType] ?? type} ({count})
                    </a>
                  </li>
                ))}
              </ul>
              {Object.keys(result.facets.careArea).length ? (
                <>
                  <h2 className="nhsuk-heading-s">Care area</h2>
                  <ul className="nhsuk-list">
                    {Object.entries(result.facets.careArea).map(([careArea, count]) => (
                      <li key={careArea}>
                        <a href={href({ changes: { careArea, page: undefined }, params })}>
                          {careArea} ({count})
                        </a>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {query.type || query.careArea ? (
                <a href={href({ changes: { careArea: undefined, type: undefined }, params })}>Clear filters</a>
              ) : null}
            </nav>
          </div>
          <div className="nhsuk-grid-column-two-thirds">
            <p role="status">
              {result.total === 1 ? '1 result' : `${result.total} results`} for <strong>{query.q}</strong>
            </p>
            {result.total === 0 && result.suggestion ? (
              <p>
                Did you mean <a href={href({ changes: { page: undefined, q: result.suggestion }, params })}>{result.suggestion}</a>?
              </p>
            ) : null}
            <ul className="nhsuk-list">
              {result.hits.map((hit) => (
                <li className="nhsuk-u-margin-bottom-5" key={hit.id}>
                  <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                    <a href={hit.url}>{hit.title}</a>
                  </h2>
                  <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                    {SEARCH_TYPE_LABELS[hit.type]}
                    {hit.careArea ? ` · ${hit.careArea}` : ''}
                  </p>
                  {/* The snippet is escaped by the engine before <mark> is added. */}
                  <p dangerouslySetInnerHTML={{ __html: hit.snippet }} />
                </li>
              ))}
            </ul>
            <Pagination
              href={(page) => href({ changes: { page: page === 1 ? undefined : String(page) }, params })}
              page={query.page ?? 1}
              totalPages={pages}
            />
          </div>
        </div>
      ) : null}
    </>
  )
}

export default SearchPage
