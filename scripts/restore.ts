/**
 * `npm run restore -- <archive> [--force]`: brings a backup made by `npm run backup` back into the configured
 * SQLite database file and MEDIA_DIR, with the hub stopped. Replacing existing data needs --force; what it
 * replaces is kept beside it, renamed *.before-restore-<time>.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'

import { restoreBackup } from '../src/lib/backup/restore'
import { databaseKind } from '../src/lib/db/kind'
import { sqliteFile } from '../src/lib/db/paths'
import { dataDir, databaseSettings, exitOnInvalidEnvironment, mediaDir } from '../src/lib/env'

// A bad setting stops the command here, with one message naming it.
exitOnInvalidEnvironment()

const USAGE = 'Usage: npm run restore -- <archive.tar.gz> [--force]'

const fail = (message: string, code = 1): never => {
  console.error(message)
  process.exit(code)
}

let parsed: { force?: boolean; positionals: string[] } = { positionals: [] }
try {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean' } } })
  parsed = { force: values.force, positionals }
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`, 2)
}
if (parsed.positionals.length !== 1) fail(USAGE, 2)
const { url } = databaseSettings()
if (databaseKind(url) !== 'sqlite') {
  fail(
    "npm run restore brings back SQLite backups only; this hub uses another database (DATABASE_URL): restore it with that server's own tools (see README, Operations).",
  )
}
const databaseFile = sqliteFile(url)
try {
  const { keptAside, manifest, warnings } = await restoreBackup({
    archive: path.resolve(parsed.positionals[0]),
    databaseFile,
    dataDir: dataDir(),
    force: Boolean(parsed.force),
    mediaDir: mediaDir(),
  })
  const rows = Object.values(manifest.database.tables).reduce((sum, count) => sum + count, 0)
  console.log(
    `Restored the backup of ${manifest.snapshotStartedAt} (hub ${manifest.hub.version}, migration ${manifest.database.migration ?? '(none)'}):`,
  )
  console.log(`  ${databaseFile}: ${rows} rows in ${Object.keys(manifest.database.tables).length} tables`)
  console.log(`  ${mediaDir()}: ${manifest.media.files.length} files`)
  for (const file of keptAside) console.log(`  kept the previous ${file.replace(/\.before-restore-.*$/, '')} as ${file}`)
  for (const warning of warnings) console.warn(`Warning: ${warning}`)
} catch (error) {
  fail(`Restore failed, nothing was changed: ${(error as Error).message}`)
}
process.exit(0)
