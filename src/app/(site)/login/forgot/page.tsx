import type { Metadata } from 'next'

import { EmailField } from '@/components/site/EmailField'
import { ErrorSummary } from '@/components/site/ErrorSummary'
import { RESET_LINK_MINUTES } from '@/lib/auth/password-reset'
import { FORGOT_PASSWORD_SEND, LOGIN } from '@/lib/routes'
import { errorTitle } from '@/lib/site/title'

export const dynamic = 'force-dynamic'

type Params = { error?: string; sent?: string }

export const generateMetadata = async ({ searchParams }: { searchParams: Promise<Params> }): Promise<Metadata> => {
  const { error, sent } = await searchParams
  return { robots: { follow: false, index: false }, title: errorTitle({ errors: Boolean(error && !sent), title: 'Reset your password' }) }
}

const MESSAGES: Record<string, string> = {
  invalid: 'Enter an email address in the correct format, like name@example.com',
}

/** Asks for the address to send a reset link to; the answer is the same whether or not it has an account. */
const ForgotPage = async ({ searchParams }: { searchParams: Promise<Params> }) => {
  const { error, sent } = await searchParams
  if (sent) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Check your email</h1>
          <p>If an account uses the email address you entered, we have sent it a link to reset the password.</p>
          <p>{`The link works for ${RESET_LINK_MINUTES} minutes. If nothing arrives, check your spam folder or ask again.`}</p>
          <p>
            <a href={LOGIN}>Back to sign in</a>
          </p>
        </div>
      </div>
    )
  }
  const message = error ? (MESSAGES[error] ?? MESSAGES.invalid) : null
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={message ? [{ field: 'email', message }] : []} />
        <h1>Reset your password</h1>
        <p>Enter the email address of your account and we will send you a link to choose a new password.</p>
        <form action={FORGOT_PASSWORD_SEND} method="post" noValidate>
          <EmailField error={message} />
          <button className="nhsuk-button" data-module="nhsuk-button" type="submit">
            Send the link
          </button>
        </form>
        <p>
          <a href={LOGIN}>Back to sign in</a>
        </p>
      </div>
    </div>
  )
}

export default ForgotPage
