import type { Payload, PayloadRequest } from 'payload'

/** The Drizzle side of Payload's SQL adapters (SQLite and PostgreSQL), as far as bulk writes need it. */
type DrizzleQuery = PromiseLike<unknown> & { returning: (columns: Record<string, unknown>) => PromiseLike<Record<string, unknown>[]> }
type Drizzle = {
  insert: (table: unknown) => { values: (rows: Record<string, unknown>[]) => DrizzleQuery }
  update: (table: unknown) => { set: (values: Record<string, unknown>) => { where: (condition: unknown) => PromiseLike<unknown> } }
}
type SqlAdapter = { drizzle: Drizzle; sessions?: Record<string, { db: Drizzle }>; tables: Record<string, Record<string, unknown>> }

/**
 * Bound parameters per statement: SQLite allows 32,766 and PostgreSQL 65,535; well below both, so a statement
 * stays small enough to parse quickly.
 */
const PARAMETERS_PER_STATEMENT = 8_000

const sqlAdapter = (payload: Payload): SqlAdapter => {
  const adapter = payload.db as unknown as Partial<SqlAdapter>
  if (!adapter.drizzle || !adapter.tables) throw new Error(`bulk writes need an SQL database adapter, not ${payload.db.name}`)
  return adapter as SqlAdapter
}

/** The transaction `req` has open (as Payload's own operations find it), else the adapter itself. */
export const drizzleFor = async ({
  payload,
  req,
}: {
  payload: Payload
  req?: PayloadRequest
}): Promise<{ db: Drizzle; tables: SqlAdapter['tables'] }> => {
  const adapter = sqlAdapter(payload)
  const id = req?.transactionID ? String(await req.transactionID) : undefined
  return { db: (id && adapter.sessions?.[id]?.db) || adapter.drizzle, tables: adapter.tables }
}

/**
 * Inserts rows into one table in multi-row statements, in `req`'s transaction when it has one. Rows are the
 * table's columns by their Drizzle names (camelCase field names, `parent` for a hasMany select's owner) and
 * skip Payload's hooks, validation and defaults: for system writes whose every value the caller sets.
 * Returns the named columns of the new rows when `returning` lists some (in no promised order).
 */
export const insertRows = async ({
  payload,
  req,
  returning,
  rows,
  table,
}: {
  payload: Payload
  req?: PayloadRequest
  returning?: string[]
  rows: Record<string, unknown>[]
  table: string
}): Promise<Record<string, unknown>[]> => {
  if (!rows.length) return []
  const { db, tables } = await drizzleFor({ payload, req })
  const target = tables[table]
  if (!target) throw new Error(`no table named ${table}`)
  const chunk = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / Object.keys(rows[0]!).length))
  const columns = returning?.length ? Object.fromEntries(returning.map((name) => [name, target[name]])) : undefined
  const inserted: Record<string, unknown>[] = []
  for (let start = 0; start < rows.length; start += chunk) {
    const statement = db.insert(target).values(rows.slice(start, start + chunk))
    if (columns) inserted.push(...(await statement.returning(columns)))
    else await statement
  }
  return inserted
}

type Column = { getSQLType: () => string }

/**
 * Sets the same `data` on every row of `ids` in one statement per few thousand rows, in `req`'s transaction
 * when it has one, with one column (`perRow`) differing row by row: an UPDATE with a CASE on the id. Like
 * `insertRows`, it takes Drizzle column names and skips Payload's hooks and validation.
 */
export const updateRows = async ({
  data,
  ids,
  payload,
  perRow,
  req,
  table,
}: {
  data: Record<string, unknown>
  ids: (number | string)[]
  payload: Payload
  perRow?: { column: string; values: unknown[] }
  req?: PayloadRequest
  table: string
}): Promise<void> => {
  if (!ids.length) return
  const { db, tables } = await drizzleFor({ payload, req })
  const target = tables[table]
  if (!target) throw new Error(`no table named ${table}`)
  // The adapter's own copy of Drizzle builds the expressions its queries are made of.
  const { inArray, sql } =
    payload.db.name === 'postgres' ? await import('@payloadcms/db-postgres/drizzle') : await import('@payloadcms/db-sqlite/drizzle')
  // PostgreSQL gives an untyped parameter in a CASE the type text, which a date column refuses without a cast.
  const column = perRow ? (target[perRow.column] as Column | undefined) : undefined
  if (perRow && !column) throw new Error(`no column ${perRow.column} in ${table}`)
  const typed = (value: unknown) =>
    payload.db.name === 'postgres' && value !== null ? sql`CAST(${value} AS ${sql.raw(column!.getSQLType())})` : sql`${value}`
  const chunk = Math.floor(PARAMETERS_PER_STATEMENT / 3)
  for (let start = 0; start < ids.length; start += chunk) {
    const some = ids.slice(start, start + chunk)
    const set = { ...data }
    if (perRow) {
      const cases = some.map((id, index) => sql`WHEN ${id} THEN ${typed(perRow.values[start + index])}`)
      set[perRow.column] = sql`CASE ${target.id} ${sql.join(cases, sql` `)} END`
    }
    await db
      .update(target)
      .set(set)
      .where(inArray(target.id as never, some))
  }
}
