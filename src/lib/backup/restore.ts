import fs from 'node:fs'
import path from 'node:path'
import { extract } from 'tar'

import type { BackupManifest } from './manifest'

import { migrationDir } from '../db/paths'
import { sqliteFileInUse } from '../db/sqlite-in-use'
import { ARCHIVE, parseManifest } from './manifest'
import { mediaDifferences } from './media'
import { summariseSqlite } from './sqlite'

export type RestoreArgs = {
  archive: string
  databaseFile: string
  dataDir: string
  /** Replace an existing database and media folder (they are kept aside, not deleted). */
  force: boolean
  mediaDir: string
}

export type RestoreResult = { keptAside: string[]; manifest: BackupManifest; warnings: string[] }

type Move = { from: string; to: string }

const isMediaEntry = (entryPath: string) => entryPath.replace(/^\.\//, '').startsWith(`${ARCHIVE.media}/`)

const hasFiles = (dir: string) => fs.existsSync(dir) && fs.readdirSync(dir).length > 0

/** Renames in order; if one fails, the ones done are undone, so the files are either all swapped or as they were. */
const moveAll = ({ moves }: { moves: Move[] }) => {
  const done: Move[] = []
  try {
    for (const move of moves) {
      fs.renameSync(move.from, move.to)
      done.push(move)
    }
  } catch (error) {
    for (const move of done.reverse()) fs.renameSync(move.to, move.from)
    throw error
  }
}

/** Everything the manifest promises must be in the extracted copy before anything is swapped in. */
const verifyExtracted = async ({ databaseStage, mediaStage }: { databaseStage: string; mediaStage: string }): Promise<BackupManifest> => {
  const manifestFile = path.join(databaseStage, ARCHIVE.manifest)
  if (!fs.existsSync(manifestFile)) throw new Error(`The archive has no ${ARCHIVE.manifest}: it is not a hub backup`)
  const manifest = parseManifest({ text: fs.readFileSync(manifestFile, 'utf8') })
  const database = path.join(databaseStage, ARCHIVE.database)
  if (!fs.existsSync(database)) throw new Error(`The archive has no ${ARCHIVE.database}`)
  const summary = await summariseSqlite({ file: database })
  if (summary.integrity !== 'ok') throw new Error(`The archived database fails SQLite's integrity check: ${summary.integrity}`)
  const tables = new Set([...Object.keys(summary.tables), ...Object.keys(manifest.database.tables)])
  const wrongCounts = [...tables].filter((table) => summary.tables[table] !== manifest.database.tables[table])
  if (wrongCounts.length) throw new Error(`The archived database does not match its manifest in: ${wrongCounts.join(', ')}`)
  if (manifest.secretKey && !fs.existsSync(path.join(databaseStage, ARCHIVE.secret)))
    throw new Error(`The archive has no ${ARCHIVE.secret}`)
  const problems = await mediaDifferences({ dir: mediaStage, expected: manifest.media.files })
  if (problems.length) throw new Error(`The archived media do not match the manifest: ${problems.slice(0, 5).join('; ')}`)
  return manifest
}

/**
 * Brings a backup back onto a stopped hub. Refuses while another process has the database open, and asks for
 * `force` before replacing an existing database or media folder. The archive is extracted into temp folders
 * beside the targets (same file system) and checked against its manifest first; then the current files are
 * renamed aside (`*.before-restore-<time>`) and the restored ones renamed in, all or none.
 */
export const restoreBackup = async ({ archive, databaseFile, dataDir, force, mediaDir }: RestoreArgs): Promise<RestoreResult> => {
  if (!fs.existsSync(archive)) throw new Error(`No archive at ${archive}`)
  if (await sqliteFileInUse({ file: databaseFile })) {
    throw new Error(`The database ${databaseFile} is open in another process: stop the hub and any worker before restoring`)
  }
  const existing = [databaseFile, mediaDir].filter((target) => (target === mediaDir ? hasFiles(target) : fs.existsSync(target)))
  if (existing.length && !force) {
    throw new Error(
      `${existing.join(' and ')} already exist: add --force to replace them (the current files are kept aside, renamed *.before-restore-<time>)`,
    )
  }
  for (const dir of [path.dirname(databaseFile), path.dirname(mediaDir), dataDir]) fs.mkdirSync(dir, { recursive: true })
  const databaseStage = fs.mkdtempSync(path.join(path.dirname(databaseFile), '.restore-'))
  const mediaStage = fs.mkdtempSync(path.join(path.dirname(mediaDir), '.restore-media-'))
  try {
    const common = { file: archive, preserveOwner: false, strict: true }
    await extract({ ...common, cwd: databaseStage, filter: (entryPath) => !isMediaEntry(entryPath) })
    await extract({ ...common, cwd: mediaStage, filter: isMediaEntry, strip: 1 })
    const manifest = await verifyExtracted({ databaseStage, mediaStage })
    const known = fs.existsSync(migrationDir('sqlite'))
      ? fs.readdirSync(migrationDir('sqlite')).map((file) => file.replace(/\.(ts|js|json)$/, ''))
      : []
    const warnings =
      known.length && manifest.database.migration && !known.includes(manifest.database.migration)
        ? [
            `The backup was made by a hub with a migration this one does not know (${manifest.database.migration}): run the version it came from (${manifest.hub.version}) or newer`,
          ]
        : []
    const stamp = new Date()
      .toISOString()
      .replace(/\.\d+Z$/, 'Z')
      .replaceAll(':', '')
    const secret = path.join(dataDir, ARCHIVE.secret)
    const replaced = [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`, mediaDir, ...(manifest.secretKey ? [secret] : [])]
    const aside = replaced.filter((file) => fs.existsSync(file)).map((file) => ({ from: file, to: `${file}.before-restore-${stamp}` }))
    fs.chmodSync(mediaStage, 0o755)
    moveAll({
      moves: [
        ...aside,
        { from: path.join(databaseStage, ARCHIVE.database), to: databaseFile },
        ...(manifest.secretKey ? [{ from: path.join(databaseStage, ARCHIVE.secret), to: secret }] : []),
        { from: mediaStage, to: mediaDir },
      ],
    })
    return { keptAside: aside.map((move) => move.to), manifest, warnings }
  } finally {
    fs.rmSync(databaseStage, { force: true, recursive: true })
    fs.rmSync(mediaStage, { force: true, recursive: true })
  }
}
