import type { Metadata } from 'next'

import { pageNumber } from '@/components/site/Pagination'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { robots: { follow: false, index: false }, title: 'Too many questions' }

/** Served with status 429 by the Express layer (see the server's app). */
const TooMany = async ({ searchParams }: { searchParams: Promise<{ retry?: string }> }) => {
  const minutes = Math.max(1, Math.ceil(pageNumber((await searchParams).retry) / 60))
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>You have sent several questions in a short time</h1>
        <p>{`To protect the service, we limit how many questions can be sent from one place. Please try again in about ${minutes} minutes.`}</p>
        <p>Your last question was not sent.</p>
        <p>
          <a href="/ask">Go back to the question form</a>
        </p>
      </div>
    </div>
  )
}

export default TooMany
