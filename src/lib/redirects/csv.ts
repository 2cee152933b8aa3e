import type { Payload, PayloadRequest } from 'payload'

import { parse } from 'csv-parse/sync'

import { destinationUrl, isReservedPath, normalisedPath } from './paths'

export type ImportProblem = { field: string; line: number; message: string }
export type ImportResult = { created: number; problems: ImportProblem[]; unchanged: number }

type Row = { from: string; line: number; status: '301' | '302'; to: string }

const HEADER = ['from', 'to', 'status']

/**
 * Reads a redirects CSV: a header row naming `from`, `to` and optionally `status` (301 or 302), then one old
 * address per row. Every problem is reported with its line; rows are only kept when the whole file is sound.
 */
const readRows = ({ csv }: { csv: string }): { problems: ImportProblem[]; rows: Row[] } => {
  let records: string[][]
  try {
    records = parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][]
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1
    return { problems: [{ field: 'body', line, message: `The file is not valid CSV: ${(error as Error).message}` }], rows: [] }
  }
  const [header = [], ...body] = records
  const columns = header.map((name) => name.toLowerCase())
  if (!columns.includes('from') || !columns.includes('to'))
    return { problems: [{ field: 'body', line: 1, message: `The first line must name the columns: ${HEADER.join(',')}.` }], rows: [] }
  const at = (record: string[], name: string) => (columns.indexOf(name) >= 0 ? (record[columns.indexOf(name)] ?? '') : '')
  const problems: ImportProblem[] = []
  const rows: Row[] = []
  body.forEach((record, index) => {
    const line = index + 2
    const from = normalisedPath(at(record, 'from'))
    const to = destinationUrl(at(record, 'to'))
    const status = at(record, 'status') || '301'
    if (!from) problems.push({ field: 'from', line, message: `"${at(record, 'from')}" is not an old address (a path starting with /).` })
    else if (isReservedPath(from)) problems.push({ field: 'from', line, message: `${from} is one of the hub's own addresses.` })
    if (!to) problems.push({ field: 'to', line, message: `"${at(record, 'to')}" is not a path on this site or an http(s) address.` })
    if (status !== '301' && status !== '302')
      problems.push({ field: 'status', line, message: `The status must be 301 or 302, not "${status}".` })
    if (from && to && !isReservedPath(from) && (status === '301' || status === '302')) rows.push({ from, line, status, to })
  })
  return { problems, rows }
}

/** Loops and chains within the file and against the redirects already stored (see the collection's own check). */
const chainProblems = ({ existing, rows }: { existing: Map<string, string | null>; rows: Row[] }): ImportProblem[] => {
  const problems: ImportProblem[] = []
  const fromFile = new Map<string, Row>()
  for (const row of rows) {
    if (fromFile.has(row.from))
      problems.push({ field: 'from', line: row.line, message: `${row.from} is also on line ${fromFile.get(row.from)!.line}.` })
    else fromFile.set(row.from, row)
  }
  for (const row of rows) {
    const target = row.to.startsWith('/') ? normalisedPath(row.to) : null
    if (target === row.from) problems.push({ field: 'to', line: row.line, message: `This leads back to ${row.from} itself.` })
    else if (target && (fromFile.has(target) || existing.has(target)))
      problems.push({ field: 'to', line: row.line, message: `${target} is itself redirected: lead straight to where that one leads.` })
    const stored = existing.get(row.from)
    if (stored !== undefined && stored !== row.to)
      problems.push({ field: 'from', line: row.line, message: `${row.from} is already redirected elsewhere.` })
    for (const [from, to] of existing)
      if (to?.startsWith('/') && normalisedPath(to) === row.from)
        problems.push({
          field: 'from',
          line: row.line,
          message: `The redirect from ${from} leads to ${row.from}: change that one instead.`,
        })
  }
  return problems
}

/**
 * Imports redirects from CSV, all or nothing: a file with any problem creates none and says what is wrong on
 * which line. A row already stored exactly so is counted as unchanged, so the same file can be imported twice.
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
  // Each stored redirect's old address, with its typed address (null when it leads to a document).
  const existing = new Map(stored.docs.map((doc) => [doc.from, doc.destination?.type === 'url' ? (doc.destination.url ?? null) : null]))
  const problems = [...rowProblems, ...chainProblems({ existing, rows })].sort((a, b) => a.line - b.line)
  if (problems.length) return { created: 0, problems, unchanged: 0 }
  let created = 0
  for (const row of rows) {
    if (existing.has(row.from)) continue
    await payload.create({
      collection: 'redirects',
      data: { destination: { type: 'url', url: row.to }, from: row.from, origin: 'import', statusCode: row.status },
      depth: 0,
      overrideAccess: !req?.user,
      req,
    })
    created++
  }
  return { created, problems: [], unchanged: rows.length - created }
}
