import type { DatabaseAdapterObj } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import fs from 'node:fs'
import path from 'node:path'

import { databaseSettings } from '../env'
import { databaseKind } from './kind'
import { migrationDir, sqliteFile } from './paths'

export { migrationDir, sqliteFile }

/** Chooses the database adapter from DATABASE_URL. Schema changes go through committed migrations only (push off). */
export const databaseAdapter = (): DatabaseAdapterObj => {
  const { idleInTransactionMs, poolMax, poolTimeoutMs, sqliteBusyTimeoutMs, url } = databaseSettings()
  const kind = databaseKind(url)
  if (kind === 'postgres') {
    return postgresAdapter({
      migrationDir: migrationDir('postgres'),
      pool: {
        // A request that cannot get a connection in time fails (503) instead of queueing for ever.
        connectionTimeoutMillis: poolTimeoutMs,
        connectionString: url,
        idle_in_transaction_session_timeout: idleInTransactionMs,
        max: poolMax,
      },
      push: false,
    })
  }
  if (kind === 'mongodb') {
    return mongooseAdapter({ url })
  }
  const file = sqliteFile(url)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  return sqliteAdapter({
    busyTimeout: sqliteBusyTimeoutMs,
    client: { url: `file:${file}` },
    migrationDir: migrationDir('sqlite'),
    push: false,
    // Off by default in the adapter; hooks that write several documents rely on them.
    transactionOptions: {},
    wal: true,
  })
}
