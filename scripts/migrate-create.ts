/**
 * `npm run migrate:create [name]` writes a migration for SQLite and one for PostgreSQL from the current
 * collections. No database is needed: each dialect is diffed against its last committed snapshot.
 */
import { spawnSync } from 'node:child_process'

import { exitOnInvalidEnvironment } from '../src/lib/env'

// A bad setting stops the command here, with one message naming it.
exitOnInvalidEnvironment()

const DIALECT_URLS = {
  // Never connected to: the URL only selects the adapter.
  postgres: 'postgres://migrations@127.0.0.1:1/migrations',
  sqlite: 'file:./data/migrate-create.db',
} as const

const [dialect, ...rest] = process.argv.slice(2)

if (dialect === '--dialect') {
  const name = rest[1] || 'change'
  const { getPayload } = await import('payload')
  const { loadConfig } = await import('../src/server/load-config')
  const config = await loadConfig()
  process.env.PAYLOAD_MIGRATING = 'true'
  const payload = await getPayload({ config, disableDBConnect: true, disableOnInit: true } as never)
  await payload.db.createMigration({ migrationName: name, payload, skipEmpty: true })
  process.exit(0)
}

const name = dialect || 'change'
for (const [kind, url] of Object.entries(DIALECT_URLS)) {
  console.log(`Creating ${kind} migration "${name}"…`)
  const result = spawnSync(process.execPath, [process.argv[1], '--dialect', kind, name], {
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'development', PAYLOAD_SECRET: 'migrations-only' },
    stdio: 'inherit',
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
