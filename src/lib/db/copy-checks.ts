import { createClient } from '@libsql/client'
import fs from 'node:fs'

import { migrationDir } from './paths'

// Checks made before anything is written, kept apart from copy.ts so that a refusal does not load the adapters.

const MIGRATIONS_TABLE = 'payload_migrations'

/** The committed migrations of one dialect, by name. */
export const committedMigrations = ({ kind }: { kind: 'postgres' | 'sqlite' }): string[] =>
  fs
    .readdirSync(migrationDir(kind))
    .filter((file) => /^\d{8}_\d{6}_.+\.ts$/.test(file))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort()

/** What a migration does, without the time it was generated (which differs between the two dialects' files). */
export const migrationTopic = (name: string): string => name.replace(/^\d{8}_\d{6}_/, '')

/**
 * The SQLite database must be exactly at the committed migrations: a newer or older schema, or one pushed in
 * development, would not line up column for column with the migrated PostgreSQL database.
 */
export const sqliteMigrationProblems = async ({ file }: { file: string }): Promise<string[]> => {
  const client = createClient({ url: `file:${file}` })
  try {
    const rows = (await client.execute(`SELECT name, batch FROM ${MIGRATIONS_TABLE}`)).rows
    if (rows.some((row) => Number(row.batch) === -1)) return ['its schema was pushed in development mode, not migrated']
    const applied = rows.map((row) => String(row.name))
    const committed = committedMigrations({ kind: 'sqlite' })
    return [
      ...committed.filter((name) => !applied.includes(name)).map((name) => `migration ${name} has not been applied (run npm run migrate)`),
      ...applied.filter((name) => !committed.includes(name)).map((name) => `migration ${name} is not one of this hub's`),
    ]
  } catch (error) {
    return [`it has no readable ${MIGRATIONS_TABLE} table (${(error as Error).message})`]
  } finally {
    client.close()
  }
}
