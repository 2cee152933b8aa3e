import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Actions } from './collections/actions'
import { CareAreas } from './collections/care-areas'
import { CommissioningTips } from './collections/commissioning-tips'
import { Documents } from './collections/documents'
import { Feedback } from './collections/feedback'
import { Groups } from './collections/groups'
import { Media } from './collections/media'
import { Meetings } from './collections/meetings'
import { NewsletterDeliveries } from './collections/newsletter-deliveries'
import { Newsletters } from './collections/newsletters'
import { Organisations } from './collections/organisations'
import { Pages } from './collections/pages'
import { ParliamentaryQuestions } from './collections/parliamentary-questions'
import { People } from './collections/people'
import { Questions } from './collections/questions'
import { Recommendations } from './collections/recommendations'
import { SearchChanges } from './collections/search-changes'
import { SignOffs } from './collections/sign-offs'
import { Subscribers } from './collections/subscribers'
import { Updates } from './collections/updates'
import { Users } from './collections/users'
import { Navigation } from './globals/navigation'
import { SearchSettings } from './globals/search-settings'
import { SiteSettings } from './globals/site-settings'
import { guardDocumentLocks } from './src/lib/access/locks'
import { globalInvalidatesPageCache, invalidatesPageCache } from './src/lib/cache/hooks'
import { authMutations } from './src/lib/auth/graphql'
import { databaseAdapter } from './src/lib/db/adapter'
import { queuedEmailAdapter } from './src/lib/email/payload-adapter'
import { answerDatabaseUnavailable } from './src/lib/http/unavailable'
import { answerInputFault, withBriefRefusals } from './src/lib/input/errors'
import { guardStoredInput } from './src/lib/input/stored'
import { searchEndpoint } from './src/lib/search/api'
import { payloadLogger, payloadSecret, serverURL } from './src/lib/env'
import { jobsConfig } from './src/lib/jobs/config'
import { recordsSearchChanges } from './src/lib/search/hooks'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// Every collection and global refuses values it cannot store (NUL, a non-text value for text): see guardStoredInput.
// Payload adds its document-locks collection while building, so its rules are set on the built config.
export default buildConfig(
  guardStoredInput({
    admin: {
      avatar: 'default',
      components: {
        // Sidebar links to the staff views below, each shown only to the roles that may open it.
        afterNavLinks: ['/src/components/admin/StaffNavLinks#StaffNavLinks'],
        views: {
          feedbackByPage: {
            Component: '/src/components/admin/PageFeedbackView#PageFeedbackView',
            meta: { title: 'Feedback by page' },
            path: '/feedback-by-page',
          },
          questionReport: {
            Component: '/src/components/admin/QuestionReportView#QuestionReportView',
            meta: { title: 'Question report' },
            path: '/question-report',
          },
          reviewsDue: {
            Component: '/src/components/admin/ReviewsDueView#ReviewsDueView',
            meta: { title: 'Reviews due' },
            path: '/reviews-due',
          },
        },
      },
      importMap: {
        baseDir: dirname,
        importMapFile: path.resolve(dirname, 'src/app/(payload)/admin/importMap.js'),
      },
      meta: { titleSuffix: ' – Diabetes Network Hub' },
      user: Users.slug,
    },
    collections: [
      // The searchable collections also log their changes for every web process's search index to follow.
      ...[CareAreas, Pages, CommissioningTips, Updates, ParliamentaryQuestions, Documents]
        .map(recordsSearchChanges)
        .map(invalidatesPageCache),
      ...[Media, People, Organisations, Newsletters].map(invalidatesPageCache),
      // Network governance: approved minutes and recommendations are searchable, and a group's visibility decides how.
      ...[Groups, Meetings].map(recordsSearchChanges).map(invalidatesPageCache),
      ...[Actions].map(invalidatesPageCache),
      ...[Recommendations].map(recordsSearchChanges).map(invalidatesPageCache),
      Subscribers,
      NewsletterDeliveries,
      Questions,
      Feedback,
      SignOffs,
      SearchChanges,
      Users,
    ],
    // A session cookie sent from any other origin is ignored (the request is anonymous).
    csrf: serverURL() ? [new URL(serverURL()).origin] : [],
    db: databaseAdapter(),
    editor: lexicalEditor(),
    // Payload's own mail (password reset) is queued and sent like all hub mail.
    email: queuedEmailAdapter,
    endpoints: [searchEndpoint],
    globals: [SiteSettings, Navigation, SearchSettings].map(globalInvalidatesPageCache),
    graphQL: { disablePlaygroundInProduction: true, mutations: authMutations },
    hooks: { afterError: [answerDatabaseUnavailable, answerInputFault] },
    jobs: jobsConfig(),
    // A refused request is logged as one line without a stack (see withBriefRefusals).
    logger: withBriefRefusals(payloadLogger()),
    // Refusals are expected traffic, not faults: keep them out of the error log.
    loggingLevels: {
      APIError: 'warn',
      AuthenticationError: 'info',
      Forbidden: 'info',
      LockedAuth: 'info',
      NotFound: 'info',
      QueryError: 'info',
      ValidationError: 'info',
    },
    secret: payloadSecret(),
    serverURL: serverURL(),
    sharp,
    telemetry: false,
    // Busboy's hard ceiling; each upload collection checks its own, lower limit with a clear message.
    upload: { limits: { fileSize: 25 * 1024 * 1024 } },
    // Types are regenerated on purpose (`npm run generate:types`), not by every process that starts Payload.
    typescript: { autoGenerate: false, outputFile: path.resolve(dirname, 'src/payload-types.ts') },
  }),
).then(guardDocumentLocks)
