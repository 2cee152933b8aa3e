/**
 * The NHS.UK inline error under a field's label, or nothing when there is no error. Every form field of the
 * site shows its error this way; `id` is what the field's aria-describedby names.
 */
export const ErrorMessage = ({ id, message }: { id: string; message?: null | string }) =>
  message ? (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {message}
    </span>
  ) : null
