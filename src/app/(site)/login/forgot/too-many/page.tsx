import type { Metadata } from 'next'

import { pageNumber } from '@/components/site/Pagination'
import { LOGIN } from '@/lib/routes'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { robots: { follow: false, index: false }, title: 'Too many reset requests' }

/** Served with status 429 by the Express layer (see the server's app). */
const TooMany = async ({ searchParams }: { searchParams: Promise<{ retry?: string }> }) => {
  const minutes = Math.max(1, Math.ceil(Math.min(pageNumber((await searchParams).retry), 3600) / 60))
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>You have asked for several reset links in a short time</h1>
        <p>{`To protect accounts, we limit how many reset links can be asked for. Please try again in about ${minutes} minutes.`}</p>
        <p>If you asked before, the email may already be on its way: check your inbox and spam folder.</p>
        <p>
          <a href={LOGIN}>Back to sign in</a>
        </p>
      </div>
    </div>
  )
}

export default TooMany
