import type { Metadata } from 'next'

import { HOME } from '@/lib/routes'

export const metadata: Metadata = { robots: { follow: false, index: false }, title: 'Check your email' }

const CheckEmail = () => (
  <div className="nhsuk-grid-row">
    <div className="nhsuk-grid-column-two-thirds">
      <div className="nhsuk-panel nhsuk-panel--confirmation">
        <h1 className="nhsuk-panel__title">Check your email</h1>
        <div className="nhsuk-panel__body">We have sent you a link to confirm your subscription</div>
      </div>
      <p>Open the email and select the link within 7 days. If it has not arrived in a few minutes, check your junk or spam folder.</p>
      <p>If you are already subscribed, we have emailed you a link to change your topics instead.</p>
      <p>
        <a href={HOME}>Go to the home page</a>
      </p>
    </div>
  </div>
)

export default CheckEmail
