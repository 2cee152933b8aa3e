import type { Metadata } from 'next'

import { redirect } from 'next/navigation'

import { ErrorSummary } from '@/components/site/ErrorSummary'
import { CONTACT, FORGOT_PASSWORD, LOGIN_SESSION } from '@/lib/routes'
import { errorTitle } from '@/lib/site/title'
import { safeReturnPath } from '@/lib/site/urls'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

type Params = { error?: string; next?: string; reset?: string; retry?: string }

export const generateMetadata = async ({ searchParams }: { searchParams: Promise<Params> }): Promise<Metadata> => ({
  robots: { follow: false, index: false },
  title: errorTitle({ errors: Boolean((await searchParams).error), title: 'Professional sign in' }),
})

// One message for a wrong password, an unknown address and a locked sign-in: none may tell which it was.
const MESSAGES: Record<string, string> = {
  invalid: 'Enter the email address and password for your account.',
  wrong: 'The email address or password is not right.',
}

const busyMessage = ({ retry }: { retry?: string }) =>
  `Too many failed sign-ins from your network. Try again in ${Math.max(1, Math.ceil(Math.min(Number(retry) || 900, 3600) / 60))} minutes.`

const LoginPage = async ({ searchParams }: { searchParams: Promise<Params> }) => {
  const { error, next, reset, retry } = await searchParams
  const returnTo = safeReturnPath(next)
  const { user } = await currentViewer()
  if (user) redirect(returnTo)
  const message = error ? (error === 'busy' ? busyMessage({ retry }) : (MESSAGES[error] ?? MESSAGES.wrong)) : null
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={message ? [{ field: 'email', message }] : []} />
        {reset === 'done' && !message ? (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>Your password has been changed. Sign in with your new password.</p>
          </div>
        ) : null}
        <h1>Professional sign in</h1>
        <p>Health and care professionals with an account can sign in to see guidance written for professionals.</p>
        <form action={LOGIN_SESSION} method="post" noValidate>
          <input name="next" type="hidden" value={returnTo} />
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="email">
              Email address
            </label>
            <input autoComplete="email" className="nhsuk-input" id="email" name="email" spellCheck={false} type="email" />
          </div>
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="password">
              Password
            </label>
            <input autoComplete="current-password" className="nhsuk-input" id="password" name="password" type="password" />
          </div>
          <button className="nhsuk-button" data-module="nhsuk-button" type="submit">
            Sign in
          </button>
        </form>
        <p>
          <a href={FORGOT_PASSWORD}>Forgot your password?</a>
        </p>
        <h2>Getting a professional account</h2>
        <p>
          Accounts are for health and care professionals who work with the network, such as GPs, specialist nurses and commissioners. Most
          guidance is public: you only need an account for the pages written for professionals.
        </p>
        <p>
          To ask for one, <a href={CONTACT}>contact the network team</a> with your name, job title, organisation and work email address.
          When your account is ready, use &quot;Forgot your password?&quot; with that address to choose your own password.
        </p>
      </div>
    </div>
  )
}

export default LoginPage
