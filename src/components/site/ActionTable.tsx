import type { Action, Meeting } from '@/payload-types'

import { DataTable } from '@/components/site/DataTable'
import { ActionStatusTag } from '@/components/site/GovernanceTags'
import { ownerLabel } from '@/components/site/GovernanceNames'
import { formatDate, isoDay } from '@/lib/site/format'

const COLUMNS = [{ label: 'Action', stacked: true }, { label: 'Owner' }, { label: 'Due' }, { label: 'Status' }] as const

/** What the action is, and where it was raised when asked. */
const ActionTitle = ({ action, showRaisedAt }: { action: Action; showRaisedAt: boolean }) => (
  <>
    {action.title}
    {showRaisedAt && typeof action.meeting === 'object' ? (
      <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">
        Raised {formatDate((action.meeting as Meeting).startsAt)}
        {action.agendaItem ? `, item ${action.agendaItem}` : ''}
      </span>
    ) : null}
  </>
)

/** Actions as an NHS.UK table: what, who, when due, status (and overdue), and where raised when asked. */
export const ActionTable = ({ actions, caption, showRaisedAt = false }: { actions: Action[]; caption: string; showRaisedAt?: boolean }) => (
  <DataTable
    caption={caption}
    columns={COLUMNS}
    rows={actions.map((action) => ({
      cells: [
        <ActionTitle action={action} key="title" showRaisedAt={showRaisedAt} />,
        ownerLabel({ owner: action.owner }),
        action.dueDate ? <time dateTime={isoDay(action.dueDate)}>{formatDate(action.dueDate)}</time> : 'Not set',
        <ActionStatusTag key="status" overdue={action.overdue} status={action.status} />,
      ],
      id: `action-${action.id}`,
      key: action.id,
    }))}
  />
)
