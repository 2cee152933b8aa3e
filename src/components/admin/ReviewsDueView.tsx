import type { AdminViewServerProps } from 'payload'

import { Link } from '@payloadcms/ui'

import type { ReviewDueRow } from '../../lib/reviews/due'

import { dueLabel, findReviewsDue } from '../../lib/reviews/due'
import { formatDate, isoDay } from '../../lib/site/format'
import { adminHref } from './links'
import { isContentStaff, StaffViewShell } from './StaffViewShell'
import { ScrollTable } from './ScrollTable'
import { adminRecordRoute } from '../../lib/routes'

const WITHIN_DAYS = 30

/** Guidance pages whose clinical review falls due in the next 30 days or has passed, most overdue first. */
export const ReviewsDueView = async (view: AdminViewServerProps) => {
  const heading = 'Reviews due'
  if (!isContentStaff({ view })) return <StaffViewShell heading={heading} view={view} />
  const { req } = view.initPageResult
  const rows = await findReviewsDue({ payload: view.payload, req, user: req.user, withinDays: WITHIN_DAYS })
  return (
    <StaffViewShell heading={heading} view={view}>
      <p>
        Guidance pages (latest drafts included) whose next review is due within {WITHIN_DAYS} days or overdue, and pages brought in from
        elsewhere that are awaiting their first clinical review. Published pages with a broken link or a retired service in them are listed
        whatever their review date.
      </p>
      {rows.length === 0 ? (
        <p>No guidance pages are due for review in the next {WITHIN_DAYS} days, and none are overdue.</p>
      ) : (
        <ReviewsTable adminRoute={view.payload.config.routes.admin} rows={rows} />
      )}
    </StaffViewShell>
  )
}

const ReviewsTable = ({ adminRoute, rows }: { adminRoute: string; rows: ReviewDueRow[] }) => (
  <ScrollTable label="Reviews due">
    <table cellPadding={0} cellSpacing={0}>
      <thead>
        <tr>
          <th scope="col">Page</th>
          <th scope="col">Care area</th>
          <th scope="col">Next review due</th>
          <th scope="col">Status</th>
          <th scope="col">Content owner</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>
              <Link href={adminHref({ adminRoute, path: adminRecordRoute({ collection: 'pages', id: row.id }) })} prefetch={false}>
                {row.title}
              </Link>
            </td>
            <td>{row.careArea ?? '—'}</td>
            <td>
              <time dateTime={isoDay(row.nextReviewDue)}>{formatDate(row.nextReviewDue)}</time>
            </td>
            <td>
              {row.awaitingClinicalReview ? (
                <>
                  <strong>Awaiting clinical review</strong>
                  <br />
                </>
              ) : null}
              {row.linkProblems?.map((problem) => (
                <span className="reviews-due__link" key={problem}>
                  <strong>{problem}</strong>
                  <br />
                </span>
              ))}
              {row.daysUntilDue < 0 ? <strong>{dueLabel(row)}</strong> : dueLabel(row)}
            </td>
            <td>{row.owner ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </ScrollTable>
)
