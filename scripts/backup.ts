/**
 * `npm run backup [-- --out <folder or file.tar.gz>]`: a consistent archive of the SQLite database and the media
 * folder, safe while the hub serves (default DATA_DIR/backups/hub-<time>.tar.gz). On PostgreSQL or MongoDB it
 * writes nothing and prints the dump commands to use instead, exiting non-zero.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'

import { backupTarget, createBackup } from '../src/lib/backup/backup'
import { externalBackupAdvice } from '../src/lib/backup/elsewhere'
import { databaseKind } from '../src/lib/db/kind'
import { sqliteFile } from '../src/lib/db/paths'
import { dataDir, databaseSettings, exitOnInvalidEnvironment, mediaDir } from '../src/lib/env'

// A bad setting stops the command here, with one message naming it.
exitOnInvalidEnvironment()

const fail = (message: string, code = 1): never => {
  console.error(message)
  process.exit(code)
}

let out: string | undefined
try {
  out = parseArgs({ options: { out: { type: 'string' } } }).values.out
} catch (error) {
  fail(`${(error as Error).message}\nUsage: npm run backup [-- --out <folder or file.tar.gz>]`, 2)
}
const now = new Date()
const { sqliteBusyTimeoutMs, url } = databaseSettings()
const kind = databaseKind(url)
if (kind !== 'sqlite') fail(externalBackupAdvice({ kind, mediaDir: mediaDir(), now }))
const started = Date.now()
try {
  const { archive, manifest } = await createBackup({
    busyTimeoutMs: sqliteBusyTimeoutMs,
    databaseFile: sqliteFile(url),
    dataDir: dataDir(),
    mediaDir: mediaDir(),
    target: backupTarget({ now, out: out ?? path.join(dataDir(), 'backups') }),
  })
  const rows = Object.values(manifest.database.tables).reduce((sum, count) => sum + count, 0)
  console.log(`Backup written: ${archive}`)
  console.log(
    `  database snapshot at ${manifest.snapshotStartedAt}: ${rows} rows in ${Object.keys(manifest.database.tables).length} tables, migration ${manifest.database.migration ?? '(none)'}`,
  )
  console.log(
    `  media: ${manifest.media.files.length} files, ${manifest.media.bytes} bytes; hub ${manifest.hub.version}; ${Date.now() - started} ms`,
  )
} catch (error) {
  fail(`Backup failed: ${(error as Error).message}`)
}
process.exit(0)
