import { formatDate, isoDay } from '@/lib/site/format'

/** "Page last reviewed / Next review due", as NHS.UK pages show them. */
export const ReviewDates = ({ lastReviewed, nextReviewDue }: { lastReviewed?: null | string; nextReviewDue?: null | string }) => {
  if (!lastReviewed && !nextReviewDue) return null
  return (
    <div className="nhsuk-review-date">
      <p className="nhsuk-body-s">
        {lastReviewed ? (
          <>
            Page last reviewed: <time dateTime={isoDay(lastReviewed)}>{formatDate(lastReviewed)}</time>
            <br />
          </>
        ) : null}
        {nextReviewDue ? (
          <>
            Next review due: <time dateTime={isoDay(nextReviewDue)}>{formatDate(nextReviewDue)}</time>
          </>
        ) : null}
      </p>
    </div>
  )
}
