import type { Payload, PayloadRequest } from 'payload'

import { parse } from 'csv-parse/sync'

import { inTransaction } from '../db/transaction'
import { destinationUrl, isReservedPath, localTarget, normalisedPath } from './paths'
import { liveDocumentAt } from './targets'

export type ImportProblem = { field: string; line: number; message: string }
export type ImportResult = { created: number; problems: ImportProblem[]; unchanged: number }

type Row = { from: string; line: number; status: '301' | '302'; to: string }
type Stored = { status: string; to: null | string }

/** Set on creates the import has already checked as a whole file, so each row is not checked again alone. */
export const CHECKED_IN_BULK = 'redirects.checkedInBulk'

const HEADER = ['from', 'to', 'status']

/**
 * Reads a redirects CSV: a header row naming `from`, `to` and optionally `status` (301 or 302), then one old
 * address per row, each problem reported with the line it starts on.
 */
const readRows = ({ csv }: { csv: string }): { problems: ImportProblem[]; rows: Row[] } => {
  let records: { info: { lines: number }; record: string[] }[]
  try {
    records = parse(csv, { bom: true, info: true, relax_column_count: true, trim: true }) as unknown as typeof records
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1
    return { problems: [{ field: 'body', line, message: `The file is not valid CSV: ${(error as Error).message}` }], rows: [] }
  }
  // Blank lines are skipped here rather than by the parser, which would then count lines without them.
  const [header, ...body] = records.filter(({ record }) => record.some((field) => field !== ''))
  const columns = (header?.record ?? []).map((name) => name.toLowerCase())
  if (!columns.includes('from') || !columns.includes('to'))
    return { problems: [{ field: 'body', line: 1, message: `The first line must name the columns: ${HEADER.join(',')}.` }], rows: [] }
  const at = (record: string[], name: string) => (columns.indexOf(name) >= 0 ? (record[columns.indexOf(name)] ?? '') : '')
  const problems: ImportProblem[] = []
  const rows: Row[] = []
  for (const { info, record } of body) {
    // The line the record ends on, less the lines its quoted fields span: where it starts.
    const line = info.lines - record.reduce((spanned, field) => spanned + field.split('\n').length - 1, 0)
    const from = normalisedPath(at(record, 'from'))
    const to = destinationUrl(at(record, 'to'))
    const status = at(record, 'status') || '301'
    if (!from) problems.push({ field: 'from', line, message: `"${at(record, 'from')}" is not an old address (a path starting with /).` })
    else if (isReservedPath(from)) problems.push({ field: 'from', line, message: `${from} is one of the hub's own addresses.` })
    if (!to) problems.push({ field: 'to', line, message: `"${at(record, 'to')}" is not a path on this site or an http(s) address.` })
    if (status !== '301' && status !== '302')
      problems.push({ field: 'status', line, message: `The status must be 301 or 302, not "${status}".` })
    if (from && to && !isReservedPath(from) && (status === '301' || status === '302')) rows.push({ from, line, status, to })
  }
  return { problems, rows }
}

/** Loops and chains within the file and against the redirects already stored (as the collection's own check). */
const chainProblems = ({ existing, rows }: { existing: Map<string, Stored>; rows: Row[] }): ImportProblem[] => {
  const problems: ImportProblem[] = []
  const fromFile = new Map<string, Row>()
  for (const row of rows) {
    if (fromFile.has(row.from))
      problems.push({ field: 'from', line: row.line, message: `${row.from} is also on line ${fromFile.get(row.from)!.line}.` })
    else fromFile.set(row.from, row)
  }
  // Which stored redirect leads to each address here, read once.
  const leadingTo = new Map<string, string>()
  for (const [from, { to }] of existing) {
    const target = localTarget(to)
    if (target) leadingTo.set(target, from)
  }
  for (const row of rows) {
    const target = localTarget(row.to)
    if (target === row.from) problems.push({ field: 'to', line: row.line, message: `This leads back to ${row.from} itself.` })
    else if (target && (fromFile.has(target) || existing.has(target)))
      problems.push({ field: 'to', line: row.line, message: `${target} is itself redirected: lead straight to where that one leads.` })
    const stored = existing.get(row.from)
    if (stored && (stored.to !== row.to || stored.status !== row.status))
      problems.push({ field: 'from', line: row.line, message: `${row.from} is already redirected elsewhere or as another kind.` })
    const leading = leadingTo.get(row.from)
    if (leading)
      problems.push({
        field: 'from',
        line: row.line,
        message: `The redirect from ${leading} leads to ${row.from}: change that one instead.`,
      })
  }
  return problems
}

/**
 * Imports redirects from CSV, all or nothing: a file with any problem creates none and says what is wrong on
 * which line, and the rows are written in one transaction. A row already stored exactly so is counted as
 * unchanged, so the same file can be imported twice.
 */
export const importRedirects = async ({
  csv,
  payload,
  req,
}: {
  csv: string
  payload: Payload
  req?: PayloadRequest
}): Promise<ImportResult> => {
  const { problems: rowProblems, rows } = readRows({ csv })
  const stored = await payload.find({ collection: 'redirects', depth: 0, limit: 0, overrideAccess: true, pagination: false, req })
  const existing = new Map<string, Stored>(
    stored.docs.map((doc) => [
      doc.from,
      { status: doc.statusCode ?? '301', to: doc.destination?.type === 'url' ? (doc.destination.url ?? null) : null },
    ]),
  )
  const problems = [...rowProblems, ...chainProblems({ existing, rows })]
  for (const row of rows) {
    if (!existing.has(row.from) && (await liveDocumentAt({ path: row.from, payload, req })))
      problems.push({ field: 'from', line: row.line, message: `A published page lives at ${row.from}: it cannot be redirected.` })
  }
  if (problems.length) return { created: 0, problems: problems.sort((a, b) => a.line - b.line), unchanged: 0 }
  const fresh = rows.filter((row) => !existing.has(row.from))
  await inTransaction({
    payload,
    req,
    work: async (tx) => {
      for (const row of fresh)
        await payload.create({
          collection: 'redirects',
          context: { [CHECKED_IN_BULK]: true },
          data: { destination: { type: 'url', url: row.to }, from: row.from, origin: 'import', statusCode: row.status },
          depth: 0,
          overrideAccess: !tx.user,
          req: tx,
        })
    },
  })
  return { created: fresh.length, problems: [], unchanged: rows.length - fresh.length }
}
