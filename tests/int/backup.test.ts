import { createClient } from '@libsql/client'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { extract } from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { BackupManifest } from '../../src/lib/backup/manifest'
import type { CommandResult } from '../helpers/commands'
import type { TestHub } from '../helpers/hub'

import { listMediaFiles } from '../../src/lib/backup/media'
import { buildCommands } from '../helpers/commands'
import { minimalPdf } from '../helpers/files'
import { startTestHub, testDatabase } from '../helpers/hub'
import { waitFor } from '../helpers/wait'

const onSqlite = testDatabase() === 'sqlite'
if (!onSqlite) console.info('Backup and restore of an archive run in the SQLite pass only: npm run backup archives SQLite databases')

let hub: TestHub
let commands: Awaited<ReturnType<typeof buildCommands>>
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-backup-test-'))

const until = async (what: string, check: () => boolean, timeoutMs = 60_000) => {
  if (!(await waitFor({ check, intervalMs: 20, timeoutMs }))) throw new Error(`timed out waiting until ${what}`)
}

/** The environment of a hub whose state lives in `dir` (DATABASE_URL unset: the SQLite file in DATA_DIR). */
const hubIn = (dir: string) => ({ DATA_DIR: dir, DATABASE_URL: '', MEDIA_DIR: path.join(dir, 'media') })

const sqliteRows = async ({ file, sql }: { file: string; sql: string }) => {
  const client = createClient({ url: `file:${file}` })
  try {
    return (await client.execute(sql)).rows
  } finally {
    client.close()
  }
}

const readManifest = async (archive: string): Promise<BackupManifest> => {
  const dir = fs.mkdtempSync(path.join(scratch, 'manifest-'))
  await extract({ cwd: dir, file: archive, filter: (entry) => entry === 'manifest.json' })
  return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'))
}

beforeAll(async () => {
  commands = await buildCommands({ name: 'backup' })
  if (!onSqlite) return
  hub = await startTestHub()
  const file = (data: Buffer, mimetype: string, name: string) => ({ data, mimetype, name, size: data.length })
  await hub.payload.create({
    collection: 'documents',
    data: { _status: 'published' as const, audience: 'public' as const, publicationDate: '2026-01-01', title: 'Annual report' },
    file: file(minimalPdf(), 'application/pdf', 'annual-report.pdf'),
  })
  const photo = await sharp({ create: { background: '#0af', channels: 3, height: 600, width: 900 } })
    .jpeg()
    .toBuffer()
  await hub.payload.create({ collection: 'media', data: { alt: 'A blue rectangle' }, file: file(photo, 'image/jpeg', 'photo.jpg') })
})

afterAll(async () => {
  commands?.remove()
  await hub?.cleanup()
  fs.rmSync(scratch, { force: true, recursive: true })
})

