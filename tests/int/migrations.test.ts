import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestHub } from '../helpers/hub'

import { migrationDir } from '../../src/lib/db/adapter'
import { startTestHub, testDatabase } from '../helpers/hub'

let hub: TestHub

beforeAll(async () => {
  hub = await startTestHub()
})

afterAll(async () => {
  await hub?.cleanup()
})

type DrizzleKit = {
  generateDrizzleJson: (schema: unknown) => Promise<{ version: string }>
  generateMigration: (before: unknown, after: unknown) => Promise<string[]>
  upSnapshot?: (snapshot: unknown) => unknown
}

const sqlDatabase = testDatabase() !== 'mongodb'
if (!sqlDatabase) console.info('Migration tests skipped: MongoDB has no SQL schema and needs no migrations')

describe.skipIf(!sqlDatabase)(`committed ${testDatabase()} migrations`, () => {
  it('match the schema the collections define', async () => {
    const db = hub.payload.db as unknown as { requireDrizzleKit: () => DrizzleKit; schema: unknown }
    const { generateDrizzleJson, generateMigration, upSnapshot } = db.requireDrizzleKit()
    const dir = migrationDir(testDatabase() as 'postgres' | 'sqlite')
    const latest = fs
      .readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .at(-1)
    expect(latest, `no migration snapshot in ${dir}: run npm run migrate:create`).toBeTruthy()
    let before = JSON.parse(fs.readFileSync(path.join(dir, latest!), 'utf8'))
    const after = await generateDrizzleJson(db.schema)
    if (upSnapshot && before.version < after.version) before = upSnapshot(before)
    const pending = await generateMigration(before, after)
    expect(pending, 'schema changed without a migration: run npm run migrate:create <name>').toEqual([])
  })

  it('are all recorded as applied on a fresh database', async () => {
    const dir = migrationDir(testDatabase() as 'postgres' | 'sqlite')
    const files = fs
      .readdirSync(dir)
      .filter((file) => /^\d{8}_\d{6}.*\.ts$/.test(file))
      .map((file) => file.replace(/\.ts$/, ''))
    const applied = await hub.payload.find({ collection: 'payload-migrations', limit: 0, pagination: false })
    expect(applied.docs.map((doc) => doc.name).sort()).toEqual(files.sort())
  })

  it('running them again changes nothing', async () => {
    const { migrateDatabase } = await import('../../src/lib/db/migrate')
    await migrateDatabase({ payload: hub.payload })
    const applied = await hub.payload.count({ collection: 'payload-migrations' })
    const files = fs.readdirSync(migrationDir(testDatabase() as 'postgres' | 'sqlite')).filter((file) => /^\d{8}_\d{6}.*\.ts$/.test(file))
    expect(applied.totalDocs).toBe(files.length)
  })
})
