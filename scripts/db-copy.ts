/**
 * `npm run db:copy -- --to postgres://…`: copies everything in the configured SQLite database (DATABASE_URL
 * file:…, or DATA_DIR/hub.db) into an empty PostgreSQL database, which it first migrates with the committed
 * PostgreSQL migrations. Prints rows and a digest per table on both sides; exits non-zero on any difference.
 * The hub must be stopped. Media files stay where they are (MEDIA_DIR).
 */
import fs from 'node:fs'
import { parseArgs } from 'node:util'
import pg from 'pg'

import type { TableComparison } from '../src/lib/db/copy'

import { committedMigrations, sqliteMigrationProblems } from '../src/lib/db/copy-checks'
import { databaseKind } from '../src/lib/db/kind'
import { sqliteFile } from '../src/lib/db/paths'
import { tablesWithRows, unknownMigrations } from '../src/lib/db/postgres-target'
import { sqliteFileInUse } from '../src/lib/db/sqlite-in-use'
import { databaseSettings, exitOnInvalidEnvironment } from '../src/lib/env'

// A bad setting stops the command here, with one message naming it.
exitOnInvalidEnvironment()

const USAGE = 'Usage: npm run db:copy -- --to postgres://user:password@host:5432/database'

const fail = (message: string, code = 1): never => {
  console.error(message)
  process.exit(code)
}

const targetUrl = (): string => {
  let to: string | undefined
  try {
    to = parseArgs({ options: { to: { type: 'string' } } }).values.to
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`, 2)
  }
  if (!to || !/^postgres(ql)?:\/\//.test(to)) fail(USAGE, 2)
  return to!
}

/** Refuses, before anything is written, a target that holds data or another application's migrations. */
const checkTarget = async ({ committed, url }: { committed: string[]; url: string }) => {
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
  } catch (error) {
    const { code, message } = error as { code?: string; message: string }
    fail(
      code === '3D000'
        ? `The target database does not exist: create it first (createdb, or CREATE DATABASE).`
        : `Cannot connect to the target: ${message}`,
    )
  }
  try {
    const query = async (text: string) => (await client.query(text)).rows as Record<string, unknown>[]
    const busy = await tablesWithRows({ query })
    if (busy.length)
      fail(
        `The target database is not empty (rows in ${busy.slice(0, 10).join(', ')}${busy.length > 10 ? ', …' : ''}): nothing was copied. Copy into an empty database.`,
      )
    const foreign = await unknownMigrations({ committed, query })
    if (foreign.length) fail(`The target database records migrations this hub does not have (${foreign.join(', ')}): nothing was copied.`)
  } finally {
    await client.end()
  }
}

const printReport = ({ comparisons }: { comparisons: TableComparison[] }) => {
  const width = Math.max(...comparisons.map((row) => row.table.length))
  console.log(`${'table'.padEnd(width)}  ${'sqlite'.padStart(8)}  ${'postgres'.padStart(8)}  digest`)
  for (const row of comparisons) {
    const digest = row.match ? row.source.digest.slice(0, 16) : `${row.source.digest.slice(0, 16)} ≠ ${row.target.digest.slice(0, 16)}`
    console.log(
      `${row.table.padEnd(width)}  ${String(row.source.rows).padStart(8)}  ${String(row.target.rows).padStart(8)}  ${digest}  ${row.match ? 'ok' : 'MISMATCH'}`,
    )
  }
}

const to = targetUrl()
const { url } = databaseSettings()
if (databaseKind(url) !== 'sqlite')
  fail('DATABASE_URL must name the SQLite database to copy from (file:…, or unset for DATA_DIR/hub.db).', 2)
const sourceFile = sqliteFile(url)
if (!fs.existsSync(sourceFile)) fail(`No SQLite database at ${sourceFile}.`)
if (await sqliteFileInUse({ file: sourceFile }))
  fail(`${sourceFile} is open in another process: stop the hub and any worker before copying.`)

const problems = await sqliteMigrationProblems({ file: sourceFile })
if (problems.length) fail(`The SQLite database cannot be copied as it is: ${problems.join('; ')}.`)
await checkTarget({ committed: committedMigrations({ kind: 'postgres' }), url: to })

// Payload runs on the target, so the project's own start-up migrates it; the SQLite file is read through a second adapter.
process.env.DATABASE_URL = to
const started = Date.now()
const { bootPayload } = await import('../src/server/boot')
const { closeSqliteSource, compareCopy, copyRows, openSqliteSource, unknownSourceColumns } = await import('../src/lib/db/copy')
const payload = await bootPayload({ cron: false, migrateOnly: true })
const target = payload.db as unknown as import('@payloadcms/db-postgres').PostgresAdapter
const source = await openSqliteSource({ file: sourceFile, payload })
let exitCode = 0
let copiedAll = false
try {
  const unknown = await unknownSourceColumns({ source })
  if (unknown.length) throw new Error(`the SQLite database has data the hub's schema does not describe: ${unknown.join(', ')}`)
  const copied = await copyRows({ source, target })
  copiedAll = true
  const rows = Object.values(copied).reduce((sum, count) => sum + count, 0)
  console.log(`Copied ${rows} rows in ${Object.keys(copied).length} tables in ${Date.now() - started} ms. Comparing both sides:`)
  const comparisons = await compareCopy({ source, target })
  printReport({ comparisons })
  const mismatched = comparisons.filter((row) => !row.match)
  if (mismatched.length) {
    exitCode = 1
    console.error(`${mismatched.length} tables differ: ${mismatched.map((row) => row.table).join(', ')}. Do not switch to the copy.`)
  } else {
    console.log(
      `All ${comparisons.length} tables match. Point DATABASE_URL at the PostgreSQL database and start the hub; MEDIA_DIR is unchanged.`,
    )
  }
} catch (error) {
  exitCode = 1
  const state = copiedAll ? 'the rows were copied but could not be compared' : 'nothing was copied (the transaction was rolled back)'
  console.error(`Copy failed, ${state}: ${(error as Error).message}`)
} finally {
  closeSqliteSource({ source })
  await payload.destroy()
}
process.exit(exitCode)
