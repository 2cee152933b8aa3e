import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from './ports'

export const POSTGRES_BIN = process.env.POSTGRES_BIN || '/usr/lib/postgresql/15/bin'

export const postgresAvailable = (): boolean => fs.existsSync(path.join(POSTGRES_BIN, 'initdb'))

export type PostgresCluster = {
  createDatabase: (name: string) => string
  remove: () => void
  start: () => void
  stop: () => void
  url: (database?: string) => string
}

// initdb refuses to run as root; the machine image has a `postgres` system user for that.
const asClusterOwner = (command: string, args: string[], options: { cwd?: string } = {}) => {
  const isRoot = process.getuid?.() === 0
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]
  return execFileSync(file, argv, { stdio: 'pipe', ...options }).toString()
}

/** A private PostgreSQL cluster in a temp directory on a free loopback port; `remove` deletes every trace. */
export const startPostgresCluster = async (): Promise<PostgresCluster> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-pg-'))
  fs.chmodSync(dir, 0o777)
  const dataDir = path.join(dir, 'data')
  const port = await freePort()
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir])
  asClusterOwner(path.join(POSTGRES_BIN, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], {
    cwd: dir,
  })
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`
  const pgCtl = (action: string[]) =>
    asClusterOwner(path.join(POSTGRES_BIN, 'pg_ctl'), ['-D', dataDir, '-l', path.join(dir, 'log'), '-w', ...action], { cwd: dir })
  const start = () => pgCtl(['-o', options, 'start'])
  // Fast shutdown: clients are disconnected and committed work is kept, as in a real restart.
  const stop = () => pgCtl(['-m', 'fast', 'stop'])
  start()
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`
  const psql = (sql: string) =>
    execFileSync(path.join(POSTGRES_BIN, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-qc', sql], {
      stdio: 'pipe',
    })
  return {
    createDatabase: (name) => {
      psql(`CREATE DATABASE "${name}"`)
      return url(name)
    },
    remove: () => {
      try {
        stop()
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { force: true, recursive: true })
    },
    start,
    stop,
    url,
  }
}
