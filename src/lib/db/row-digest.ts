import { createHash } from 'node:crypto'

/** A column as Payload's schema builder describes it for both SQL adapters: property key and raw type. */
export type DigestColumn = { key: string; type: string }

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** JSON with keys in one order: jsonb keeps its own key order, SQLite keeps the text as written. */
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, canonical(record[key])]),
    )
  }
  return value
}

/**
 * One value as both databases should agree on it, whatever their representation: SQLite stores booleans as
 * 0/1, timestamps as ISO text and JSON as text; PostgreSQL returns timestamps as `2026-11-23 15:37:56.123+00`.
 */
export const normaliseValue = ({ type, value }: { type: string; value: unknown }): unknown => {
  if (value === null || value === undefined) return null
  switch (type) {
    case 'boolean':
      return Boolean(value)
    case 'integer':
    case 'numeric':
    case 'serial':
      return Number(value)
    case 'geometry':
    case 'jsonb':
      return canonical(value)
    case 'timestamp': {
      const time = new Date(String(value))
      return Number.isNaN(time.getTime()) ? String(value) : time.toISOString()
    }
    default:
      return String(value)
  }
}

export const rowDigest = ({ columns, row }: { columns: DigestColumn[]; row: Record<string, unknown> }): string =>
  sha256(JSON.stringify(columns.map(({ key, type }) => normaliseValue({ type, value: row[key] }))))

/** Independent of row order, which the two databases need not share for text keys. */
export const tableDigest = ({ rowDigests }: { rowDigests: string[] }): string => sha256([...rowDigests].sort().join('\n'))
