import type { OptionalCapability } from '../../src/plugins'
import type { Payload } from 'payload'

import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { inject } from 'vitest'

export type TestDatabase = 'mongodb' | 'postgres' | 'sqlite'

export const testDatabase = (): TestDatabase =>
  process.env.TEST_DB === 'postgres' || process.env.TEST_DB === 'mongodb' ? process.env.TEST_DB : 'sqlite'

/** A database of its own on the MongoDB server at MONGODB_URL (no server can be installed here). */
const mongoDatabaseUrl = (): string => {
  const serverUrl = process.env.MONGODB_URL
  if (!serverUrl) throw new Error('TEST_DB=mongodb needs MONGODB_URL (e.g. mongodb://127.0.0.1:27017)')
  const url = new URL(serverUrl)
  url.pathname = `/hub_${randomBytes(6).toString('hex')}`
  return url.toString()
}

const createPostgresDatabase = async (): Promise<string> => {
  const serverUrl = inject('postgresUrl')
  if (!serverUrl) throw new Error('TEST_DB=postgres but the global setup provided no cluster URL')
  const name = `hub_${randomBytes(6).toString('hex')}`
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  await client.query(`CREATE DATABASE "${name}"`)
  await client.end()
  return serverUrl.replace(/\/[^/]*$/, `/${name}`)
}

/** A new, empty database for this test file: a temp SQLite file, or a database in the suite's PostgreSQL cluster. */
export const emptyTestDatabase = async ({ dir }: { dir: string }): Promise<string> =>
  testDatabase() === 'postgres'
    ? createPostgresDatabase()
    : testDatabase() === 'mongodb'
      ? mongoDatabaseUrl()
      : `file:${path.join(dir, `hub-${randomBytes(4).toString('hex')}.db`)}`

export type TestHub = { cleanup: () => Promise<void>; dataDir: string; databaseUrl: string; payload: Payload }

/**
 * A migrated hub on a database of its own (a temp SQLite file, or a new database in the suite's private
 * PostgreSQL cluster). Environment is set before the config module is first imported.
 */
export const startTestHub = async ({
  databaseUrl: givenUrl,
  env = {},
  without,
}: { databaseUrl?: string; env?: Record<string, string>; without?: OptionalCapability[] } = {}): Promise<TestHub> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-test-'))
  const databaseUrl =
    givenUrl ??
    (testDatabase() === 'postgres'
      ? await createPostgresDatabase()
      : testDatabase() === 'mongodb'
        ? mongoDatabaseUrl()
        : `file:${path.join(dataDir, 'hub.db')}`)
  Object.assign(process.env, {
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    JOBS_AUTORUN: 'false',
    MEDIA_DIR: path.join(dataDir, 'media'),
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    PAYLOAD_SECRET: randomBytes(16).toString('hex'),
    ...env,
  })
  const { bootPayload } = await import('../../src/server/boot')
  const payload = await bootPayload({ cron: false, without })
  return {
    cleanup: async () => {
      if (payload.db.name === 'mongoose') {
        await (payload.db as unknown as { connection: { dropDatabase: () => Promise<unknown> } }).connection.dropDatabase()
      }
      await payload.destroy()
      fs.rmSync(dataDir, { force: true, recursive: true })
    },
    dataDir,
    databaseUrl,
    payload,
  }
}

/** Creates a user directly (trusted Local API) and returns the credentials. */
export const createUser = async ({
  payload,
  roles,
}: {
  payload: Payload
  roles: string[]
}): Promise<{ email: string; id: number | string; password: string }> => {
  const email = `${roles.join('-') || 'member'}-${randomBytes(4).toString('hex')}@example.org`
  const password = `correct horse ${randomBytes(6).toString('hex')}`
  const user = await payload.create({ collection: 'users', data: { email, password, roles: roles as never } })
  return { email, id: user.id, password }
}
