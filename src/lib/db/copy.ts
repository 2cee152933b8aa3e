import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'

import type { DigestColumn } from './row-digest'
import type { Query } from './postgres-target'

import { migrationTopic } from './copy-checks'
import { migrationDir } from './paths'
import { deferForeignKeys, resetSequences, tablesWithRows } from './postgres-target'
import { rowDigest, tableDigest } from './row-digest'

type Row = Record<string, unknown>
type AnyTable = Record<string, unknown> & { id: unknown }
type Reader = {
  select: () => {
    from: (table: never) => {
      orderBy: (column: never) => { limit: (n: number) => Promise<Row[]> }
      where: (condition: never) => { orderBy: (column: never) => { limit: (n: number) => Promise<Row[]> } }
    }
  }
}

const MIGRATIONS_TABLE = 'payload_migrations'
const BATCH_ROWS = 1_000
// PostgreSQL takes at most 65,535 parameters in one statement.
const MAX_PARAMETERS = 30_000

/**
 * A second adapter on the SQLite file, next to Payload's own on PostgreSQL: it builds its Drizzle tables from the
 * same Payload config, so both sides have the same tables, columns and property names, each with its dialect's
 * encoding (read here, written there, every value converts through its JavaScript form).
 */
export const openSqliteSource = async ({ file, payload }: { file: string; payload: Payload }): Promise<SQLiteAdapter> => {
  const adapter = sqliteAdapter({ client: { url: `file:${file}` }, migrationDir: migrationDir('sqlite'), push: false }).init({ payload })
  await adapter.init?.()
  await adapter.connect?.()
  return adapter
}

export const closeSqliteSource = ({ source }: { source: SQLiteAdapter }) => source.client.close()

