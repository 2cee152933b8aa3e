import type { Metadata } from 'next'

import { NewsletterLinkProblem } from '@/components/site/NewsletterLinkProblem'
import { TokenButton } from '@/components/site/TokenButton'
import { managePath } from '@/lib/newsletter/links'
import { subscriberForToken } from '@/lib/newsletter/subscriber-token'
import { topicLabel } from '@/lib/newsletter/topics'
import { currentViewer } from '@/lib/site/viewer'

import { confirmAction } from '../link-actions'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { robots: { follow: false, index: false }, title: 'Confirm your subscription' }

/** The confirmation link from the email: shows what will happen, and confirms on the button (never on the GET). */
const ConfirmPage = async ({ searchParams }: { searchParams: Promise<{ token?: string }> }) => {
  const { token } = await searchParams
  const { payload } = await currentViewer()
  const found = await subscriberForToken({ payload, purposes: ['confirm'], token })
  if (!found.ok) return <NewsletterLinkProblem reason={token === 'sample' ? 'sample' : found.reason} />
  const { subscriber } = found
  if (subscriber.status === 'unsubscribed') return <NewsletterLinkProblem reason="invalid" />
  const topics = (subscriber.topics ?? []).map(topicLabel).join(', ')
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {subscriber.status === 'confirmed' ? (
          <>
            <div className="nhsuk-panel nhsuk-panel--confirmation">
              <h1 className="nhsuk-panel__title">Subscription confirmed</h1>
              <div className="nhsuk-panel__body">We will send the newsletter to {subscriber.email}</div>
            </div>
            <p>Topics: {topics}.</p>
            <p>
              <a href={managePath({ secret: payload.secret, subscriber })}>Change your topics or unsubscribe</a>
            </p>
          </>
        ) : (
          <>
            <h1>Confirm your subscription</h1>
            <p>
              Confirm that you want the newsletter sent to <strong>{subscriber.email}</strong>.
            </p>
            <p>Topics: {topics}. You can change them after confirming.</p>
            <TokenButton action={confirmAction} label="Confirm subscription" token={token} />
          </>
        )}
      </div>
    </div>
  )
}

export default ConfirmPage
