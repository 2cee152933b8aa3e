import { createClient } from '@libsql/client'

export type SqliteSummary = {
  /** `ok`, or SQLite's list of problems joined by `; `. */
  integrity: string
  /** The newest applied migration, by name (names start with their date). */
  migration: null | string
  /** Rows per table, SQLite's own tables aside. */
  tables: Record<string, number>
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`

/**
 * Copies a consistent image of a live database with SQLite's VACUUM INTO, through the libsql client the hub
 * already uses. It reads inside one read transaction, so in WAL mode writers carry on meanwhile and every
 * transaction committed before it began is in the copy.
 */
export const snapshotSqlite = async ({ busyTimeoutMs, source, target }: { busyTimeoutMs: number; source: string; target: string }) => {
  const client = createClient({ url: `file:${source}` })
  try {
    await client.execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
    await client.execute({ args: [target], sql: 'VACUUM INTO ?' })
  } finally {
    client.close()
  }
}

/** Integrity, row counts and migration of a database file nobody else is writing (a snapshot). */
export const summariseSqlite = async ({ file }: { file: string }): Promise<SqliteSummary> => {
  const client = createClient({ url: `file:${file}` })
  try {
    const integrity = (await client.execute('PRAGMA integrity_check')).rows.map((row) => String(row[0])).join('; ')
    const names = (
      await client.execute(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`)
    ).rows.map((row) => String(row.name))
    const tables: Record<string, number> = {}
    for (const name of names) {
      tables[name] = Number((await client.execute(`SELECT count(*) AS n FROM ${quoted(name)}`)).rows[0].n)
    }
    const migration = names.includes('payload_migrations')
      ? ((await client.execute('SELECT name FROM payload_migrations ORDER BY name DESC LIMIT 1')).rows[0]?.name ?? null)
      : null
    return { integrity, migration: migration === null ? null : String(migration), tables }
  } finally {
    client.close()
  }
}
