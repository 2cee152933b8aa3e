import { describe, expect, it } from 'vitest'

import { checkHubWithout } from '../helpers/without-capability'

describe('a hub without the question desk', () => {
  checkHubWithout({
    capability: 'questionDesk',
    checks: (payload) => {
      it('has no questions, and no question jobs', () => {
        expect('questions' in payload().collections).toBe(false)
        const tasks = (payload().config.jobs.tasks ?? []).map((task) => task.slug)
        expect(tasks).not.toContain('watchQuestionDeadlines')
        expect(tasks).toContain('sendEmail')
      })
    },
  })
})
