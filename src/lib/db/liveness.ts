import { postgresPoolWedge } from './postgres-pool'
import { sqliteWriteLockWedge } from './sqlite-connections'

export type Liveness = { ok: true } | { ok: false; reason: string }

/**
 * Can this process still serve? Not a database check (that is readiness): a process whose connections are
 * all stuck, or whose SQLite writer has held the lock far longer than any write takes, will not recover on
 * its own, and a supervisor should restart it.
 */
export const processLiveness = ({ limitMs }: { limitMs: number }): Liveness => {
  const reason = postgresPoolWedge({ limitMs }) ?? sqliteWriteLockWedge({ limitMs })
  return reason ? { ok: false, reason } : { ok: true }
}
