import type { Metadata } from 'next'

import { ErrorSummary } from '@/components/site/ErrorSummary'
import { NewsletterLinkProblem } from '@/components/site/NewsletterLinkProblem'
import { TokenButton } from '@/components/site/TokenButton'
import { TopicCheckboxes } from '@/components/site/TopicCheckboxes'
import { CONSENT_WORDING, CURRENT_WORDING } from '@/lib/newsletter/consent'
import { subscriberForToken } from '@/lib/newsletter/subscriber-token'
import { NEWSLETTER } from '@/lib/routes'
import { errorTitle } from '@/lib/site/title'
import { currentViewer } from '@/lib/site/viewer'

import { savePreferencesAction, unsubscribeFromPreferencesAction } from '../link-actions'

export const dynamic = 'force-dynamic'

type Params = { error?: string; saved?: string; token?: string }

export const generateMetadata = async ({ searchParams }: { searchParams: Promise<Params> }): Promise<Metadata> => ({
  robots: { follow: false, index: false },
  title: errorTitle({ errors: (await searchParams).error === 'topics', title: 'Your newsletter subscription' }),
})

const TOPICS_ERROR = { field: 'topics', message: 'Select at least one topic, or unsubscribe below' }

/** Reached from the link in every newsletter (no sign-in): choose topics, or unsubscribe. */
const PreferencesPage = async ({ searchParams }: { searchParams: Promise<Params> }) => {
  const { error, saved, token } = await searchParams
  const { payload } = await currentViewer()
  const found = await subscriberForToken({ payload, purposes: ['manage'], token })
  if (!found.ok) return <NewsletterLinkProblem reason={token === 'sample' ? 'sample' : found.reason} />
  const { subscriber } = found
  if (subscriber.status !== 'confirmed') {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>You are not subscribed</h1>
          <p>We do not send the newsletter to {subscriber.email}.</p>
          <p>
            To get it, <a href={NEWSLETTER}>sign up for the newsletter</a>.
          </p>
        </div>
      </div>
    )
  }
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={error === 'topics' ? [TOPICS_ERROR] : []} />
        <h1>Your newsletter subscription</h1>
        <p>
          We send the newsletter to <strong>{subscriber.email}</strong>.
        </p>
        {saved ? (
          <div className="nhsuk-inset-text" role="status">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>Your topics have been saved.</p>
          </div>
        ) : null}
        <form action={savePreferencesAction}>
          <input name="token" type="hidden" value={token} />
          <TopicCheckboxes
            checked={subscriber.topics ?? []}
            error={error === 'topics' ? TOPICS_ERROR.message : undefined}
            legend="Topics"
          />
          <p>{CONSENT_WORDING[CURRENT_WORDING.preferences]}</p>
          <button className="nhsuk-button" data-module="nhsuk-button" type="submit">
            Save topics
          </button>
        </form>
        <h2>Unsubscribe</h2>
        <p>Stop getting the newsletter altogether.</p>
        <TokenButton action={unsubscribeFromPreferencesAction} label="Unsubscribe" secondary token={token} />
      </div>
    </div>
  )
}

export default PreferencesPage
