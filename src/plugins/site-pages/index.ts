import type { Plugin } from 'payload'

import { Documents } from '../../../collections/documents'
import { Feedback } from '../../../collections/feedback'
import { Media } from '../../../collections/media'
import { Organisations } from '../../../collections/organisations'
import { ParliamentaryQuestions } from '../../../collections/parliamentary-questions'
import { People } from '../../../collections/people'
import { Policies } from '../../../collections/policies'
import { Updates } from '../../../collections/updates'
import { Navigation } from '../../../globals/navigation'
import { SiteSettings } from '../../../globals/site-settings'
import { CONTENT_STAFF } from '../../lib/access/roles'
import { capabilityPlugin } from '../capability'

/**
 * The public site's own content: network updates and consultations, parliamentary answers, the document
 * library and its media, the people and organisations content names, page feedback with its staff view, and
 * the site's settings and navigation, and the policy pages (privacy, accessibility, cookies, contact).
 */
export const sitePagesPlugin = (): Plugin =>
  capabilityPlugin({
    collections: [Updates, ParliamentaryQuestions, Documents, Media, People, Organisations, Feedback, Policies],
    globals: [SiteSettings, Navigation],
    // Loaded when the seed runs, not with the config.
    seeds: [
      {
        name: 'organisations and people',
        run: async ({ shared, ...args }) => {
          const { ensureOrganisations, ensurePeople } = await import('../../../seed/content/contacts')
          shared.organisations = await ensureOrganisations(args)
          shared.people = await ensurePeople({ ...args, organisations: shared.organisations })
        },
        stage: 1,
      },
      {
        name: 'document library',
        run: async ({ shared, ...args }) => {
          shared.library = await (await import('../../../seed/content/documents')).ensureDocuments(args)
        },
        stage: 1,
      },
      {
        name: 'network updates',
        run: async ({ shared, ...args }) => (await import('../../../seed/content/updates')).ensureUpdates({ ...args, ...shared }),
        stage: 2,
      },
      {
        name: 'parliamentary questions',
        run: async ({ shared: _shared, ...args }) => (await import('../../../seed/content/questions')).ensureQuestions(args),
        stage: 2,
      },
      {
        // After the site settings (seeded first), whose retention period and response target the pages state.
        name: 'policy pages',
        run: async ({ shared: _shared, ...args }) => (await import('../../../seed/content/policies')).ensurePolicies(args),
        stage: 2,
      },
      {
        name: 'navigation',
        run: async ({ shared: _shared, ...args }) => (await import('../../../seed/content/navigation')).ensureNavigation(args),
        stage: 3,
      },
    ],
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
