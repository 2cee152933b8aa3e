import path from 'node:path'

import { dataDir } from '../env'

// Kept apart from adapter.ts so that commands which only handle files (backup, restore) do not load the adapters.

export const sqliteFile = (url: string): string =>
  url.startsWith('file:') ? path.resolve(url.slice('file:'.length)) : path.join(dataDir(), 'hub.db')

export const migrationDir = (kind: 'postgres' | 'sqlite'): string => path.resolve(process.cwd(), 'migrations', kind)
