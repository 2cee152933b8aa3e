import type { Payload } from 'payload'

import fs from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'

// Any constant works; it only has to be the same in every instance of the hub.
const STARTUP_LOCK_KEY = 726_118_204

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

type Release = () => Promise<void>

/**
 * PostgreSQL: a session advisory lock on a connection of its own, outside the pool, so holding it never
 * takes a connection the work under it needs (with a pool of one or two that would wait for ever).
 */
const lockPostgres = async ({ payload }: { payload: Payload }): Promise<Release> => {
  const { options } = (payload.db as unknown as { pool: { options: pg.PoolConfig } }).pool
  const client = new pg.Client({ ...options, application_name: 'hub-startup-lock' } as pg.ClientConfig)
  // A lost lock connection must not crash the process: the session's lock simply ends with it.
  client.on('error', (error) => payload.logger.warn({ err: error }, 'start-up lock connection lost'))
  await client.connect()
  await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY])
  return async () => {
    await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]).catch(() => undefined)
    await client.end().catch(() => undefined)
  }
}

const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * SQLite: a lock file beside the database, created exclusively and holding the owner's pid. A file left by
 * a process that died is taken over; processes sharing one SQLite file share one machine, so the pid tells.
 */
const lockSqliteFile = async ({ file }: { file: string }): Promise<Release> => {
  const lockFile = `${file}.startup-lock`
  await fs.mkdir(path.dirname(lockFile), { recursive: true })
  for (;;) {
    try {
      await fs.writeFile(lockFile, String(process.pid), { flag: 'wx' })
      return async () => {
        await fs.rm(lockFile, { force: true })
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const owner = Number(await fs.readFile(lockFile, 'utf8').catch(() => ''))
    if (owner && !processAlive(owner)) {
      // Rename first: of two processes taking over the same stale file, only one rename succeeds.
      await fs.rename(lockFile, `${lockFile}.stale.${process.pid}`).then(
        () => fs.rm(`${lockFile}.stale.${process.pid}`, { force: true }),
        () => undefined,
      )
      continue
    }
    await sleep(100)
  }
}

/**
 * Runs start-up work (migrations, the first administrator, the seed) in one process at a time across every
 * instance on the database, so instances started together never run a step twice. MongoDB has no
 * migrations and no lock here: start its instances one after another.
 */
export const withStartupLock = async <T>({ payload, work }: { payload: Payload; work: () => Promise<T> }): Promise<T> => {
  const db = payload.db as unknown as { clientConfig?: { url: string }; name: string }
  const release: Release | undefined =
    db.name === 'postgres'
      ? await lockPostgres({ payload })
      : db.name === 'sqlite' && db.clientConfig
        ? await lockSqliteFile({ file: db.clientConfig.url.replace(/^file:/, '').split('?')[0]! })
        : undefined
  try {
    return await work()
  } finally {
    await release?.()
  }
}
