import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/Breadcrumbs'
import { SignupForm } from '@/components/site/SignupForm'
import { CONSENT_WORDING, CURRENT_WORDING } from '@/lib/newsletter/consent'
import { NEWSLETTER, NEWSLETTERS } from '@/lib/routes'
import { answersFormPost, errorTitle } from '@/lib/site/title'

import { signUp } from './actions'

export const dynamic = 'force-dynamic'

/** Sent back without JavaScript the form has errors, and the title says so (with JavaScript the form does). */
export const generateMetadata = async (): Promise<Metadata> => ({
  alternates: { canonical: NEWSLETTER },
  title: errorTitle({ errors: await answersFormPost(), title: 'Get the newsletter' }),
})

const NewsletterPage = () => (
  <>
    <Breadcrumbs />
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Get the newsletter</h1>
        <p className="nhsuk-lede-text">
          News from the diabetes network by email: updates, consultations, new guidance and what was decided at meetings.
        </p>
        <p>
          We will send you an email to confirm your address. You will not get any newsletters until you confirm. You can read past issues on
          the <a href={NEWSLETTERS}>newsletter archive</a>.
        </p>
        <SignupForm action={signUp} consent={CONSENT_WORDING[CURRENT_WORDING.signup]} />
        <p className="nhsuk-body-s">
          We use your email address only to send the newsletter. Every email has a link to change your topics or unsubscribe.
        </p>
      </div>
    </div>
  </>
)

export default NewsletterPage
