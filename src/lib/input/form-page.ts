import type { KeptField } from '../http/unavailable-page'

import { keptFieldHtml, standalonePage } from '../http/unavailable-page'
import { escapeHtml } from '../html/escape'

/**
 * A form post (no JavaScript) that could not be accepted as sent: 400, an NHS.UK error summary linking to
 * each field at fault, and the form again with everything typed, to correct and send.
 */
export const invalidFormPage = ({
  action,
  errors,
  fields,
  title,
}: {
  action: string
  errors: { field: string; message: string }[]
  fields: KeptField[]
  title: string
}): Response => {
  const summary = errors.map((error) => `<li><a href="#${escapeHtml(error.field)}">${escapeHtml(error.message)}</a></li>`).join('')
  const html = standalonePage({
    main: `<div aria-labelledby="error-summary-title" class="nhsuk-error-summary" role="alert" tabindex="-1">
<h2 class="nhsuk-error-summary__title" id="error-summary-title">There is a problem</h2>
<div class="nhsuk-error-summary__body"><ul class="nhsuk-list nhsuk-error-summary__list">${summary}</ul></div>
</div>
<h1>${escapeHtml(title)}</h1>
<form action="${escapeHtml(action)}" method="post" novalidate>
${fields.map(keptFieldHtml).join('\n')}
<button class="nhsuk-button" type="submit">Send</button>
</form>`,
    title: `Error: ${title}`,
  })
  return new Response(html, { headers: { 'cache-control': 'no-store', 'content-type': 'text/html; charset=utf-8' }, status: 400 })
}
