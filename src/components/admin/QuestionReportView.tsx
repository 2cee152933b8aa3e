import type { AdminViewServerProps } from 'payload'

import { formatAdminURL } from 'payload/shared'
import { ValidationError } from 'payload'

import type { QuestionReport, ReportRow } from '../../lib/questions/report-statistics'
import type { StaffAudience } from './StaffViewShell'

import { DESK } from '../../lib/access/roles'
import { questionReport } from '../../lib/questions/report'
import { isInAudience, StaffViewShell } from './StaffViewShell'
import { ScrollTable } from './ScrollTable'
import { QUESTION_REPORT_CSV_ROUTE } from '../../lib/routes'

const DESK_AUDIENCE: StaffAudience = {
  name: 'question desk staff',
  roles: DESK,
  who: 'administrators and question responders',
}

const FILTERS = ['from', 'to'] as const
type Filters = Partial<Record<(typeof FILTERS)[number], string>>

/** The filter days from the address; an empty box means no limit, a repeated one counts once. */
const filtersFrom = ({ searchParams = {} }: { searchParams?: AdminViewServerProps['searchParams'] }): Filters =>
  Object.fromEntries(FILTERS.map((name) => [name, [searchParams[name]].flat()[0] || undefined]).filter(([, value]) => value))

const monthLabel = (month: string): string =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC', year: 'numeric' }).format(new Date(`${month}-01T00:00:00Z`))

const periodLabel = ({ from, to }: Filters): string => {
  if (from && to) return `Received ${from} to ${to}`
  if (from) return `Received from ${from}`
  return to ? `Received up to ${to}` : 'All questions'
}

const orDash = (value: null | number, unit = ''): string => (value === null ? '—' : `${value}${unit}`)

/** Service-level figures for the "Ask a question" desk, with the same figures as a CSV download. */
export const QuestionReportView = async (view: AdminViewServerProps) => {
  const heading = 'Question report'
  if (!isInAudience({ audience: DESK_AUDIENCE, view })) return <StaffViewShell audience={DESK_AUDIENCE} heading={heading} view={view} />
  const { req } = view.initPageResult
  const filters = filtersFrom({ searchParams: view.searchParams })
  let report: QuestionReport
  try {
    report = await questionReport({ ...filters, payload: view.payload, req, user: req.user })
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    return (
      <StaffViewShell audience={DESK_AUDIENCE} heading={heading} view={view}>
        <FilterForm filters={filters} />
        <p role="alert">{error.data.errors.map(({ message }) => message).join('. ')}</p>
      </StaffViewShell>
    )
  }
  const query = new URLSearchParams(filters).toString()
  const csvHref = `${formatAdminURL({ apiRoute: view.payload.config.routes.api, path: QUESTION_REPORT_CSV_ROUTE })}${query ? `?${query}` : ''}`
  return (
    <StaffViewShell audience={DESK_AUDIENCE} heading={heading} view={view}>
      <p>
        Questions by the day they were received (UK time). Met target counts answers given by the end of the due day; open questions already
        past it count as missed. First response is measured in working time.
      </p>
      <FilterForm filters={filters} />
      <p>
        <a download href={csvHref}>
          Download CSV
        </a>
      </p>
      <h2>Overall</h2>
      <ReportTable label="Period" rows={[{ name: periodLabel(filters), row: report.overall }]} />
      <h2>By month</h2>
      {report.byMonth.length === 0 ? (
        <p>No questions were received in this period.</p>
      ) : (
        <ReportTable label="Month received" rows={report.byMonth.map((row) => ({ name: monthLabel(row.month), row }))} />
      )}
      <h2>By care area</h2>
      {report.byCareArea.length === 0 ? (
        <p>No questions were received in this period.</p>
      ) : (
        <ReportTable label="Care area" rows={report.byCareArea.map((row) => ({ name: row.careArea, row }))} />
      )}
    </StaffViewShell>
  )
}

/** A plain GET form, so the filtered report has an address of its own to bookmark or share. */
const FilterForm = ({ filters }: { filters: Filters }) => (
  <form method="get" style={{ alignItems: 'end', display: 'flex', flexWrap: 'wrap', gap: 'var(--base)', marginBottom: 'var(--base)' }}>
    <label>
      Received from <input defaultValue={filters.from} name="from" type="date" />
    </label>
    <label>
      to <input defaultValue={filters.to} name="to" type="date" />
    </label>
    <button className="btn btn--style-secondary btn--size-small" type="submit">
      Show
    </button>
  </form>
)

const ReportTable = ({ label, rows }: { label: string; rows: { name: string; row: ReportRow }[] }) => (
  <ScrollTable label={`Questions by ${label.toLowerCase()}`} style={{ marginBottom: 'calc(var(--base) * 1.5)' }}>
    <table cellPadding={0} cellSpacing={0}>
      <thead>
        <tr>
          <th scope="col">{label}</th>
          <th scope="col">Received</th>
          <th scope="col">Answered</th>
          <th scope="col">From a published answer</th>
          <th scope="col">Met target</th>
          <th scope="col">Met target (%)</th>
          <th scope="col">Median first response (working hours)</th>
          <th scope="col">90th percentile first response (working hours)</th>
          <th scope="col">Open</th>
          <th scope="col">Overdue</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ name, row }, index) => (
          // Two care areas may share a title, so the position keeps keys unique.
          <tr key={index}>
            <th scope="row">{name}</th>
            <td>{row.received}</td>
            <td>{row.answered}</td>
            <td>{row.answeredFromPublished}</td>
            <td>{row.metTarget}</td>
            <td>{orDash(row.metPercent, '%')}</td>
            <td>{orDash(row.medianFirstResponseWorkingHours)}</td>
            <td>{orDash(row.p90FirstResponseWorkingHours)}</td>
            <td>{row.open}</td>
            <td>{row.overdue ? <strong>{row.overdue}</strong> : row.overdue}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </ScrollTable>
)
