import fs from 'node:fs'
import path from 'node:path'
import { create as createTar } from 'tar'

import type { BackupManifest } from './manifest'

import { listMediaFiles } from './media'
import { ARCHIVE, hubIdentity } from './manifest'
import { snapshotSqlite, summariseSqlite } from './sqlite'

/** `hub-2026-12-02T074215Z.tar.gz`: sorts by time, and has no characters a file system or shell minds. */
export const backupFileName = ({ now }: { now: Date }): string =>
  `hub-${now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '')}.tar.gz`

/** `--out` names either the archive itself (ending .tar.gz or .tgz) or the folder to put it in. */
export const backupTarget = ({ now, out }: { now: Date; out: string }): string =>
  /\.(tar\.gz|tgz)$/.test(out) ? path.resolve(out) : path.resolve(out, backupFileName({ now }))

export type BackupArgs = {
  busyTimeoutMs: number
  databaseFile: string
  dataDir: string
  mediaDir: string
  /** The archive to write; it must not exist yet. */
  target: string
}

/**
 * One archive holding a snapshot of the SQLite database, the media files and a manifest (rows per table,
 * migration, hub version, each media file's size and SHA-256), safe while the hub serves. The database is
 * snapshotted first, so every upload its rows refer to is already on disk when the media are read. Work
 * happens in a temp folder beside the target, and the archive appears under its name only when complete.
 */
export const createBackup = async ({ busyTimeoutMs, databaseFile, dataDir, mediaDir, target }: BackupArgs) => {
  if (!fs.existsSync(databaseFile)) throw new Error(`No database at ${databaseFile}: nothing to back up`)
  if (fs.existsSync(target)) throw new Error(`${target} already exists`)
  fs.mkdirSync(path.dirname(target), { recursive: true })
  const staging = fs.mkdtempSync(path.join(path.dirname(target), '.backup-'))
  const partial = path.join(staging, 'archive.tar.gz')
  try {
    const snapshotStartedAt = new Date().toISOString()
    await snapshotSqlite({ busyTimeoutMs, source: databaseFile, target: path.join(staging, ARCHIVE.database) })
    const summary = await summariseSqlite({ file: path.join(staging, ARCHIVE.database) })
    if (summary.integrity !== 'ok') throw new Error(`The snapshot fails SQLite's integrity check: ${summary.integrity}`)
    const files = await listMediaFiles({ dir: mediaDir })
    // Through a link, so archive paths read media/… wherever MEDIA_DIR is.
    if (files.length) fs.symlinkSync(mediaDir, path.join(staging, ARCHIVE.media), 'dir')
    const secret = path.join(dataDir, ARCHIVE.secret)
    const secretKey = fs.existsSync(secret)
    if (secretKey) fs.copyFileSync(secret, path.join(staging, ARCHIVE.secret))
    const manifest: BackupManifest = {
      createdAt: new Date().toISOString(),
      database: { file: ARCHIVE.database, migration: summary.migration, tables: summary.tables },
      format: 1,
      hub: hubIdentity(),
      media: { bytes: files.reduce((sum, file) => sum + file.size, 0), files },
      secretKey,
      snapshotStartedAt,
    }
    fs.writeFileSync(path.join(staging, ARCHIVE.manifest), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 })
    const entries = [
      ARCHIVE.manifest,
      ARCHIVE.database,
      ...(secretKey ? [ARCHIVE.secret] : []),
      ...files.map((file) => `${ARCHIVE.media}/${file.path}`),
    ]
    // strict: a media file removed since it was listed fails the backup rather than leaving the manifest wrong.
    await createTar({ cwd: staging, file: partial, gzip: true, mode: 0o600, portable: true, strict: true }, entries)
    // A hard link cannot replace an existing file, so a backup never overwrites another.
    fs.linkSync(partial, target)
    return { archive: target, manifest }
  } finally {
    fs.rmSync(staging, { force: true, recursive: true })
  }
}
