'use client'

import { useActionState } from 'react'

import type { SignupState } from '@/app/(site)/newsletter/actions'

import { EmailField } from './EmailField'
import { ErrorSummary } from './ErrorSummary'
import { TopicCheckboxes } from './TopicCheckboxes'
import { Honeypot } from './Honeypot'
import { PrivacyNoticeLink } from './PrivacyNoticeLink'

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
  return (
    <form action={formAction} noValidate>
      <ErrorSummary attempt={state} errors={state?.errors ?? []} />
      <EmailField defaultValue={state?.values.email ?? ''} error={errors.get('email')} width="nhsuk-u-width-two-thirds" />
      <TopicCheckboxes
        checked={state?.values.topics ?? []}
        error={errors.get('topics')}
        key={`topics-${(state?.values.topics ?? []).join()}`}
        legend="What would you like to hear about?"
      />
      <p>{consent}</p>
      <PrivacyNoticeLink />
      <Honeypot />
      <button aria-disabled={pending} className="nhsuk-button" data-module="nhsuk-button" type="submit">
        Subscribe
      </button>
    </form>
  )
}
