import type { KeptField } from '../http/unavailable-page'

import { keptFieldHtml, standalonePage } from '../http/unavailable-page'
import { escapeHtml } from '../html/escape'

/**
 * A form post (no JavaScript) that could not be accepted as sent: 400, an NHS.UK error summary linking to
 * each field at fault, and the form again with everything typed and each field's inline error, to correct
 * and send. The title starts "Error: " (the NHS.UK pattern); with JavaScript the summary takes focus.
 */
export const invalidFormPage = ({
  action,
  errors,
  fields,
  title,
}: {
  action: string
  /** `field` is the id the summary links to: a field's name, or for radios the first option's id. */
  errors: { field: string; message: string }[]
  fields: KeptField[]
  title: string
}): Response => {
  const summary = errors.map((error) => `<li><a href="#${escapeHtml(error.field)}">${escapeHtml(error.message)}</a></li>`).join('')
  const errorOf = (kept: KeptField) => errors.find((error) => error.field === kept.name || error.field.startsWith(`${kept.name}-`))?.message
  const headed = fields.some((kept) => 'options' in kept && kept.pageHeading)
  const html = standalonePage({
    main: `<div class="nhsuk-error-summary" data-module="nhsuk-error-summary">
<div aria-labelledby="error-summary-heading" role="alert">
<h2 class="nhsuk-error-summary__heading" id="error-summary-heading">There is a problem</h2>
<div class="nhsuk-error-summary__body"><ul class="nhsuk-list nhsuk-error-summary__list">${summary}</ul></div>
</div>
</div>
${headed ? '' : `<h1>${escapeHtml(title)}</h1>\n`}<form action="${escapeHtml(action)}" method="post" novalidate>
${fields.map((kept) => keptFieldHtml({ error: kept.hidden ? undefined : errorOf(kept), kept })).join('\n')}
<button class="nhsuk-button" type="submit">Send</button>
</form>`,
    script: true,
    title: `Error: ${title}`,
  })
  return new Response(html, { headers: { 'cache-control': 'no-store', 'content-type': 'text/html; charset=utf-8' }, status: 400 })
}
