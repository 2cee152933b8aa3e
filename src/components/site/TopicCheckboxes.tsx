import { ErrorMessage } from '@/components/site/ErrorMessage'
import { TOPICS } from '@/lib/newsletter/topics'

/** The newsletter topics as NHS.UK checkboxes, with an error message when none was chosen. */
export const TopicCheckboxes = ({ checked, error, legend }: { checked: readonly string[]; error?: string; legend: string }) => (
  <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
    <fieldset aria-describedby={`topics-hint${error ? ' topics-error' : ''}`} className="nhsuk-fieldset">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
      <div className="nhsuk-hint" id="topics-hint">
        Select all that apply.
      </div>
      <ErrorMessage id="topics-error" message={error} />
      <div className="nhsuk-checkboxes">
        {TOPICS.map((topic, index) => (
          <div className="nhsuk-checkboxes__item" key={topic.value}>
            <input
              aria-describedby={`topics-${topic.value}-hint`}
              className="nhsuk-checkboxes__input"
              defaultChecked={checked.includes(topic.value)}
              // The first box carries the id the error summary links to.
              id={index === 0 ? 'topics' : `topics-${topic.value}`}
              name="topics"
              type="checkbox"
              value={topic.value}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={index === 0 ? 'topics' : `topics-${topic.value}`}>
              {topic.label}
            </label>
            <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`topics-${topic.value}-hint`}>
              {topic.hint}
            </div>
          </div>
        ))}
      </div>
    </fieldset>
  </div>
)
