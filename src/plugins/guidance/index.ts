import type { Plugin } from 'payload'

import { CareAreas } from '../../../collections/care-areas'
import { CommissioningTips } from '../../../collections/commissioning-tips'
import { Pages } from '../../../collections/pages'
import { QuestionsAndAnswers } from '../../../collections/questions-and-answers'
import { SignOffs } from '../../../collections/sign-offs'
import { CONTENT_STAFF } from '../../lib/access/roles'
import { SIGN_OFF_VIEW_ROUTE } from '../../lib/routes'
import { capabilityPlugin } from '../capability'

/** Care-area guidance (the journey steps), the ten top tips, and clinical sign-off with its reviews-due view. */
export const guidancePlugin = (): Plugin =>
  capabilityPlugin({
    collections: [CareAreas, Pages, CommissioningTips, QuestionsAndAnswers, SignOffs],
    // Loaded when the seed runs, not with the config.
    seeds: [
      { name: 'ten top tips', run: async (args) => (await import('../../../seed/content/tips')).ensureTips(args), stage: 1 },
      {
        name: 'guidance',
        run: async ({ shared, ...args }) =>
          (await import('../../../seed/content/guidance')).ensureGuidance({ ...args, library: shared.library }),
        stage: 2,
      },
    ],
    staffViews: [
      {
        component: '/src/components/admin/ReviewsDueView#ReviewsDueView',
        key: 'reviewsDue',
        label: 'Reviews due',
        path: '/reviews-due',
        roles: CONTENT_STAFF,
      },
      {
        component: '/src/components/admin/SignOffView#SignOffView',
        key: 'signOff',
        label: 'Clinical sign-off',
        path: SIGN_OFF_VIEW_ROUTE,
        roles: CONTENT_STAFF,
        unlisted: true,
      },
    ],
  })
