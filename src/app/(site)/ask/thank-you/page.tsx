import type { Metadata } from 'next'

import { siteSettings } from '@/lib/site/viewer'
import { HOME } from '@/lib/routes'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { robots: { follow: false, index: false }, title: 'Question sent' }

const ThankYou = async ({ searchParams }: { searchParams: Promise<{ reference?: string }> }) => {
  const { reference } = await searchParams
  const { questionResponseTargetDays } = await siteSettings()
  const valid = typeof reference === 'string' && /^Q-\d{4}-\d{6}$/.test(reference)
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <div className="nhsuk-panel nhsuk-panel--confirmation">
          <h1 className="nhsuk-panel__title">Question sent</h1>
          {valid ? (
            <div className="nhsuk-panel__body">
              Your reference number
              <br />
              <strong>{reference}</strong>
            </div>
          ) : null}
        </div>
        <p>We aim to reply within {questionResponseTargetDays} working days. Please quote your reference if you contact us about it.</p>
        <p>
          <a href={HOME}>Go to the home page</a>
        </p>
      </div>
    </div>
  )
}

export default ThankYou
