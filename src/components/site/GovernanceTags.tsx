import type { ActionStatus, MinutesState, RecommendationStatus } from '@/lib/governance/options'

import { ACTION_STATUSES, labelOf, RECOMMENDATION_STATUSES } from '@/lib/governance/options'

const Tag = ({ colour, text }: { colour: string; text: string }) => <strong className={`nhsuk-tag nhsuk-tag--${colour}`}>{text}</strong>

const RECOMMENDATION_COLOURS: Record<RecommendationStatus, string> = {
  implemented: 'green',
  'in-progress': 'blue',
  'not-accepted': 'red',
  'not-started': 'grey',
}

export const RecommendationStatusTag = ({ status }: { status: RecommendationStatus }) => (
  <Tag colour={RECOMMENDATION_COLOURS[status]} text={labelOf({ options: RECOMMENDATION_STATUSES, value: status })} />
)

const ACTION_COLOURS: Record<ActionStatus, string> = { 'carried-forward': 'yellow', done: 'green', dropped: 'grey', open: 'blue' }

export const ActionStatusTag = ({ overdue, status }: { overdue?: boolean | null; status: ActionStatus }) => (
  <>
    <Tag colour={ACTION_COLOURS[status]} text={labelOf({ options: ACTION_STATUSES, value: status })} />
    {overdue ? (
      <>
        {' '}
        <Tag colour="red" text="Overdue" />
      </>
    ) : null}
  </>
)

const MINUTES_COLOURS: Record<MinutesState, string> = { approved: 'green', draft: 'grey', unconfirmed: 'yellow' }
const MINUTES_TEXT: Record<MinutesState, string> = {
  approved: 'Approved minutes',
  draft: 'Minutes not yet available',
  unconfirmed: 'Unconfirmed minutes',
}

export const MinutesTag = ({ state }: { state: MinutesState }) => <Tag colour={MINUTES_COLOURS[state]} text={MINUTES_TEXT[state]} />
