/**
 * The one table every benchmark reports in: case, the hub's figure, the reference's figure in the same run,
 * their ratio, the goal and whether it is met. Each benchmark prints its own rows; given `--rows-out FILE`
 * (as `npm run bench` passes) it also writes them there as JSON, for bench/index.ts to print them all as one table.
 */
import fs from 'node:fs'

export type BenchRow = {
  case: string
  /** The hub's figure, with its unit ("3,170 req/s, p99 9.5 ms"). */
  hub: string
  /** The reference's figure in the same run, when the case has one. */
  reference?: string
  /** hub ÷ reference, oriented so that higher is better (throughput, or reference time ÷ hub time). */
  ratio?: number
  goal: string
  /** Null when the case is reported without a goal. */
  met: boolean | null
}

const fit = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width))

/** The rows as a Markdown table, ready to paste. */
export const formatTable = (rows: BenchRow[]): string => {
  const cells = rows.map((row) => [
    row.case,
    row.hub,
    row.reference ?? '',
    row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}x`,
    row.goal,
    row.met === null ? '' : row.met ? 'met' : 'NOT met',
  ])
  const header = ['case', 'hub', 'reference', 'ratio', 'goal', 'met']
  const widths = header.map((title, column) => Math.min(70, Math.max(title.length, ...cells.map((row) => row[column]!.length))))
  const line = (values: string[]) => `| ${values.map((value, column) => fit(value, widths[column]!)).join(' | ')} |`
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...cells.map(line)].join('\n')
}

/** Prints the rows, and writes them to `--rows-out FILE` when given. */
export const reportRows = (rows: BenchRow[]): void => {
  console.log(formatTable(rows))
  const index = process.argv.indexOf('--rows-out')
  const file = index > 0 ? process.argv[index + 1] : undefined
  if (file) fs.writeFileSync(file, JSON.stringify(rows))
}

/** Milliseconds for a table cell: one decimal below 10, whole above. */
export const ms = (value: number): string => `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-GB')} ms`

export const perSecond = (value: number, unit = 'req/s'): string => `${Math.round(value).toLocaleString('en-GB')} ${unit}`

export const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`
