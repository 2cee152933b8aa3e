import { ErrorMessage } from './ErrorMessage'

/**
 * The NHS.UK email address field with its inline error. The password-reset request and the newsletter sign-up
 * both ask for an address, so the markup (and the ids the error summary links to) lives in one place.
 * `defaultValue` keeps what was typed after a failed submission; the key then remounts the input so it shows.
 */
export const EmailField = ({ defaultValue, error, width }: { defaultValue?: string; error?: null | string; width?: string }) => (
  <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
    <label className="nhsuk-label" htmlFor="email">
      Email address
    </label>
    <ErrorMessage id="email-error" message={error} />
    <input
      aria-describedby={error ? 'email-error' : undefined}
      autoComplete="email"
      className={`nhsuk-input${width ? ` ${width}` : ''}${error ? ' nhsuk-input--error' : ''}`}
      defaultValue={defaultValue}
      id="email"
      key={defaultValue === undefined ? undefined : `email-${defaultValue}`}
      name="email"
      spellCheck={false}
      type="email"
    />
  </div>
)
