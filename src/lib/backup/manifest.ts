import type { MediaFile } from './media'

import packageJson from '../../../package.json'

/** Names inside a backup archive. */
export const ARCHIVE = { database: 'hub.db', manifest: 'manifest.json', media: 'media', secret: 'secret.key' } as const

export type BackupManifest = {
  format: 1
  /** When the archive was finished. */
  createdAt: string
  /** When the database snapshot began: every write committed before this is in it. */
  snapshotStartedAt: string
  hub: { name: string; version: string }
  database: { file: string; migration: null | string; tables: Record<string, number> }
  media: { bytes: number; files: MediaFile[] }
  /** Whether the generated session secret (DATA_DIR/secret.key) is included. */
  secretKey: boolean
}

export const hubIdentity = (): BackupManifest['hub'] => ({ name: packageJson.name, version: packageJson.version })

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/** Parses a manifest, saying which part is wrong rather than failing later on a missing field. */
export const parseManifest = ({ text }: { text: string }): BackupManifest => {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new Error(`${ARCHIVE.manifest} is not JSON`)
  }
  if (!isRecord(value) || value.format !== 1) throw new Error(`${ARCHIVE.manifest} has an unknown format (expected format 1)`)
  const { database, media } = value
  if (!isRecord(database) || !isRecord(database.tables)) throw new Error(`${ARCHIVE.manifest} lists no database tables`)
  if (!isRecord(media) || !Array.isArray(media.files)) throw new Error(`${ARCHIVE.manifest} lists no media files`)
  return value as BackupManifest
}
