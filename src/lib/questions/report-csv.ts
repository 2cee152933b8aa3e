/** The question desk's service-level report as a CSV download. */
import type { QuestionReport, ReportRow } from './report-statistics'

const CSV_COLUMNS: [string, keyof ReportRow][] = [
  ['Received', 'received'],
  ['Answered', 'answered'],
  ['Answered from a published answer', 'answeredFromPublished'],
  ['Met target', 'metTarget'],
  ['Met target (%)', 'metPercent'],
  ['Median first response (working hours)', 'medianFirstResponseWorkingHours'],
  ['90th percentile first response (working hours)', 'p90FirstResponseWorkingHours'],
  ['Open', 'open'],
  ['Overdue', 'overdue'],
]

/**
 * One CSV cell (RFC 4180). Text a spreadsheet would run as a formula (= + - @) gets a leading apostrophe;
 * numbers are left alone so they stay numbers.
 */
const csvCell = (value: null | number | string): string => {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** The report as CSV: month rows, then care-area rows, then the overall row, with CRLF line ends. */
export const reportCsv = ({ report }: { report: QuestionReport }): string => {
  const line = ({ group, name, row }: { group: string; name: string; row: ReportRow }) =>
    [group, name, ...CSV_COLUMNS.map(([, key]) => row[key])].map(csvCell).join(',')
  return [
    ['Group', 'Month or care area', ...CSV_COLUMNS.map(([label]) => label)].map(csvCell).join(','),
    ...report.byMonth.map((row) => line({ group: 'month', name: row.month, row })),
    ...report.byCareArea.map((row) => line({ group: 'care area', name: row.careArea, row })),
    line({ group: 'overall', name: 'All questions', row: report.overall }),
  ]
    .map((text) => `${text}\r\n`)
    .join('')
}
