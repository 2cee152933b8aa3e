import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import ErrorPage from '../../src/app/(site)/error'
import NotFound from '../../src/app/(site)/not-found'

// Next renders these inside the site layout with status 500 and 404; the markup is what visitors read.
describe('error pages', () => {
  it('the 500 page apologises in the NHS.UK style without exposing the error', () => {
    const html = renderToStaticMarkup(<ErrorPage />)
    expect(html).toContain('<h1>Sorry, there is a problem with the service</h1>')
    expect(html).toContain('nhsuk-grid-column-two-thirds')
    expect(html).not.toMatch(/stack|Error:/)
  })

  it('the 404 page explains professional-only content without confirming it exists', () => {
    const html = renderToStaticMarkup(<NotFound />)
    expect(html).toContain('<h1>Page not found</h1>')
    expect(html).toContain('href="/login"')
  })
})
