import { NEWSLETTER } from '@/lib/routes'

/** What a visitor sees when a link from a newsletter email is not (or no longer) usable. */
export const NewsletterLinkProblem = ({ reason }: { reason: 'expired' | 'invalid' | 'sample' }) => (
  <div className="nhsuk-grid-row">
    <div className="nhsuk-grid-column-two-thirds">
      {reason === 'sample' ? (
        <>
          <h1>This is a sample link</h1>
          <p>It comes from a preview or a test email. In the newsletter itself, each subscriber gets a link of their own.</p>
        </>
      ) : reason === 'expired' ? (
        <>
          <h1>This link has expired</h1>
          <p>Links to confirm a subscription work for 7 days.</p>
          <p>
            <a href={NEWSLETTER}>Sign up again</a> and we will send you a new link.
          </p>
        </>
      ) : (
        <>
          <h1>This link does not work</h1>
          <p>Check you copied all of it, or use the link in the most recent email we sent you.</p>
          <p>
            To start again, <a href={NEWSLETTER}>sign up for the newsletter</a>.
          </p>
        </>
      )}
    </div>
  </div>
)
