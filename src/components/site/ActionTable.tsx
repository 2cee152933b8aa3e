import type { Action, Meeting } from '@/payload-types'

import { ActionStatusTag } from '@/components/site/GovernanceTags'
import { ownerLabel } from '@/components/site/GovernanceNames'
import { formatDate, isoDay } from '@/lib/site/format'

/** Actions as an NHS.UK table: what, who, when due, status (and overdue), and where raised when asked. */
export const ActionTable = ({ actions, caption, showRaisedAt = false }: { actions: Action[]; caption: string; showRaisedAt?: boolean }) => (
  <table className="nhsuk-table">
    <caption className="nhsuk-table__caption nhsuk-table__caption--m">{caption}</caption>
    <thead className="nhsuk-table__head">
      <tr>
        <th scope="col">Action</th>
        <th scope="col">Owner</th>
        <th scope="col">Due</th>
        <th scope="col">Status</th>
      </tr>
    </thead>
    <tbody className="nhsuk-table__body">
      {actions.map((action) => (
        <tr id={`action-${action.id}`} key={action.id}>
          <td>
            {action.title}
            {showRaisedAt && typeof action.meeting === 'object' ? (
              <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">
                Raised {formatDate((action.meeting as Meeting).startsAt)}
                {action.agendaItem ? `, item ${action.agendaItem}` : ''}
              </span>
            ) : null}
          </td>
          <td>{ownerLabel({ owner: action.owner })}</td>
          <td>{action.dueDate ? <time dateTime={isoDay(action.dueDate)}>{formatDate(action.dueDate)}</time> : 'Not set'}</td>
          <td>
            <ActionStatusTag overdue={action.overdue} status={action.status} />
          </td>
        </tr>
      ))}
    </tbody>
  </table>
)
