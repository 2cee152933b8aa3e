import type { Metadata } from 'next'

import { redirect } from 'next/navigation'

import { ErrorSummary } from '@/components/site/ErrorSummary'
import { safeReturnPath } from '@/lib/site/urls'
import { currentViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { robots: { follow: false, index: false }, title: 'Professional sign in' }

const MESSAGES: Record<string, string> = {
  invalid: 'Enter the email address and password for your account.',
  locked: 'This account is locked after too many failed attempts. Try again in 15 minutes.',
  wrong: 'The email address or password is not right.',
}

const LoginPage = async ({ searchParams }: { searchParams: Promise<{ error?: string; next?: string }> }) => {
  const { error, next } = await searchParams
  const returnTo = safeReturnPath(next)
  const { user } = await currentViewer()
  if (user) redirect(returnTo)
  const message = error ? (MESSAGES[error] ?? MESSAGES.wrong) : null
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={message ? [{ field: 'email', message }] : []} />
        <h1>Professional sign in</h1>
        <p>Health and care professionals with an account can sign in to see guidance written for professionals.</p>
        <form action="/login/session" method="post" noValidate>
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
      </div>
    </div>
  )
}

export default LoginPage
