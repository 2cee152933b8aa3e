import { describe, expect, it } from 'vitest'

import { checkHubWithout } from '../helpers/without-capability'

describe('a hub without governance', () => {
  checkHubWithout({
    capability: 'governance',
    checks: (payload) => {
      it('indexes no minutes or recommendations, and a newsletter can link only to what it has', () => {
        expect('meetings' in payload().collections).toBe(false)
        const items = payload().collections.newsletters.config.fields.find((field) => 'name' in field && field.name === 'items')
        expect(items && 'relationTo' in items ? items.relationTo : null).toEqual(['updates', 'pages'])
      })
    },
  })
})