describe('npm run backup on a server database', () => {
  it('writes no archive and exits non-zero with the pg_dump and pg_restore commands to use instead', async () => {
    const out = path.join(scratch, 'pg-out')
    const result = await commands.run({
      args: ['--out', out],
      entry: 'backup',
      env: { DATABASE_URL: 'postgres://hub:s3cret-word@127.0.0.1:5432/hub' },
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('pg_dump -Fc -d "$DATABASE_URL"')
    expect(result.stderr).toContain('pg_restore --clean --if-exists --no-owner -d "$DATABASE_URL"')
    expect(result.stderr).toMatch(/tar -czf media-\S+\.tar\.gz/)
    expect(result.stderr + result.stdout).not.toContain('s3cret-word')
    expect(fs.existsSync(out)).toBe(false)
  })
})

describe.skipIf(!onSqlite)('backup and restore (SQLite)', () => {
  let archive = ''
  let manifest: BackupManifest
  const fresh = path.join(scratch, 'fresh')

  it('backs up while questions are being submitted; the restore holds every question accepted before the snapshot and the media byte for byte', async () => {
    const accepted: { at: number; id: number | string; question: string }[] = []
    let submitting = true
    const submitter = (async () => {
      for (let n = 1; submitting; n++) {
        const question = `Backup test question number ${n}: where is the foot care pathway?`
        const doc = await hub.payload.create({
          collection: 'questions',
          data: { email: `asker${n}@example.org`, name: `Asker ${n}`, question } as never,
        })
        accepted.push({ at: Date.now(), id: doc.id, question })
        // The SQLite driver answers synchronously: without this turn of the event loop nothing else would run.
        await new Promise((resolve) => setImmediate(resolve))
      }
    })()
    let result: CommandResult | undefined
    const running = { from: 0, to: 0 }
    try {
      await until('some questions are in', () => accepted.length >= 5)
      running.from = Date.now()
      result = await commands.run({ args: ['--out', path.join(scratch, 'backups')], entry: 'backup' })
      running.to = Date.now()
      const afterBackup = accepted.length
      await until('questions keep arriving after the backup', () => accepted.length >= afterBackup + 3)
    } finally {
      submitting = false
      await submitter
    }
    expect(result!.code, result!.stderr).toBe(0)
    archive = result!.stdout.match(/Backup written: (\S+)/)![1]
    expect(path.basename(archive)).toMatch(/^hub-\d{4}-\d{2}-\d{2}T\d{6}Z\.tar\.gz$/)
    manifest = await readManifest(archive)
    const snapshotAt = Date.parse(manifest.snapshotStartedAt)
    const before = accepted.filter((entry) => entry.at < snapshotAt)
    const after = accepted.filter((entry) => entry.at > Date.parse(manifest.createdAt))
    // Writes really were going on before, during and after the backup.
    expect(before.length).toBeGreaterThanOrEqual(5)
    expect(accepted.filter((entry) => entry.at > running.from && entry.at < running.to).length).toBeGreaterThan(0)
    expect(after.length).toBeGreaterThanOrEqual(3)
    expect(manifest.database.tables.questions).toBeGreaterThanOrEqual(before.length)
    expect(manifest.database.migration).toMatch(/^\d{8}_\d{6}_/)
    expect(manifest.hub.version).toBe(JSON.parse(fs.readFileSync('package.json', 'utf8')).version)

    const restore = await commands.run({ args: [archive], entry: 'restore', env: hubIn(fresh) })
    expect(restore.code, restore.stderr).toBe(0)
    const file = path.join(fresh, 'hub.db')
    expect((await sqliteRows({ file, sql: 'PRAGMA integrity_check' }))[0][0]).toBe('ok')
    const restored = new Map(
      (await sqliteRows({ file, sql: 'SELECT id, question FROM questions' })).map((row) => [Number(row.id), String(row.question)]),
    )
    expect(restored.size).toBe(manifest.database.tables.questions)
    for (const entry of before) expect(restored.get(Number(entry.id)), `question ${entry.id}`).toBe(entry.question)
    for (const entry of after) expect(restored.has(Number(entry.id))).toBe(false)

    const original = await listMediaFiles({ dir: path.join(hub.dataDir, 'media') })
    expect(original.length).toBeGreaterThanOrEqual(4) // the PDF, the photo and its sizes
    expect(await listMediaFiles({ dir: path.join(fresh, 'media') })).toEqual(original)
    for (const entry of original) {
      expect(
        fs.readFileSync(path.join(fresh, 'media', entry.path)).equals(fs.readFileSync(path.join(hub.dataDir, 'media', entry.path))),
        entry.path,
      ).toBe(true)
    }
  })

  it('refuses to restore over the database of a running hub, even with --force, and changes nothing', async () => {
    const live = path.join(hub.dataDir, 'hub.db')
    const questions = (await hub.payload.count({ collection: 'questions' })).totalDocs
    const result = await commands.run({ args: [archive, '--force'], entry: 'restore' })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/open in another process: stop the hub/)
    expect(fs.readdirSync(hub.dataDir).filter((name) => name.includes('before-restore') || name.startsWith('.restore'))).toEqual([])
    expect(fs.existsSync(live)).toBe(true)
    expect((await hub.payload.count({ collection: 'questions' })).totalDocs).toBe(questions)
  })

  it('asks for --force before replacing a database, and then keeps the previous one aside', async () => {
    const refused = await commands.run({ args: [archive], entry: 'restore', env: hubIn(fresh) })
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/already exist: add --force/)
    const forced = await commands.run({ args: [archive, '--force'], entry: 'restore', env: hubIn(fresh) })
    expect(forced.code, forced.stderr).toBe(0)
    const aside = fs.readdirSync(fresh).filter((name) => name.includes('.before-restore-'))
    expect(aside.some((name) => name.startsWith('hub.db.before-restore-'))).toBe(true)
    expect(aside.some((name) => name.startsWith('media.before-restore-'))).toBe(true)
  })

  it('leaves the current files untouched when the archive is damaged', async () => {
    const damaged = path.join(scratch, 'damaged.tar.gz')
    const bytes = fs.readFileSync(archive)
    fs.writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length * 0.6)))
    const target = path.join(scratch, 'damaged-target')
    fs.mkdirSync(target)
    fs.copyFileSync(path.join(fresh, 'hub.db'), path.join(target, 'hub.db'))
    const before = fs.readFileSync(path.join(target, 'hub.db'))
    const result = await commands.run({ args: [damaged, '--force'], entry: 'restore', env: hubIn(target) })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/Restore failed, nothing was changed/)
    expect(fs.readdirSync(target)).toEqual(['hub.db'])
    expect(fs.readFileSync(path.join(target, 'hub.db')).equals(before)).toBe(true)
    expect(fs.readdirSync(scratch).filter((name) => name.startsWith('.restore'))).toEqual([])
  })
})
