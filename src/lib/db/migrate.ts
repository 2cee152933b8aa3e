import type { Payload } from 'payload'

type Migration = { down: (args: never) => Promise<void>; name: string; up: (args: never) => Promise<void> }

const committedMigrations = async (name: string): Promise<Migration[]> => {
  if (name === 'postgres') return (await import('../../../migrations/postgres/index')).migrations as Migration[]
  if (name === 'sqlite') return (await import('../../../migrations/sqlite/index')).migrations as Migration[]
  return []
}

/**
 * Applies the committed migrations for the connected SQL database; MongoDB needs none. Callers run it under
 * the start-up lock (./startup-lock), so instances that start together take turns and each migration runs once.
 */
export const migrateDatabase = async ({ payload }: { payload: Payload }): Promise<void> => {
  const migrations = await committedMigrations(payload.db.name)
  if (!migrations.length) return
  await payload.db.migrate({ migrations: migrations as never })
}
