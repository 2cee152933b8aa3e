import type { Plugin } from 'payload'

import { CareAreas } from '../../../collections/care-areas'
import { CommissioningTips } from '../../../collections/commissioning-tips'
import { Pages } from '../../../collections/pages'
import { SignOffs } from '../../../collections/sign-offs'
import { CONTENT_STAFF } from '../../lib/access/roles'
import { capabilityPlugin } from '../capability'

/** Care-area guidance (the journey steps), the ten top tips, and clinical sign-off with its reviews-due view. */
export const guidancePlugin = (): Plugin =>
  capabilityPlugin({
    collections: [CareAreas, Pages, CommissioningTips, SignOffs],
    staffViews: [
      {
        component: '/src/components/admin/ReviewsDueView#ReviewsDueView',
        key: 'reviewsDue',
        label: 'Reviews due',
        path: '/reviews-due',
        roles: CONTENT_STAFF,
      },
    ],
  })