/** Tables and columns in the SQLite file that the schema does not know would be left behind: refuse instead. */
export const unknownSourceColumns = async ({ source }: { source: SQLiteAdapter }): Promise<string[]> => {
  const known = new Map(
    Object.values(source.rawTables).map((table) => [table.name, new Set(Object.values(table.columns).map((column) => column.name))]),
  )
  const tables = (
    await source.client.execute(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`)
  ).rows
  const problems: string[] = []
  for (const { name } of tables) {
    const columns = known.get(String(name))
    if (!columns) {
      problems.push(`table ${String(name)}`)
      continue
    }
    const actual = (await source.client.execute({ args: [String(name)], sql: 'SELECT name FROM pragma_table_info(?)' })).rows
    for (const column of actual) if (!columns.has(String(column.name))) problems.push(`column ${String(name)}.${String(column.name)}`)
  }
  return problems
}

const digestColumns = ({ adapter, table }: { adapter: PostgresAdapter | SQLiteAdapter; table: string }): DigestColumn[] =>
  Object.entries(adapter.rawTables[table].columns)
    .map(([key, column]) => ({ key, type: column.type }))
    .sort((a, b) => (a.key < b.key ? -1 : 1))

/** Rows in id order, a batch at a time (keyset paging: each batch starts after the last id seen). */
const eachBatch = async ({ db, onBatch, table }: { db: Reader; onBatch: (rows: Row[]) => Promise<void>; table: AnyTable }) => {
  let last: unknown
  for (;;) {
    const from = db.select().from(table as never)
    const rows =
      last === undefined
        ? await from.orderBy(table.id as never).limit(BATCH_ROWS)
        : await from
            .where(sql`${table.id} > ${last}` as never)
            .orderBy(table.id as never)
            .limit(BATCH_ROWS)
    if (!rows.length) return
    await onBatch(rows)
    if (rows.length < BATCH_ROWS) return
    last = rows[rows.length - 1].id
  }
}

const queryOf =
  (db: { execute: (query: ReturnType<typeof sql.raw>) => Promise<{ rows: unknown[] }> }): Query =>
  async (text) =>
    (await db.execute(sql.raw(text))).rows as Row[]

/** PostgreSQL's own words (Drizzle's message repeats the whole statement and every value). */
const databaseReason = (error: unknown): string => {
  const cause = ((error as { cause?: unknown }).cause ?? error) as { detail?: string; message?: string }
  return [cause.message, cause.detail].filter(Boolean).join(': ').slice(0, 500)
}

/** The hub's tables other than the migrations table, which migrating the target has already filled. */
export const copiedTables = ({ target }: { target: PostgresAdapter }): string[] =>
  Object.keys(target.tables)
    .filter((name) => name !== MIGRATIONS_TABLE)
    .sort()

/**
 * Copies every row of every hub table from SQLite into the migrated, empty PostgreSQL database in one
 * transaction: on any error nothing is left half-copied. Ids are kept, so relationships, versions and
 * sessions stay linked; sequences then continue after them.
 */
export const copyRows = async ({ source, target }: { source: SQLiteAdapter; target: PostgresAdapter }): Promise<Record<string, number>> => {
  const copied: Record<string, number> = {}
  await target.drizzle.transaction(async (tx) => {
    const query = queryOf(tx as never)
    // Checked again inside the transaction, in case something wrote to the target since the first check.
    const busy = await tablesWithRows({ query })
    if (busy.length) throw new Error(`the target database is not empty (rows in ${busy.join(', ')})`)
    const checkForeignKeys = await deferForeignKeys({ query })
    for (const table of copiedTables({ target })) {
      const columns = Object.keys(target.rawTables[table].columns).length
      const chunk = Math.max(1, Math.min(BATCH_ROWS, Math.floor(MAX_PARAMETERS / columns)))
      copied[table] = 0
      await eachBatch({
        db: source.drizzle as never,
        onBatch: async (rows) => {
          for (let start = 0; start < rows.length; start += chunk) {
            await tx
              .insert(target.tables[table])
              .values(rows.slice(start, start + chunk) as never)
              .catch((error: unknown) => {
                throw new Error(`copying ${table}: ${databaseReason(error)}`)
              })
          }
          copied[table] += rows.length
        },
        table: source.tables[table] as never,
      })
    }
    await checkForeignKeys().catch((error: unknown) => {
      throw new Error(`a copied row refers to one that does not exist: ${databaseReason(error)}`)
    })
    await resetSequences({ query })
  })
  return copied
}

export type TableComparison = {
  match: boolean
  source: { digest: string; rows: number }
  table: string
  target: { digest: string; rows: number }
}

const summarise = async ({ adapter, db, table }: { adapter: PostgresAdapter | SQLiteAdapter; db: Reader; table: string }) => {
  const columns = digestColumns({ adapter, table })
  const rowDigests: string[] = []
  await eachBatch({
    db,
    onBatch: async (rows) => {
      for (const row of rows) rowDigests.push(rowDigest({ columns, row }))
    },
    table: adapter.tables[table] as never,
  })
  return { digest: tableDigest({ rowDigests }), rows: rowDigests.length }
}

const migrationsCompared = async ({ source, target }: { source: SQLiteAdapter; target: PostgresAdapter }): Promise<TableComparison> => {
  const names = async (db: Reader, table: AnyTable) => {
    const topics: string[] = []
    await eachBatch({ db, onBatch: async (rows) => void topics.push(...rows.map((row) => migrationTopic(String(row.name)))), table })
    return topics.sort()
  }
  const before = await names(source.drizzle as never, source.tables[MIGRATIONS_TABLE] as never)
  const after = await names(target.drizzle as never, target.tables[MIGRATIONS_TABLE] as never)
  // Each dialect has its own migration files: the same migrations, under names generated at different seconds.
  const digestOf = (topics: string[]) => tableDigest({ rowDigests: topics })
  return {
    match: digestOf(before) === digestOf(after),
    source: { digest: digestOf(before), rows: before.length },
    table: MIGRATIONS_TABLE,
    target: { digest: digestOf(after), rows: after.length },
  }
}

/** Row counts and a digest of every normalised row, per table, on both sides. */
export const compareCopy = async ({ source, target }: { source: SQLiteAdapter; target: PostgresAdapter }): Promise<TableComparison[]> => {
  const comparisons: TableComparison[] = [await migrationsCompared({ source, target })]
  for (const table of copiedTables({ target })) {
    const before = await summarise({ adapter: source, db: source.drizzle as never, table })
    const after = await summarise({ adapter: target, db: target.drizzle as never, table })
    comparisons.push({ match: before.rows === after.rows && before.digest === after.digest, source: before, table, target: after })
  }
  return comparisons
}
