'use client'

import type { MouseEvent } from 'react'

import { useEffect, useId, useRef } from 'react'

type FormError = { field: string; message: string }

const ERROR_TITLE_PREFIX = 'Error: '

/**
 * Moves focus to the summary as the design system's script does (a tabindex only until it loses focus). The
 * script binds once, when the page loads, so a summary React renders later (a server action's answer, a
 * check before posting) would otherwise be left unfocused.
 */
const focusSummary = ({ element }: { element: HTMLElement }) => {
  if (element.contains(document.activeElement)) return
  if (!element.hasAttribute('tabindex')) {
    element.setAttribute('tabindex', '-1')
    element.addEventListener('blur', () => element.removeAttribute('tabindex'), { once: true })
  }
  element.focus()
}

/**
 * As the design system's summary does for the summaries it binds: a link focuses its field with the field's
 * question (a radio group's legend, else its label) scrolled into view, not only the bare field.
 */
const goToField = ({ event, field }: { event: MouseEvent<HTMLAnchorElement>; field: string }) => {
  const input = document.getElementById(field)
  if (!input) return
  const legend = input.closest('fieldset')?.querySelector('legend')
  const label = input instanceof HTMLInputElement && (input.type === 'radio' || input.type === 'checkbox') && legend
  const question = label || document.querySelector(`label[for="${CSS.escape(field)}"]`) || legend
  if (!question) return
  event.preventDefault()
  question.scrollIntoView()
  input.focus({ preventScroll: true })
}

/** "Error: " before the page title while the summary shows (the NHS.UK pattern), taken off when it goes. */
const markTitle = () => {
  if (!document.title.startsWith(ERROR_TITLE_PREFIX)) document.title = `${ERROR_TITLE_PREFIX}${document.title}`
  return () => {
    if (document.title.startsWith(ERROR_TITLE_PREFIX)) document.title = document.title.slice(ERROR_TITLE_PREFIX.length)
  }
}

/**
 * NHS.UK error summary (design system v10 markup): each problem links to the field it is about, and the design
 * system's script focuses it on load. Pages sent back with errors say "Error: " in their metadata title; for
 * forms answered in place, this puts it there.
 */
export const ErrorSummary = ({ attempt, errors }: { attempt?: unknown; errors: FormError[] }) => {
  const ref = useRef<HTMLDivElement>(null)
  const headingId = useId()
  const shown = errors.length > 0
  // The messages, not the array: forms build a new array on every render (a pending submit included). `attempt`
  // changes with each submission (a form's action state), so a second try with the same mistakes is focused again.
  const signature = errors.map((error) => `${error.field}\n${error.message}`).join('\n')
  useEffect(() => {
    if (signature && ref.current) focusSummary({ element: ref.current })
  }, [signature, attempt])
  useEffect(() => (shown ? markTitle() : undefined), [shown])
  if (!shown) return null
  return (
    <div className="nhsuk-error-summary" data-module="nhsuk-error-summary" ref={ref}>
      {/* role="alert" on a child, as the design system has it, so focusing the summary does not cut the announcement short. */}
      {/* Named by its heading, so it is announced and found as "There is a problem". */}
      <div aria-labelledby={headingId} role="alert">
        <h2 className="nhsuk-error-summary__heading" id={headingId}>
          There is a problem
        </h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {errors.map((error) => (
              <li key={error.field}>
                <a href={`#${error.field}`} onClick={(event) => goToField({ event, field: error.field })}>
                  {error.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  )
}
