import type { Payload } from 'payload'

type EventSource = { listenerCount: (event: string) => number; on: (event: string, listener: (error: Error) => void) => void }

/**
 * pg's pool emits 'error' when an idle connection drops (a database restart or failover). With no
 * listener Node treats it as an uncaught exception and the process dies; with one, the broken
 * connection is discarded and the next query opens a new one, while /readyz reports the outage.
 */
export const survivePostgresDisconnects = ({ payload }: { payload: Payload }): void => {
  if (payload.db.name !== 'postgres') return
  const pool = (payload.db as unknown as { pool?: EventSource }).pool
  if (!pool || pool.listenerCount('error') > 0) return
  pool.on('error', (error) => payload.logger.warn({ err: error }, 'PostgreSQL connection lost; it is replaced on next use'))
}
