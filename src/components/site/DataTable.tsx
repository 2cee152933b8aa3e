import type { ReactNode } from 'react'

/**
 * An NHS.UK table with a caption and a header row; the rows are the children. The action, recommendation and
 * member tables differ only in their columns and rows.
 */
export const DataTable = ({ caption, children, columns }: { caption: ReactNode; children: ReactNode; columns: readonly string[] }) => (
  <table className="nhsuk-table">
    <caption className="nhsuk-table__caption nhsuk-table__caption--m">{caption}</caption>
    <thead className="nhsuk-table__head">
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">
            {column}
          </th>
        ))}
      </tr>
    </thead>
    <tbody className="nhsuk-table__body">{children}</tbody>
  </table>
)
