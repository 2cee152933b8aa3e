'use client'

import { HOME } from '@/lib/routes'

/** The site's 500 page, in the same layout; the error itself is logged by the server, not shown. */
const ErrorPage = () => (
  <div className="nhsuk-grid-row">
    <div className="nhsuk-grid-column-two-thirds">
      <h1>Sorry, there is a problem with the service</h1>
      <p>Try again later.</p>
      <p>
        <a href={HOME}>Go to the home page</a>
      </p>
    </div>
  </div>
)

export default ErrorPage
