'use client'

import type { FormEvent } from 'react'

import { useState } from 'react'

import type { SiteFeedbackPage } from '@/lib/feedback/site-pages'

import { COMMENT_HINT, COMMENT_LABEL, FEEDBACK_QUESTION, USEFUL_ERROR, USEFUL_FIRST_ID, USEFUL_OPTIONS } from '@/lib/feedback/form'
import { FEEDBACK } from '@/lib/routes'

import { ErrorMessage } from './ErrorMessage'
import { ErrorSummary } from './ErrorSummary'
import { Honeypot } from './Honeypot'

/** Yes or no, with the NHS.UK inline error inside the fieldset's form group when neither was chosen. */
const UsefulRadios = ({ error }: { error: boolean }) => (
  <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
    <fieldset aria-describedby={error ? 'useful-error' : undefined} className="nhsuk-fieldset">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
        <h2 className="nhsuk-fieldset__heading" id="feedback-heading">
          {FEEDBACK_QUESTION}
        </h2>
      </legend>
      <ErrorMessage id="useful-error" message={error ? USEFUL_ERROR : null} />
      <div className="nhsuk-radios nhsuk-radios--inline">
        {USEFUL_OPTIONS.map((option) => (
          <div className="nhsuk-radios__item" key={option.value}>
            <input className="nhsuk-radios__input" id={`useful-${option.value}`} name="useful" type="radio" value={option.value} />
            <label className="nhsuk-label nhsuk-radios__label" htmlFor={`useful-${option.value}`}>
              {option.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  </div>
)

/**
 * "Was this page useful?" as a plain HTML form posted to /feedback, so it works without JavaScript, about a
 * guidance page (`pageId`), a published answer (`answerId`) or one of the site's own pages (`sitePage`, see lib/feedback/site-pages).
 * `status` comes back in the query string after the post-redirect-get. With JavaScript an answer without yes or
 * no is stopped before it is sent, so the page (and the comment typed) stays; without it the route answers with
 * the form again, the comment kept.
 */
export const FeedbackForm = ({
  answerId,
  pageId,
  returnTo,
  sitePage,
  status,
}: { returnTo: string; status?: string } & (
  | { answerId: number | string; pageId?: never; sitePage?: never }
  | { answerId?: never; pageId: number | string; sitePage?: never }
  | { answerId?: never; pageId?: never; sitePage: SiteFeedbackPage }
)) => {
  const [missing, setMissing] = useState(status === 'error')
  // Each stopped submission, so the summary takes focus again on a second try without yes or no.
  const [attempts, setAttempts] = useState(0)
  if (status === 'thanks') {
    return (
      <section aria-labelledby="feedback-heading" className="nhsuk-u-margin-top-6" id="feedback">
        <h2 className="nhsuk-heading-m" id="feedback-heading">
          {FEEDBACK_QUESTION}
        </h2>
        <p role="status">Thank you for your feedback.</p>
      </section>
    )
  }
  // The same rule the route applies; anything else (the comment's characters, limits) is still checked there.
  const check = (event: FormEvent<HTMLFormElement>) => {
    const chosen = new FormData(event.currentTarget).get('useful')
    setMissing(!chosen)
    if (!chosen) {
      event.preventDefault()
      setAttempts((count) => count + 1)
    }
  }
  return (
    <section aria-labelledby="feedback-heading" className="nhsuk-u-margin-top-6" id="feedback">
      <form action={FEEDBACK} method="post" noValidate onSubmit={check}>
        {sitePage ? (
          <input name="sitePage" type="hidden" value={sitePage} />
        ) : answerId !== undefined ? (
          <input name="answer" type="hidden" value={String(answerId)} />
        ) : (
          <input name="page" type="hidden" value={String(pageId)} />
        )}
        <input name="returnTo" type="hidden" value={returnTo} />
        <ErrorSummary attempt={attempts} errors={missing ? [{ field: USEFUL_FIRST_ID, message: USEFUL_ERROR }] : []} />
        <UsefulRadios error={missing} />
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="feedback-comment">
            {COMMENT_LABEL}
          </label>
          <div className="nhsuk-hint" id="feedback-comment-hint">
            {COMMENT_HINT}
          </div>
          <textarea
            aria-describedby="feedback-comment-hint"
            className="nhsuk-textarea"
            id="feedback-comment"
            maxLength={1000}
            name="comment"
            rows={3}
          />
        </div>
        <Honeypot id="feedback-website" />
        <button className="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" type="submit">
          Send feedback
        </button>
      </form>
    </section>
  )
}
