/**
 * One drop-down of a GET filter form, with an "any" choice that leaves the filter off. The recommendations
 * filter has one per column it narrows by; the markup and id scheme (`filter-<name>`) are kept in one place.
 */
export const FilterSelect = ({
  any,
  label,
  name,
  options,
  value,
}: {
  any: string
  label: string
  name: string
  options: readonly { label: string; value: string }[]
  value?: null | string
}) => (
  <div className="nhsuk-grid-column-one-third nhsuk-form-group">
    <label className="nhsuk-label" htmlFor={`filter-${name}`}>
      {label}
    </label>
    <select className="nhsuk-select" defaultValue={value ?? ''} id={`filter-${name}`} name={name}>
      <option value="">{any}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  </div>
)
