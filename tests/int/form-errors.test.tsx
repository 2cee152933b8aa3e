import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { DataTable } from '../../src/components/site/DataTable'
import { ErrorSummary } from '../../src/components/site/ErrorSummary'
import { FeedbackForm } from '../../src/components/site/FeedbackForm'
import { assetPath } from '../../src/lib/http/static-assets'
import { invalidFormPage } from '../../src/lib/input/form-page'

// The markup readers get before (or without) any script: the NHS.UK error pattern and responsive tables.
describe('form errors and tables', () => {
  it('the error summary has the design system v10 markup its script focuses', () => {
    const html = renderToStaticMarkup(<ErrorSummary errors={[{ field: 'email', message: 'Enter your email address' }]} />)
    expect(html).toContain('class="nhsuk-error-summary" data-module="nhsuk-error-summary"')
    expect(html).toMatch(
      /<div aria-labelledby="([^"]+)" role="alert"><h2 class="nhsuk-error-summary__heading" id="\1">There is a problem<\/h2>/,
    )
    expect(html).toContain('<a href="#email">Enter your email address</a>')
    expect(renderToStaticMarkup(<ErrorSummary errors={[]} />)).toBe('')
  })

  it('"Was this page useful?" shows its error on the radios when the answer came back without yes or no', () => {
    const html = renderToStaticMarkup(<FeedbackForm pageId={1} returnTo="/x" status="error" />)
    expect(html).toContain('<div class="nhsuk-form-group nhsuk-form-group--error"><fieldset aria-describedby="useful-error"')
    expect(html).toContain(
      '<span class="nhsuk-error-message" id="useful-error"><span class="nhsuk-u-visually-hidden">Error:</span> Select yes or no</span>',
    )
    expect(html).toContain('<a href="#useful-yes">Select yes or no</a>')
    const clean = renderToStaticMarkup(<FeedbackForm pageId={1} returnTo="/x" />)
    expect(clean).not.toContain('nhsuk-error')
  })

  it('the feedback form sent back without JavaScript keeps the comment, escaped, with the error on the radios', async () => {
    const response = invalidFormPage({
      action: '/feedback',
      errors: [{ field: 'useful-yes', message: 'Select yes or no' }],
      fields: [
        { hidden: true, name: 'page', value: '7' },
        {
          legend: 'Was this page useful?',
          name: 'useful',
          options: [
            { label: 'Yes', value: 'yes' },
            { label: 'No', value: 'no' },
          ],
          pageHeading: true,
          value: '',
        },
        { label: 'Comment', multiline: true, name: 'comment', value: 'More <b>diagrams</b>' },
      ],
      title: 'Was this page useful?',
    })
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('<title>Error: Was this page useful?')
    expect(html).toContain('data-module="nhsuk-error-summary"')
    expect(html).toContain(`<script src="${assetPath({ name: 'start' })}" type="module"></script>`)
    expect(html).toContain(
      '<fieldset class="nhsuk-fieldset" aria-describedby="useful-error"><legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--l"><h1',
    )
    expect(html).toContain('id="useful-error"><span class="nhsuk-u-visually-hidden">Error:</span> Select yes or no</span>')
    expect(html).toContain('id="useful-yes" name="useful" type="radio" value="yes">')
    expect(html).toContain('>More &lt;b&gt;diagrams&lt;/b&gt;</textarea>')
    // The comment has no error of its own, and the question is the page's only h1.
    expect(html).not.toContain('comment-error')
    expect(html.match(/<h1/g)).toHaveLength(1)
  })

  it('tables use the design system responsive markup, each cell with its column heading for phones', () => {
    const html = renderToStaticMarkup(
      <DataTable
        caption="Open actions"
        columns={[{ label: 'Action', stacked: true }, { label: 'Owner' }]}
        rows={[{ cells: ['Audit foot checks', 'ICB'], key: 1 }]}
      />,
    )
    expect(html).toContain('<table class="nhsuk-table nhsuk-table--responsive" role="table">')
    expect(html).toContain('<th class="nhsuk-table__header" role="columnheader" scope="col">Owner</th>')
    expect(html).toContain(
      '<td class="nhsuk-table__cell hub-table__cell--stacked" role="cell"><span aria-hidden="true" class="nhsuk-table__heading">Action </span><div>Audit foot checks</div></td>',
    )
    expect(html).toContain(
      '<td class="nhsuk-table__cell" role="cell"><span aria-hidden="true" class="nhsuk-table__heading">Owner </span><div>ICB</div></td>',
    )
  })
})
