import { createClient } from '@libsql/client'
import fs from 'node:fs'

/**
 * Does another process hold the SQLite file open (a running hub, worker or seed)? A running hub keeps its
 * connection open, and every open connection holds at least a shared lock, so an exclusive lock taken with
 * no waiting fails exactly then. A hub that crashed holds nothing, whatever -wal/-shm files it left behind.
 */
export const sqliteFileInUse = async ({ file }: { file: string }): Promise<boolean> => {
  if (!fs.existsSync(file)) return false
  const client = createClient({ url: `file:${file}` })
  try {
    await client.execute('PRAGMA busy_timeout = 0')
    await client.execute('PRAGMA locking_mode = EXCLUSIVE')
    await client.execute('BEGIN EXCLUSIVE')
    await client.execute('COMMIT')
    return false
  } catch (error) {
    const code = (error as { code?: string }).code ?? ''
    if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return true
    throw error
  } finally {
    client.close()
  }
}
