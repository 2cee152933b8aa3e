import type { Action, Meeting } from '@/payload-types'

import { DataTable } from '@/components/site/DataTable'
import { ActionStatusTag } from '@/components/site/GovernanceTags'
import { ownerLabel } from '@/components/site/GovernanceNames'
import { formatDate, isoDay } from '@/lib/site/format'

/** Actions as an NHS.UK table: what, who, when due, status (and overdue), and where raised when asked. */
export const ActionTable = ({ actions, caption, showRaisedAt = false }: { actions: Action[]; caption: string; showRaisedAt?: boolean }) => (
  <DataTable caption={caption} columns={['Action', 'Owner', 'Due', 'Status']}>
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
  </DataTable>
)
