import { describe, expect, it } from 'vitest'

import { checkHubWithout } from '../helpers/without-capability'

describe('a hub without the newsletter', () => {
  checkHubWithout({
    capability: 'newsletter',
    checks: (payload) => {
      it('takes a question whose asker ticked the newsletter box, and queues no sign-up it could not do', async () => {
        const question = await payload().create({
          collection: 'questions',
          data: {
            consent: true,
            email: 'asker@example.org',
            name: 'Asker',
            newsletterOptIn: true,
            question: 'Where is the pathway?',
          } as never,
        })
        expect(question.id).toBeDefined()
        const optIns = await payload().count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'newsletterOptInFromQuestion' } } })
        expect(optIns.totalDocs).toBe(0)
      })

      it('has no newsletter collections', () => {
        for (const slug of ['newsletters', 'subscribers', 'newsletter-deliveries']) expect(slug in payload().collections).toBe(false)
      })
    },
  })
})
