import type { SiteFeedbackPage } from '@/lib/feedback/site-pages'

import { FEEDBACK } from '@/lib/routes'

import { ErrorSummary } from './ErrorSummary'
import { Honeypot } from './Honeypot'

/**
 * "Was this page useful?" as a plain HTML form posted to /feedback, so it works without JavaScript, about a
 * guidance page (`pageId`) or one of the site's own pages (`sitePage`, see lib/feedback/site-pages).
 * `status` comes back in the query string after the post-redirect-get.
 */
export const FeedbackForm = ({
  pageId,
  returnTo,
  sitePage,
  status,
}: { returnTo: string; status?: string } & (
  { pageId: number | string; sitePage?: never } | { pageId?: never; sitePage: SiteFeedbackPage }
)) => {
  if (status === 'thanks') {
    return (
      <section aria-labelledby="feedback-heading" className="nhsuk-u-margin-top-6" id="feedback">
        <h2 className="nhsuk-heading-m" id="feedback-heading">
          Was this page useful?
        </h2>
        <p role="status">Thank you for your feedback.</p>
      </section>
    )
  }
  return (
    <section aria-labelledby="feedback-heading" className="nhsuk-u-margin-top-6" id="feedback">
      <form action={FEEDBACK} method="post" noValidate>
        {sitePage ? <input name="sitePage" type="hidden" value={sitePage} /> : <input name="page" type="hidden" value={String(pageId)} />}
        <input name="returnTo" type="hidden" value={returnTo} />
        <ErrorSummary errors={status === 'error' ? [{ field: 'useful-yes', message: 'Select yes or no' }] : []} id="feedback-error" />
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
            <h2 className="nhsuk-fieldset__heading" id="feedback-heading">
              Was this page useful?
            </h2>
          </legend>
          <div className="nhsuk-radios nhsuk-radios--inline">
            <div className="nhsuk-radios__item">
              <input className="nhsuk-radios__input" id="useful-yes" name="useful" type="radio" value="yes" />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor="useful-yes">
                Yes
              </label>
            </div>
            <div className="nhsuk-radios__item">
              <input className="nhsuk-radios__input" id="useful-no" name="useful" type="radio" value="no" />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor="useful-no">
                No
              </label>
            </div>
          </div>
        </fieldset>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="feedback-comment">
            Tell us how we could improve this page (optional)
          </label>
          <div className="nhsuk-hint" id="feedback-comment-hint">
            Do not include personal or medical information. We cannot reply to comments.
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
