/** NHS.UK error summary: each problem links to the field it is about. */
export const ErrorSummary = ({ errors, id = 'error-summary-title' }: { errors: { field: string; message: string }[]; id?: string }) =>
  errors.length ? (
    <div aria-labelledby={id} className="nhsuk-error-summary" role="alert" tabIndex={-1}>
      <h2 className="nhsuk-error-summary__title" id={id}>
        There is a problem
      </h2>
      <div className="nhsuk-error-summary__body">
        <ul className="nhsuk-list nhsuk-error-summary__list">
          {errors.map((error) => (
            <li key={error.field}>
              <a href={`#${error.field}`}>{error.message}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  ) : null
