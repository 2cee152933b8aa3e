import type { Payload } from 'payload'

import pg from 'pg'

import { forgetSessions, onSessionsForgotten } from './audience'
import { invalidatePageCache, onPageCacheInvalidated } from './page-cache'

const CHANNEL = 'hub_page_cache'

/** What a notification asks the other instances to drop: their stored pages, or the sessions they remember. */
const DROPS = {
  pages: () => invalidatePageCache({ broadcast: false }),
  sessions: () => forgetSessions({ broadcast: false }),
} as const

/**
 * With several web instances on PostgreSQL, a content change on one must empty the page cache on all, and
 * a sign-out or a change to an account must reach every instance's memory of sessions. Each instance LISTENs
 * on a channel and NOTIFYs it (`<instance> <what>`) on every local drop; a notification drops the same locally
 * without echoing. The listener reconnects after a database restart.
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
      const [sender, what] = (message.payload ?? '').split(' ')
      if (message.channel === CHANNEL && sender !== instanceId) DROPS[what as keyof typeof DROPS]?.()
    })
    try {
      await next.connect()
      await next.query(`LISTEN ${CHANNEL}`)
      client = next
      // Changes made elsewhere while this listener was down are unknown: start clean.
      for (const drop of Object.values(DROPS)) drop()
    } catch {
      await next.end().catch(() => undefined)
    }
  }
  await listen()

  const tell = (what: keyof typeof DROPS) => () =>
    void pool
      .query('SELECT pg_notify($1, $2)', [CHANNEL, `${instanceId} ${what}`])
      .catch((error: Error) => payload.logger.warn({ err: error }, `could not tell other instances to drop their ${what}`))
  const unsubscribe = [onPageCacheInvalidated(tell('pages')), onSessionsForgotten(tell('sessions'))]
  return async () => {
    stopped = true
    clearTimeout(retry)
    for (const stop of unsubscribe) stop()
    await client?.end().catch(() => undefined)
  }
}
