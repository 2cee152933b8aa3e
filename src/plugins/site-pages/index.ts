import type { Plugin } from 'payload'

import { Documents } from '../../../collections/documents'
import { Feedback } from '../../../collections/feedback'
import { Media } from '../../../collections/media'
import { Organisations } from '../../../collections/organisations'
import { ParliamentaryQuestions } from '../../../collections/parliamentary-questions'
import { People } from '../../../collections/people'
import { Updates } from '../../../collections/updates'
import { Navigation } from '../../../globals/navigation'
import { SiteSettings } from '../../../globals/site-settings'
import { CONTENT_STAFF } from '../../lib/access/roles'
import { capabilityPlugin } from '../capability'

/**
 * The public site's own content: network updates and consultations, parliamentary answers, the document
 * library and its media, the people and organisations content names, page feedback with its staff view, and
 * the site's settings and navigation.
 */
export const sitePagesPlugin = (): Plugin =>
  capabilityPlugin({
    collections: [Updates, ParliamentaryQuestions, Documents, Media, People, Organisations, Feedback],
    globals: [SiteSettings, Navigation],
    staffViews: [
      {
        component: '/src/components/admin/PageFeedbackView#PageFeedbackView',
        key: 'feedbackByPage',
        label: 'Feedback by page',
        path: '/feedback-by-page',
        roles: CONTENT_STAFF,
      },
    ],
  })
