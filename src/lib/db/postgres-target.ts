export type Query = (text: string) => Promise<Record<string, unknown>[]>

/**
 * Tables of the current schema holding at least one row, Payload's migrations table aside (migrating an empty
 * database fills it). Any other row means the database is in use and must not be written into.
 */
export const tablesWithRows = async ({ query }: { query: Query }): Promise<string[]> => {
  const tables = await query(
    `SELECT table_name, quote_ident(table_schema) || '.' || quote_ident(table_name) AS qualified FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'payload_migrations' ORDER BY table_name`,
  )
  const found: string[] = []
  for (const table of tables) {
    const [row] = await query(`SELECT EXISTS (SELECT 1 FROM ${String(table.qualified)}) AS has_rows`)
    if (row.has_rows) found.push(String(table.table_name))
  }
  return found
}

/** Migrations recorded in the target that this hub did not write: another application's database, or a newer hub's. */
export const unknownMigrations = async ({ committed, query }: { committed: string[]; query: Query }): Promise<string[]> => {
  const [exists] = await query(`SELECT to_regclass('payload_migrations') IS NOT NULL AS present`)
  if (!exists.present) return []
  const rows = await query('SELECT name FROM payload_migrations ORDER BY name')
  return rows.map((row) => String(row.name)).filter((name) => !committed.includes(name))
}

type ForeignKey = { constraint: string; table: string }

/**
 * Rows are copied table by table in one transaction, and tables refer to each other (and to themselves) in
 * cycles, so no table order satisfies every foreign key. Payload creates them NOT DEFERRABLE; within the
 * transaction they are made deferrable, checked all at once at the end, and put back as they were.
 */
export const deferForeignKeys = async ({ query }: { query: Query }): Promise<() => Promise<void>> => {
  const keys = (
    await query(
      `SELECT conrelid::regclass::text AS "table", quote_ident(conname) AS "constraint" FROM pg_constraint
       WHERE contype = 'f' AND NOT condeferrable AND connamespace = current_schema()::regnamespace ORDER BY 1, 2`,
    )
  ).map((row) => ({ constraint: String(row.constraint), table: String(row.table) }) satisfies ForeignKey)
  for (const key of keys) await query(`ALTER TABLE ${key.table} ALTER CONSTRAINT ${key.constraint} DEFERRABLE INITIALLY DEFERRED`)
  return async () => {
    await query('SET CONSTRAINTS ALL IMMEDIATE')
    for (const key of keys) await query(`ALTER TABLE ${key.table} ALTER CONSTRAINT ${key.constraint} NOT DEFERRABLE`)
  }
}

/** After rows were inserted with their own ids, each id sequence continues after the highest one. */
export const resetSequences = async ({ query }: { query: Query }): Promise<void> => {
  const columns = await query(
    `SELECT quote_ident(table_name) AS "table", quote_ident(column_name) AS "column",
            pg_get_serial_sequence(quote_ident(table_schema) || '.' || quote_ident(table_name), column_name) AS sequence
     FROM information_schema.columns WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
  )
  for (const { column, sequence, table } of columns) {
    if (!sequence) continue
    await query(
      `SELECT setval('${String(sequence).replaceAll("'", "''")}', COALESCE((SELECT max(${column}) FROM ${table}), 1), (SELECT max(${column}) FROM ${table}) IS NOT NULL)`,
    )
  }
}
