import path from 'node:path'

import type { DatabaseKind } from '../db/kind'

const stampOf = (now: Date) =>
  now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '')

/**
 * What to run instead of `npm run backup` when the database is not SQLite: the server's own dump tool, which
 * knows its formats and versions, and an ordinary archive of the media folder. The URL stays in the
 * environment rather than on screen (it may hold a password).
 */
export const externalBackupAdvice = ({
  kind,
  mediaDir,
  now,
}: {
  kind: Exclude<DatabaseKind, 'sqlite'>
  mediaDir: string
  now: Date
}): string => {
  const stamp = stampOf(now)
  const media = [
    `  tar -czf media-${stamp}.tar.gz -C ${path.dirname(mediaDir)} ${path.basename(mediaDir)}`,
    `  tar -xzf media-${stamp}.tar.gz -C ${path.dirname(mediaDir)}    (to restore the media)`,
  ]
  const database =
    kind === 'postgres'
      ? [
          `  pg_dump -Fc -d "$DATABASE_URL" -f hub-${stamp}.dump`,
          `  pg_restore --clean --if-exists --no-owner -d "$DATABASE_URL" hub-${stamp}.dump    (to restore, hub stopped)`,
        ]
      : [
          `  mongodump --uri="$DATABASE_URL" --gzip --archive=hub-${stamp}.archive.gz`,
          `  mongorestore --uri="$DATABASE_URL" --drop --gzip --archive=hub-${stamp}.archive.gz    (to restore, hub stopped)`,
        ]
  const server = kind === 'postgres' ? 'PostgreSQL' : 'MongoDB'
  return [
    `npm run backup archives the SQLite database only; this hub runs on ${server} (DATABASE_URL), so no archive was written.`,
    `Back up the database with ${server}'s own tools, and the media folder beside it:`,
    ...database,
    ...media,
  ].join('\n')
}
