import { execFile } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'

// Runs in a process of its own: the libsql driver releases a closed connection only when it is garbage
// collected, so a probe in this process would keep the file locked for an unknown time afterwards.
const PROBE = `
const { createClient } = require(process.env.HUB_LIBSQL_CLIENT)
const client = createClient({ url: 'file:' + process.env.HUB_SQLITE_FILE })
const steps = ['PRAGMA busy_timeout = 0', 'PRAGMA locking_mode = EXCLUSIVE', 'BEGIN EXCLUSIVE', 'COMMIT']
steps.reduce((done, sql) => done.then(() => client.execute(sql)), Promise.resolve())
  .then(() => process.stdout.write('free'), (error) => process.stdout.write(String(error.code || error.message)))
  .finally(() => process.exit(0))
`

/**
 * Does another process hold the SQLite file open (a running hub, worker or seed)? A running hub keeps its
 * connection open, and every open connection holds at least a shared lock, so an exclusive lock taken with
 * no waiting fails exactly then. A hub that crashed holds nothing, whatever -wal/-shm files it left behind.
 */
export const sqliteFileInUse = async ({ file }: { file: string }): Promise<boolean> => {
  if (!fs.existsSync(file)) return false
  const libsql = createRequire(import.meta.url).resolve('@libsql/client')
  const answer = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      ['-e', PROBE],
      { env: { ...process.env, HUB_LIBSQL_CLIENT: libsql, HUB_SQLITE_FILE: file } },
      (error, stdout) => (error ? reject(error) : resolve(stdout.trim())),
    ),
  )
  if (answer === 'free') return false
  if (/^SQLITE_(BUSY|LOCKED)/.test(answer)) return true
  throw new Error(`Cannot tell whether ${file} is in use: ${answer}`)
}
