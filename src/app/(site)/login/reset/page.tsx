import type { Metadata } from 'next'

import config from '@payload-config'
import { getPayload } from 'payload'

import { ErrorMessage } from '@/components/site/ErrorMessage'
import { ErrorSummary } from '@/components/site/ErrorSummary'
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-policy'
import { resetTokenIsValid, SET_PASSWORD_MESSAGES } from '@/lib/auth/set-password'
import { FORGOT_PASSWORD, RESET_PASSWORD_SAVE } from '@/lib/routes'
import { errorTitle } from '@/lib/site/title'

export const dynamic = 'force-dynamic'

type Params = { error?: string; token?: string }

/** "Error: " first while the form shows an error; an expired link is a page of its own, not a form error. */
export const generateMetadata = async ({ searchParams }: { searchParams: Promise<Params> }): Promise<Metadata> => {
  const { error } = await searchParams
  return {
    robots: { follow: false, index: false },
    title: errorTitle({ errors: Boolean(error && error !== 'expired'), title: 'Choose a new password' }),
  }
}

const Expired = () => (
  <div className="nhsuk-grid-row">
    <div className="nhsuk-grid-column-two-thirds">
      <h1>This link has expired</h1>
      <p>A reset link works once, for a limited time. This one has been used, has expired or is not complete.</p>
      <p>
        <a href={FORGOT_PASSWORD}>Ask for a new link</a>
      </p>
    </div>
  </div>
)

const PasswordField = ({ error, hint, label, name }: { error?: string; hint?: string; label: string; name: string }) => {
  const described = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={name}>
        {label}
      </label>
      {hint ? (
        <div className="nhsuk-hint" id={`${name}-hint`}>
          {hint}
        </div>
      ) : null}
      <ErrorMessage id={`${name}-error`} message={error} />
      <input
        aria-describedby={described}
        autoComplete="new-password"
        className={`nhsuk-input${error ? ' nhsuk-input--error' : ''}`}
        id={name}
        name={name}
        type="password"
      />
    </div>
  )
}

/** The page a reset email links to: a new password, typed twice. A plain form: it works without JavaScript. */
const ResetPage = async ({ searchParams }: { searchParams: Promise<Params> }) => {
  const { error, token = '' } = await searchParams
  const payload = await getPayload({ config })
  if (error === 'expired' || !(await resetTokenIsValid({ payload, token }))) return <Expired />
  const message = error ? (SET_PASSWORD_MESSAGES[error as keyof typeof SET_PASSWORD_MESSAGES] ?? SET_PASSWORD_MESSAGES.missing) : null
  const field = error === 'confirm' ? 'confirm' : 'password'
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={message ? [{ field, message }] : []} />
        <h1>Choose a new password</h1>
        <form action={RESET_PASSWORD_SAVE} method="post" noValidate>
          <input name="token" type="hidden" value={token} />
          <PasswordField
            error={field === 'password' ? (message ?? undefined) : undefined}
            hint={`At least ${PASSWORD_MIN_LENGTH} characters. Three random words make a strong password. It must not contain the first part of your email address.`}
            label="New password"
            name="password"
          />
          <PasswordField
            error={field === 'confirm' ? (message ?? undefined) : undefined}
            label="Type the new password again"
            name="confirm"
          />
          <button className="nhsuk-button" data-module="nhsuk-button" type="submit">
            Save the new password
          </button>
        </form>
      </div>
    </div>
  )
}

export default ResetPage
