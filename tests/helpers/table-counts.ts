import { createClient } from '@libsql/client'
import pg from 'pg'

/** Rows in every table of a SQL database (SQLite file or PostgreSQL), read directly, not through Payload. */
export const tableCounts = async ({ databaseUrl }: { databaseUrl: string }): Promise<Record<string, number>> => {
  const counts: Record<string, number> = {}
  if (databaseUrl.startsWith('file:')) {
    const client = createClient({ url: databaseUrl })
    try {
      const tables = await client.execute(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      for (const { name } of tables.rows) {
        const { rows } = await client.execute(`SELECT count(*) AS n FROM "${String(name)}"`)
        counts[String(name)] = Number(rows[0]!.n)
      }
    } finally {
      client.close()
    }
    return counts
  }
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const tables = await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)
    for (const { tablename } of tables.rows) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM "${tablename}"`)
      counts[tablename] = rows[0].n
    }
  } finally {
    await client.end()
  }
  return counts
}
