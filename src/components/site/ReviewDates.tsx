import type { Page } from '@/payload-types'

import { formatDate, isoDay } from '@/lib/site/format'

type Review = Partial<Pick<Page['review'], 'awaitingClinicalReview' | 'lastReviewed' | 'nextReviewDue' | 'origin' | 'originYear'>>

/**
 * "This page was written for the earlier Diabetes Journey site (2007) and is awaiting clinical review." Null
 * for a page a clinical reviewer has signed off here.
 */
export const awaitingReviewNotice = ({ review }: { review?: null | Review }): null | string => {
  if (!review?.awaitingClinicalReview) return null
  const year = review.originYear ? ` (${review.originYear})` : ''
  return review.origin ? `This page was ${review.origin}${year} and is awaiting clinical review.` : 'This page is awaiting clinical review.'
}

export const AwaitingReviewNotice = ({ review }: { review?: null | Review }) => {
  const notice = awaitingReviewNotice({ review })
  return notice ? (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>{notice}</p>
    </div>
  ) : null
}

/**
 * "Page last reviewed / Next review due", as NHS.UK pages show them. A review date that is not known says
 * so; a page awaiting clinical review shows that instead of a next date (it is due now). The notice saying
 * where its text came from is shown above the guidance.
 */
export const ReviewDates = ({ review }: { review?: null | Review }) => {
  if (!review) return null
  const { lastReviewed, nextReviewDue } = review
  return (
    <div className="nhsuk-review-date">
      <p className="nhsuk-body-s">
        {lastReviewed ? (
          <>
            Page last reviewed: <time dateTime={isoDay(lastReviewed)}>{formatDate(lastReviewed)}</time>
          </>
        ) : (
          'Page last reviewed: not known'
        )}
        <br />
        {review.awaitingClinicalReview ? (
          'Awaiting clinical review'
        ) : nextReviewDue ? (
          <>
            Next review due: <time dateTime={isoDay(nextReviewDue)}>{formatDate(nextReviewDue)}</time>
          </>
        ) : null}
      </p>
    </div>
  )
}
