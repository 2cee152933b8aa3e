import { HOME, LOGIN } from '@/lib/routes'

/** Shown for unknown addresses and for content the visitor may not see (never a 403 that confirms it exists). */
const NotFound = () => (
  <div className="nhsuk-grid-row">
    <div className="nhsuk-grid-column-two-thirds">
      <h1>Page not found</h1>
      <p>If you typed the web address, check it was correct.</p>
      <p>If you pasted the web address, check you copied the entire address.</p>
      <p>
        Some guidance is for health and care professionals only. If you have an account, <a href={LOGIN}>sign in</a> to see it.
      </p>
      <p>
        <a href={HOME}>Go to the home page</a>
      </p>
    </div>
  </div>
)

export default NotFound
