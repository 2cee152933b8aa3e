import type { TaskConfig } from 'payload'

import { CURRENT_WORDING } from './consent'
import { requestSubscription } from './subscription-lifecycle'
import { TOPIC_VALUES } from './topics'
import { QUESTION_OPT_IN_TASK } from '../jobs/names'
import { ASK } from '../routes'

/**
 * The question form's "Send me the network newsletter" box. Queued with the question, in its transaction,
 * and run afterwards: the question is stored whatever happens to the subscription. The asker gets the
 * same confirmation email as anyone signing up, for every topic (they choose topics after confirming).
 */
export const newsletterOptInTask: TaskConfig<'newsletterOptInFromQuestion'> = {
  slug: QUESTION_OPT_IN_TASK,
  handler: async ({ input, req: { payload } }) => {
    const question = await payload.findByID({
      collection: 'questions',
      depth: 0,
      disableErrors: true,
      id: input.question,
      overrideAccess: true,
    })
    if (!question?.newsletterOptIn || question.erasedAt) return { output: { outcome: 'not-needed' } }
    const outcome = await requestSubscription({
      email: question.email,
      payload,
      source: ASK,
      topics: TOPIC_VALUES,
      wording: CURRENT_WORDING.ask,
    })
    return { output: { outcome } }
  },
  inputSchema: [{ name: 'question', type: 'text', required: true }],
  label: 'Newsletter opt-in from a question',
  outputSchema: [{ name: 'outcome', type: 'text', required: true }],
  retries: { attempts: 5, backoff: { delay: 30_000, type: 'exponential' } },
}
