import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { normalisedPath } from './paths'

// What the old static site's addresses looked like.
const OLD_SITE = /\.(s?html?|aspx?|php|cfm|jsp)$/i
const MAX_PENDING = 500
const FLUSH_MS = 60_000
// The report keeps at most this many addresses: past it, only those already listed are counted.
export const MAX_NOT_FOUND_ROWS = 2000

type Pending = { count: number; lastSeen: Date }

type Counts = { flushedAt: number; flushing?: Promise<void>; pending: Map<string, Pending>; timer?: NodeJS.Timeout }

const HOLDER = Symbol.for('diabetes-hub.not-found')
const holder = globalThis as unknown as Record<symbol, Counts | undefined>
const state = (): Counts => (holder[HOLDER] ??= { flushedAt: Date.now(), pending: new Map<string, Pending>() })

/** Whether a not-found path looks like one of the old site's pages, which a redirect could answer. */
export const looksLikeOldAddress = (path: string): boolean => OLD_SITE.test(path)

/** Adds the counted requests to the stored rows (created on first sight), in one pass. */
export const flushNotFound = async ({ maxRows = MAX_NOT_FOUND_ROWS, payload }: { maxRows?: number; payload: Payload }): Promise<void> => {
  const current = state()
  if (current.flushing) return current.flushing
  const batch = current.pending
  current.pending = new Map()
  current.flushedAt = Date.now()
  if (current.timer) clearTimeout(current.timer)
  current.timer = undefined
  current.flushing = (async () => {
    let rows = batch.size ? (await payload.count({ collection: 'not-found', overrideAccess: true })).totalDocs : 0
    for (const [path, { count, lastSeen }] of batch) {
      const add = async () => {
        const found = await payload.find({
          collection: 'not-found',
          depth: 0,
          limit: 1,
          overrideAccess: true,
          where: { path: { equals: path } },
        })
        const row = found.docs[0]
        if (row)
          await payload.update({
            collection: 'not-found',
            data: { count: (row.count ?? 0) + count, lastSeen: lastSeen.toISOString() },
            depth: 0,
            id: row.id,
            overrideAccess: true,
          })
        else if (rows < maxRows) {
          await payload.create({
            collection: 'not-found',
            data: { count, lastSeen: lastSeen.toISOString(), path },
            depth: 0,
            overrideAccess: true,
          })
          rows++
        }
      }
      // Another instance may create the same row meanwhile: its unique path refuses ours, and the count is added to it.
      await add()
        .catch(add)
        .catch((error: unknown) => payload.logger.warn({ err: error, path }, 'Could not count a not-found address'))
    }
  })().finally(() => {
    current.flushing = undefined
  })
  return current.flushing
}

/**
 * Counts GET requests for old-looking addresses that end in 404, for the admin's "Not found" report. Counts are
 * kept in memory and written within a minute (sooner when many are waiting): statistics, not submissions, so a
 * process stopped meanwhile loses only its last minute of them. At most 500 distinct addresses wait at once and
 * the report holds at most 2,000, so a flood of made-up addresses cannot grow memory or the database.
 */
export const countNotFound =
  ({ payload }: { payload: Payload }): RequestHandler =>
  (req, res, next) => {
    if (req.method === 'GET' && 'not-found' in payload.collections) {
      res.once('finish', () => {
        if (res.statusCode !== 404) return
        const path = normalisedPath(req.path)
        if (!path || !looksLikeOldAddress(path)) return
        const current = state()
        const seen = current.pending.get(path)
        if (seen) {
          seen.count++
          seen.lastSeen = new Date()
        } else if (current.pending.size < MAX_PENDING) current.pending.set(path, { count: 1, lastSeen: new Date() })
        if (Date.now() - current.flushedAt >= FLUSH_MS || current.pending.size >= MAX_PENDING / 5) void flushNotFound({ payload })
        // Otherwise within the minute, even if no other request comes; the timer never keeps the process alive.
        else current.timer ??= setTimeout(() => void flushNotFound({ payload }), FLUSH_MS).unref()
      })
    }
    next()
  }
