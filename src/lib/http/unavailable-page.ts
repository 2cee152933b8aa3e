import { DATABASE_RETRY_AFTER_SECONDS } from '../db/availability'
import { escapeHtml } from '../html/escape'
import { assetPath } from './static-assets'

export type KeptField =
  | { hidden: true; name: string; value: string }
  | { hidden?: false; label: string; multiline?: boolean; name: string; value: string }
  | {
      hidden?: false
      legend: string
      name: string
      options: readonly { label: string; value: string }[]
      /** The legend is the page's heading (an h1), for a page that asks this one question. */
      pageHeading?: boolean
      value: string
    }

/** The NHS.UK inline error, with its visually hidden prefix, for the field whose aria-describedby names `id`. */
const errorMessageHtml = ({ id, message }: { id: string; message: string }) =>
  `<span class="nhsuk-error-message" id="${id}"><span class="nhsuk-u-visually-hidden">Error:</span> ${escapeHtml(message)}</span>`

const formGroupClass = ({ error }: { error?: string }) => `nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`

/** Radios in a fieldset: the inline error inside the fieldset, under the legend, as the design system has it. */
const radiosHtml = ({ error, kept }: { error?: string; kept: Extract<KeptField, { options: unknown }> }): string => {
  const name = escapeHtml(kept.name)
  const legend = kept.pageHeading
    ? `<legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--l"><h1 class="nhsuk-fieldset__heading">${escapeHtml(kept.legend)}</h1></legend>`
    : `<legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">${escapeHtml(kept.legend)}</legend>`
  const items = kept.options.map((option) => {
    const id = `${name}-${escapeHtml(option.value)}`
    const checked = option.value === kept.value ? ' checked' : ''
    return `<div class="nhsuk-radios__item"><input class="nhsuk-radios__input" id="${id}" name="${name}" type="radio" value="${escapeHtml(option.value)}"${checked}><label class="nhsuk-label nhsuk-radios__label" for="${id}">${escapeHtml(option.label)}</label></div>`
  })
  return `<div class="${formGroupClass({ error })}"><fieldset class="nhsuk-fieldset"${error ? ` aria-describedby="${name}-error"` : ''}>${legend}${
    error ? errorMessageHtml({ id: `${name}-error`, message: error }) : ''
  }<div class="nhsuk-radios nhsuk-radios--inline">${items.join('')}</div></fieldset></div>`
}

/** One kept form field as NHS.UK form HTML, its value escaped, with its inline error when it has one. */
export const keptFieldHtml = ({ error, kept }: { error?: string; kept: KeptField }): string => {
  const name = escapeHtml(kept.name)
  const value = escapeHtml(kept.value)
  if (kept.hidden) return `<input name="${name}" type="hidden" value="${value}">`
  if ('options' in kept) return radiosHtml({ error, kept })
  const described = error ? ` aria-describedby="${name}-error"` : ''
  const control = kept.multiline
    ? `<textarea class="nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}" id="${name}" name="${name}" rows="5"${described}>${value}</textarea>`
    : `<input class="nhsuk-input${error ? ' nhsuk-input--error' : ''}" id="${name}" name="${name}" type="text" value="${value}"${described}>`
  const message = error ? errorMessageHtml({ id: `${name}-error`, message: error }) : ''
  return `<div class="${formGroupClass({ error })}"><label class="nhsuk-label" for="${name}">${escapeHtml(kept.label)}</label>${message}${control}</div>`
}

/**
 * A whole NHS.UK-styled page of its own (no site layout, no database read), for answers to form posts that
 * must render whatever else is failing. `title` is the document title; `main` is trusted HTML; `script` starts the
 * design system's script (a static file, so it too works whatever is failing), which focuses an error summary.
 */
export const standalonePage = ({
  main,
  script = false,
  title,
}: {
  main: string
  script?: boolean
  title: string
}): string => `<!DOCTYPE html>
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
</div>${script ? `\n<script src="${assetPath({ name: 'start' })}" type="module"></script>` : ''}
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
${fields.map((kept) => keptFieldHtml({ kept })).join('\n')}
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
