import type { AdminViewServerProps } from 'payload'

import { Link } from '@payloadcms/ui'

import type { PageFeedbackRow } from '../../lib/reviews/due'

import { summarisePageFeedback } from '../../lib/reviews/due'
import { formatDate, isoDay } from '../../lib/site/format'
import { adminHref } from './links'
import { isContentStaff, StaffViewShell } from './StaffViewShell'
import { ScrollTable } from './ScrollTable'
import { adminRecordRoute } from '../../lib/routes'

const RECENT_COMMENTS = 5

/** "Was this page useful?" totals per guidance page, most "no" answers first, with the latest comments. */
export const PageFeedbackView = async (view: AdminViewServerProps) => {
  const heading = 'Feedback by page'
  if (!isContentStaff({ view })) return <StaffViewShell heading={heading} view={view} />
  const { req } = view.initPageResult
  const rows = await summarisePageFeedback({ payload: view.payload, recentComments: RECENT_COMMENTS, req, user: req.user })
  return (
    <StaffViewShell heading={heading} view={view}>
      <p>Answers to &ldquo;Was this page useful?&rdquo; per guidance page and site page, most &ldquo;no&rdquo; answers first.</p>
      {rows.length === 0 ? (
        <p>No feedback has been received yet.</p>
      ) : (
        <FeedbackTable adminRoute={view.payload.config.routes.admin} rows={rows} />
      )}
    </StaffViewShell>
  )
}

const FeedbackTable = ({ adminRoute, rows }: { adminRoute: string; rows: PageFeedbackRow[] }) => (
  <ScrollTable label="Feedback by page">
    <table cellPadding={0} cellSpacing={0}>
      <thead>
        <tr>
          <th scope="col">Page</th>
          <th scope="col">Useful: yes</th>
          <th scope="col">Useful: no</th>
          <th scope="col">Latest comments</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.path ?? String(row.pageId)}>
            <td>
              {row.path === null ? (
                <Link
                  href={adminHref({ adminRoute, path: adminRecordRoute({ collection: 'pages', id: String(row.pageId) }) })}
                  prefetch={false}
                >
                  {row.title}
                </Link>
              ) : (
                // A page of the site itself: nothing to edit in the admin, so it links to the page.
                <a href={row.path}>{row.title}</a>
              )}
            </td>
            <td>{row.yes}</td>
            <td>{row.no}</td>
            <td>
              {row.recent.length === 0 ? (
                'No comments'
              ) : (
                <ul style={{ margin: 0, paddingInlineStart: 'calc(var(--base) * 0.8)' }}>
                  {row.recent.map((entry, index) => (
                    <li key={index} style={{ marginBottom: 'calc(var(--base) * 0.4)' }}>
                      <strong>{entry.useful ? 'Yes' : 'No'}</strong>,{' '}
                      <time dateTime={isoDay(entry.createdAt)}>{formatDate(entry.createdAt)}</time>: {entry.comment}
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </ScrollTable>
)
