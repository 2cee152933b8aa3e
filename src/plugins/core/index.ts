import type { Plugin } from 'payload'

import { Users } from '../../../collections/users'
import { authMutations } from '../../lib/auth/graphql'
import { queuedEmailAdapter } from '../../lib/email/payload-adapter'
import { payloadLogger, serverURL } from '../../lib/env'
import { answerDatabaseUnavailable } from '../../lib/http/unavailable'
import { answerInputFault, LOGGING_LEVELS, withBriefRefusals } from '../../lib/input/errors'
import { jobsConfig } from '../../lib/jobs/config'

/** What every hub has whatever capabilities it runs: staff accounts, the admin's frame, mail, jobs and error answers. */
export const corePlugin = (): Plugin => (config) => ({
  ...config,
  admin: {
    ...config.admin,
    avatar: 'default',
    components: {
      ...config.admin?.components,
      // Sidebar links to the staff views the capabilities add, each shown only to the roles it is for.
      afterNavLinks: ['/src/components/admin/StaffNavLinks#StaffNavLinks'],
      // The hub's name and mark where Payload shows its own.
      graphics: { Icon: '/src/components/admin/brand/Icon#HubIcon', Logo: '/src/components/admin/brand/Logo#HubLogo' },
      // The landing page is the signed-in person's work for today, by role, rather than a wall of collection cards.
      views: { ...config.admin?.components?.views, dashboard: { Component: '/src/components/admin/WorkDashboard#WorkDashboard' } },
    },
    // UK date formats and the lock length are set by the last plugin (src/lib/admin/conventions), after every collection is in.
    meta: { titleSuffix: ' – Diabetes Network Hub' },
    user: Users.slug,
  },
  collections: [...(config.collections ?? []), Users],
  // A session cookie sent from any other origin is ignored (the request is anonymous).
  csrf: serverURL() ? [new URL(serverURL()).origin] : [],
  // Payload's own mail (password reset) is queued and sent like all hub mail.
  email: queuedEmailAdapter,
  graphQL: { disablePlaygroundInProduction: true, mutations: authMutations },
  hooks: { ...config.hooks, afterError: [answerDatabaseUnavailable, answerInputFault] },
  jobs: jobsConfig(),
  // A refused request is logged as one line without a stack, and below error (refusals are not faults).
  logger: withBriefRefusals(payloadLogger()),
  loggingLevels: LOGGING_LEVELS,
  telemetry: false,
  // Busboy's hard ceiling; each upload collection checks its own, lower limit with a clear message.
  upload: { limits: { fileSize: 25 * 1024 * 1024 } },
})
