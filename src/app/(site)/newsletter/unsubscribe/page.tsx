import type { Metadata } from 'next'

import { NewsletterLinkProblem } from '@/components/site/NewsletterLinkProblem'
import { TokenButton } from '@/components/site/TokenButton'
import { subscriberForToken } from '@/lib/newsletter/subscriber-token'
import { NEWSLETTER } from '@/lib/routes'
import { currentViewer } from '@/lib/site/viewer'

import { unsubscribeAction } from '../link-actions'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { robots: { follow: false, index: false }, title: 'Unsubscribe' }

/** The unsubscribe link in every newsletter: one button, and no sign-in. */
const UnsubscribePage = async ({ searchParams }: { searchParams: Promise<{ token?: string }> }) => {
  const { token } = await searchParams
  const { payload } = await currentViewer()
  const found = await subscriberForToken({ payload, purposes: ['unsubscribe'], token })
  if (!found.ok) return <NewsletterLinkProblem reason={token === 'sample' ? 'sample' : found.reason} />
  const { subscriber } = found
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {subscriber.status === 'unsubscribed' ? (
          <>
            <div className="nhsuk-panel nhsuk-panel--confirmation">
              <h1 className="nhsuk-panel__title">You have unsubscribed</h1>
              <div className="nhsuk-panel__body">We will not send the newsletter to {subscriber.email} again</div>
            </div>
            <p>
              Changed your mind? <a href={NEWSLETTER}>Sign up again</a>.
            </p>
          </>
        ) : (
          <>
            <h1>Unsubscribe from the newsletter</h1>
            <p>
              Stop sending the newsletter to <strong>{subscriber.email}</strong>?
            </p>
            <TokenButton action={unsubscribeAction} label="Unsubscribe" token={token} />
          </>
        )}
      </div>
    </div>
  )
}

export default UnsubscribePage
