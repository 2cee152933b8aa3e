'use client'

import { useActionState, useEffect, useState } from 'react'

import type { AskState } from '@/app/(site)/ask/actions'

import { CONSENT_WORDING, CURRENT_WORDING } from '@/lib/newsletter/consent'
import { BEFORE_YOU_ASK_FIELD, BEFORE_YOU_ASK_SEEN } from '@/lib/questions/before-you-ask'

import { BeforeYouAsk } from './BeforeYouAsk'

import { ErrorMessage } from './ErrorMessage'
import { ErrorSummary } from './ErrorSummary'
import { Honeypot } from './Honeypot'
import { PrivacyNoticeLink } from './PrivacyNoticeLink'

type Field = { autoComplete?: string; hint?: string; label: string; name: string; required?: boolean; type?: string; width?: string }

const FIELDS: Field[] = [
  { autoComplete: 'name', label: 'Full name', name: 'name', required: true, width: 'nhsuk-u-width-two-thirds' },
  { autoComplete: 'organization-title', label: 'Job title (optional)', name: 'jobTitle', width: 'nhsuk-u-width-two-thirds' },
  { autoComplete: 'organization', label: 'Organisation (optional)', name: 'organisation', width: 'nhsuk-u-width-two-thirds' },
  {
    autoComplete: 'email',
    hint: 'We will send our answer to this address.',
    label: 'Email address',
    name: 'email',
    required: true,
    type: 'email',
    width: 'nhsuk-u-width-two-thirds',
  },
  {
    autoComplete: 'tel',
    hint: 'For example, 01632 960 001 or 07700 900 982.',
    label: 'UK telephone number (optional)',
    name: 'telephone',
    type: 'tel',
    width: 'nhsuk-input--width-20',
  },
]

/** A choice the asker makes by ticking, never ticked for them (NHS.UK checkbox, with an optional hint). */
const OptInCheckbox = ({ checked, hint, label, name }: { checked: boolean; hint?: string; label: string; name: string }) => (
  <div className="nhsuk-form-group">
    <div className="nhsuk-checkboxes">
      <div className="nhsuk-checkboxes__item">
        <input
          aria-describedby={hint ? `${name}-hint` : undefined}
          className="nhsuk-checkboxes__input"
          defaultChecked={checked}
          id={name}
          name={name}
          type="checkbox"
          value="yes"
        />
        <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={name}>
          {label}
        </label>
        {hint ? (
          <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${name}-hint`}>
            {hint}
          </div>
        ) : null}
      </div>
    </div>
  </div>
)

const UNAVAILABLE_MESSAGE =
  'Your question has not been sent: the service is busy or briefly unavailable. Everything you typed is still below. Please try again in a minute.'

/**
 * The question form. Server-validated: errors come back as an NHS.UK error summary linking to each field,
 * and every value typed is kept. Without JavaScript it is an ordinary form post.
 */
export const AskForm = ({ action, sourcePath }: { action: (state: AskState, form: FormData) => Promise<AskState>; sourcePath: string }) => {
  const [state, formAction, pending] = useActionState(action, null)
  const fieldErrors = state?.kind === 'invalid' ? state.errors : []
  const errors = new Map(fieldErrors.map((error) => [error.field, error.message]))
  const value = (name: string) => (state?.values as Record<string, string> | undefined)?.[name] ?? ''
  const [typed, setTyped] = useState(value('question'))
  // Once the script runs, matching answers are shown as the question is typed: the form need not stop to show them.
  const [scripted, setScripted] = useState(false)
  useEffect(() => setScripted(true), [])
  const sentBack = state?.kind === 'before-you-ask' ? state.answers : null
  return (
    <form action={formAction} noValidate>
      <ErrorSummary
        attempt={state}
        errors={
          state?.kind === 'unavailable'
            ? [{ field: 'send-question', message: UNAVAILABLE_MESSAGE }]
            : state?.kind === 'rate-limited'
              ? [{ field: 'send-question', message: `${state.message} Everything you typed is still below.` }]
              : fieldErrors
        }
      />
      <input name="sourcePath" type="hidden" value={sourcePath} />
      <input name={BEFORE_YOU_ASK_FIELD} type="hidden" value={scripted || sentBack ? BEFORE_YOU_ASK_SEEN : ''} />
      {sentBack ? <BeforeYouAsk sent={sentBack} text={typed} /> : null}
      {FIELDS.map((field) => {
        const error = errors.get(field.name)
        const described = [field.hint ? `${field.name}-hint` : '', error ? `${field.name}-error` : ''].filter(Boolean).join(' ')
        return (
          <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`} key={field.name}>
            <label className="nhsuk-label" htmlFor={field.name}>
              {field.label}
            </label>
            {field.hint ? (
              <div className="nhsuk-hint" id={`${field.name}-hint`}>
                {field.hint}
              </div>
            ) : null}
            <ErrorMessage id={`${field.name}-error`} message={error} />
            <input
              aria-describedby={described || undefined}
              autoComplete={field.autoComplete}
              className={`nhsuk-input ${field.width ?? ''}${error ? ' nhsuk-input--error' : ''}`}
              defaultValue={value(field.name)}
              id={field.name}
              key={`${field.name}-${value(field.name)}`}
              name={field.name}
              spellCheck={field.type === 'email' ? false : undefined}
              type={field.type ?? 'text'}
            />
          </div>
        )
      })}
      <div className={`nhsuk-form-group${errors.get('question') ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor="question">
          Your question
        </label>
        <div className="nhsuk-hint" id="question-hint">
          Do not include medical details about yourself or anyone else. Up to 5,000 characters.
        </div>
        <ErrorMessage id="question-error" message={errors.get('question')} />
        <textarea
          aria-describedby={`question-hint${errors.get('question') ? ' question-error' : ''}`}
          className={`nhsuk-textarea${errors.get('question') ? ' nhsuk-textarea--error' : ''}`}
          defaultValue={value('question')}
          id="question"
          key={`question-${value('question').length}`}
          maxLength={5000}
          name="question"
          onInput={(event) => setTyped(event.currentTarget.value)}
          rows={6}
        />
      </div>
      {sentBack ? null : <BeforeYouAsk sent={null} text={typed} />}
      <OptInCheckbox checked={value('newsletterOptIn') === 'yes'} label={CONSENT_WORDING[CURRENT_WORDING.ask]} name="newsletterOptIn" />
      <OptInCheckbox
        checked={value('publicationConsent') === 'yes'}
        hint="We may edit the wording. We never publish your name, email address, telephone number, organisation or job title."
        label="You may publish my question and your answer on this website"
        name="publicationConsent"
      />
      <PrivacyNoticeLink />
      <Honeypot />
      <button aria-disabled={pending} className="nhsuk-button" data-module="nhsuk-button" id="send-question" type="submit">
        Send your question
      </button>
    </form>
  )
}
