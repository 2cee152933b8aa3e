import type { Plugin } from 'payload'

import { Actions } from '../../../collections/actions'
import { Groups } from '../../../collections/groups'
import { Meetings } from '../../../collections/meetings'
import { Recommendations } from '../../../collections/recommendations'
import { remindOverdueActionsTask } from '../../lib/governance/reminders'
import { capabilityPlugin } from '../capability'

/** Network governance: groups, their meetings and minutes, actions with overdue reminders, and service-review recommendations. */
export const governancePlugin = (): Plugin =>
  capabilityPlugin({
    collections: [Groups, Meetings, Actions, Recommendations],
    // Loaded when the seed runs, not with the config.
    seeds: [
      {
        name: 'governance',
        run: async ({ shared, ...args }) => (await import('../../../seed/content/governance')).ensureGovernance({ ...args, ...shared }),
        stage: 2,
      },
    ],
    tasks: [remindOverdueActionsTask],
  })
