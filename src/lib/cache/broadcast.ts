import type { Payload } from 'payload'

import pg from 'pg'

import { invalidatePageCache, onPageCacheInvalidated } from './page-cache'

const CHANNEL = 'hub_page_cache'

/**
 * With several web instances on PostgreSQL, a content change on one must empty the page cache on all.
 * Each instance LISTENs on a channel and NOTIFYs it on every local invalidation; a notification empties
 * the local cache without echoing. The listener reconnects after a database restart.
 */
export const sharePageCacheInvalidations = async ({ payload }: { payload: Payload }): Promise<() => Promise<void>> => {
  if (payload.db.name !== 'postgres') return async () => undefined
  const pool = (payload.db as unknown as { pool: pg.Pool }).pool
  const connectionString = (pool as unknown as { options: { connectionString?: string } }).options.connectionString
  const instanceId = `${process.pid}-${Math.random().toString(36).slice(2)}`
  let client: null | pg.Client = null
  let stopped = false
  let retry: NodeJS.Timeout | undefined

  const listen = async () => {
    if (stopped) return
    const next = new pg.Client({ connectionString })
    next.on('error', () => undefined)
    next.on('end', () => {
      client = null
      if (!stopped) retry = setTimeout(() => void listen(), 1_000)
    })
    next.on('notification', (message) => {
      if (message.channel === CHANNEL && message.payload !== instanceId) invalidatePageCache({ broadcast: false })
    })
    try {
      await next.connect()
      await next.query(`LISTEN ${CHANNEL}`)
      client = next
      // Changes made elsewhere while this listener was down are unknown: start clean.
      invalidatePageCache({ broadcast: false })
    } catch {
      await next.end().catch(() => undefined)
    }
  }
  await listen()

  const unsubscribe = onPageCacheInvalidated(() => {
    pool.query('SELECT pg_notify($1, $2)', [CHANNEL, instanceId]).catch((error: Error) =>
      payload.logger.warn({ err: error }, 'could not tell other instances to empty their page cache'),
    )
  })
  return async () => {
    stopped = true
    clearTimeout(retry)
    unsubscribe()
    await client?.end().catch(() => undefined)
  }
}
