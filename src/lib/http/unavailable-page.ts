import { DATABASE_RETRY_AFTER_SECONDS } from '../db/availability'
import { escapeHtml } from '../html/escape'
import { assetPath } from './static-assets'

export type KeptField =
  { hidden: true; name: string; value: string } | { hidden?: false; label: string; multiline?: boolean; name: string; value: string }

/** One kept form field as NHS.UK form HTML, its value escaped. */
export const keptFieldHtml = (kept: KeptField): string => {
  const name = escapeHtml(kept.name)
  const value = escapeHtml(kept.value)
  if (kept.hidden) return `<input name="${name}" type="hidden" value="${value}">`
  const control = kept.multiline
    ? `<textarea class="nhsuk-textarea" id="${name}" name="${name}" rows="5">${value}</textarea>`
    : `<input class="nhsuk-input" id="${name}" name="${name}" type="text" value="${value}">`
  return `<div class="nhsuk-form-group"><label class="nhsuk-label" for="${name}">${escapeHtml(kept.label)}</label>${control}</div>`
}

/**
 * A whole NHS.UK-styled page of its own (no site layout, no database read), for answers to form posts that
 * must render whatever else is failing. `title` is the document title; `main` is trusted HTML.
 */
export const standalonePage = ({ main, title }: { main: string; title: string }): string => `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} – Diabetes Network Hub</title>
<link href="${assetPath({ name: 'stylesheet' })}" rel="stylesheet">
</head>
<body>
<div class="nhsuk-width-container">
<main class="nhsuk-main-wrapper" id="maincontent">
<div class="nhsuk-grid-row"><div class="nhsuk-grid-column-two-thirds">
${main}
</div></div>
</main>
</div>
</body>
</html>`

/**
 * The answer to a form post that was not taken: its status with Retry-After, what happened, and the same form
 * again with everything the person typed (never a password), ready to send later. A page of its own, so it
 * renders whatever else is down.
 */
export const keptFormPage = ({
  action,
  explanation,
  fields,
  heading,
  retryAfterSeconds,
  status,
}: {
  action: string
  explanation: string
  fields: KeptField[]
  heading: string
  retryAfterSeconds: number
  status: 429 | 503
}): Response => {
  const html = standalonePage({
    main: `<h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(explanation)}</p>
<p>What you typed is below.</p>
<form action="${escapeHtml(action)}" method="post" novalidate>
${fields.map(keptFieldHtml).join('\n')}
<button class="nhsuk-button" type="submit">Try again</button>
</form>
<p><a href="/">Go to the home page</a></p>`,
    title: heading,
  })
  return new Response(html, {
    headers: {
      'cache-control': 'no-store',
      'content-type': 'text/html; charset=utf-8',
      'retry-after': String(retryAfterSeconds),
    },
    status,
  })
}

/** A form post the database could not take: 503, and the form again to send once the service is back. */
export const unavailableFormPage = ({ action, fields, what }: { action: string; fields: KeptField[]; what: string }): Response =>
  keptFormPage({
    action,
    explanation: `We could not save your ${what}: the service is busy or briefly unavailable. Nothing has been sent yet. Please try again in a minute.`,
    fields,
    heading: 'Sorry, the service is unavailable',
    retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    status: 503,
  })
