import type { Payload } from 'payload'

type Migration = { down: (args: never) => Promise<void>; name: string; up: (args: never) => Promise<void> }

// Any constant works; it only has to be the same in every instance of the hub.
const MIGRATION_LOCK_KEY = 726_118_204

const committedMigrations = async (name: string): Promise<Migration[]> => {
  if (name === 'postgres') return (await import('../../../migrations/postgres/index')).migrations as Migration[]
  if (name === 'sqlite') return (await import('../../../migrations/sqlite/index')).migrations as Migration[]
  return []
}

/**
 * Applies the committed migrations for the connected SQL database. On PostgreSQL an advisory lock makes
 * instances that start together take turns, so each migration runs once. MongoDB needs none.
 */
export const migrateDatabase = async ({ payload }: { payload: Payload }): Promise<void> => {
  const migrations = await committedMigrations(payload.db.name)
  if (!migrations.length) return
  const migrate = () => payload.db.migrate({ migrations: migrations as never })
  if (payload.db.name !== 'postgres') return migrate()
  const pool = (payload.db as unknown as { pool: import('pg').Pool }).pool
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
    await migrate()
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined)
    client.release()
  }
}
