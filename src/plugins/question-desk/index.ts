import type { Plugin } from 'payload'

import { Questions } from '../../../collections/questions'
import { DESK } from '../../lib/access/roles'
import { watchQuestionDeadlinesTask } from '../../lib/questions/deadlines'
import { fillQuestionDueDays } from '../../lib/questions/due-days'
import { ensureReferenceKey } from '../../lib/questions/reference'
import { eraseExpiredQuestionsTask } from '../../lib/questions/retention-task'
import { capabilityPlugin } from '../capability'

/** "Ask a question": the questions staff answer within the service-level target, its deadline watch, retention and report. */
export const questionDeskPlugin = (): Plugin =>
  capabilityPlugin({
    collections: [Questions],
    staffViews: [
      {
        component: '/src/components/admin/QuestionReportView#QuestionReportView',
        key: 'questionReport',
        label: 'Question report',
        path: '/question-report',
        roles: DESK,
      },
    ],
    // The key behind question references, and due days for questions stored before the field existed.
    startup: [ensureReferenceKey, fillQuestionDueDays],
    tasks: [watchQuestionDeadlinesTask, eraseExpiredQuestionsTask],
  })
