'use client'

import { useActionState } from 'react'

import type { SignupState } from '@/app/(site)/newsletter/actions'

import { ErrorSummary } from './ErrorSummary'
import { TopicCheckboxes } from './TopicCheckboxes'
import { Honeypot } from './Honeypot'

/**
 * The newsletter sign-up form. Server-validated, with an NHS.UK error summary and every value kept; without
 * JavaScript it is an ordinary form post.
 */
export const SignupForm = ({
  action,
  consent,
}: {
  action: (state: SignupState, form: FormData) => Promise<SignupState>
  consent: string
}) => {
  const [state, formAction, pending] = useActionState(action, null)
  const errors = new Map((state?.errors ?? []).map((error) => [error.field, error.message]))
  const emailError = errors.get('email')
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={state?.errors ?? []} />
      <div className={`nhsuk-form-group${emailError ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor="email">
          Email address
        </label>
        {emailError ? (
          <span className="nhsuk-error-message" id="email-error">
            <span className="nhsuk-u-visually-hidden">Error:</span> {emailError}
          </span>
        ) : null}
        <input
          aria-describedby={emailError ? 'email-error' : undefined}
          autoComplete="email"
          className={`nhsuk-input nhsuk-u-width-two-thirds${emailError ? ' nhsuk-input--error' : ''}`}
          defaultValue={state?.values.email ?? ''}
          id="email"
          key={`email-${state?.values.email ?? ''}`}
          name="email"
          spellCheck={false}
          type="email"
        />
      </div>
      <TopicCheckboxes
        checked={state?.values.topics ?? []}
        error={errors.get('topics')}
        key={`topics-${(state?.values.topics ?? []).join()}`}
        legend="What would you like to hear about?"
      />
      <p>{consent}</p>
      <Honeypot />
      <button aria-disabled={pending} className="nhsuk-button" data-module="nhsuk-button" type="submit">
        Subscribe
      </button>
    </form>
  )
}
