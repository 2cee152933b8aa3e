import type { ReactNode } from 'react'

export type DataTableColumn = {
  label: string
  /** Long text (a title, a paragraph): on phones its heading goes above it rather than beside it. */
  stacked?: boolean
}

export type DataTableRow = { cells: ReactNode[]; id?: string; key: number | string }

// On phones the design system lays a responsive table's cells out as label and value side by side; a long value
// gets the whole width under its label instead. More specific than the design system's rules, so the order the
// stylesheets load in does not matter.
const STACKED_CELLS = `@media (max-width: 61.865em) {
  .nhsuk-table--responsive .nhsuk-table__body .nhsuk-table__cell.hub-table__cell--stacked { flex-direction: column; text-align: left }
}`

/**
 * An NHS.UK responsive table (design system v10 markup) with a caption and a header row. On screens narrower
 * than a desktop each row becomes a block of its cells, each with its column's heading, so nothing is squeezed
 * into narrow columns; the ARIA roles keep it a table for screen readers once its cells are no longer laid out
 * as one. The action, recommendation and member tables differ only in their columns and rows.
 */
export const DataTable = ({
  caption,
  columns,
  rows,
}: {
  caption: ReactNode
  columns: readonly DataTableColumn[]
  rows: DataTableRow[]
}) => (
  <>
    <style href="hub-data-table" precedence="hub">
      {STACKED_CELLS}
    </style>
    <table className="nhsuk-table nhsuk-table--responsive" role="table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--m">{caption}</caption>
      <thead className="nhsuk-table__head" role="rowgroup">
        <tr className="nhsuk-table__row" role="row">
          {columns.map((column) => (
            <th className="nhsuk-table__header" key={column.label} role="columnheader" scope="col">
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {rows.map((row) => (
          <tr className="nhsuk-table__row" id={row.id} key={row.key} role="row">
            {columns.map((column, index) => (
              <td className={`nhsuk-table__cell${column.stacked ? ' hub-table__cell--stacked' : ''}`} key={column.label} role="cell">
                {/* The column's heading for phones, where the header row is hidden; screen readers have the header row. */}
                <span aria-hidden="true" className="nhsuk-table__heading">
                  {column.label}{' '}
                </span>
                <div>{row.cells[index]}</div>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  </>
)
