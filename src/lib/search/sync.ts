import type { Payload } from 'payload'

import type { SearchEngine } from './types'

import { env } from '../env'
import { heapHeadroom, heapWarning } from '../runtime/heap-headroom'
import { digestOf } from './digest'
import { searchRuntime } from './runtime'
import { dependentTargets, loadAllSearchDocuments, loadSearchDocument, searchDocumentId, searchDocumentPages } from './source'
import { loadSynonyms, SYNONYMS_CHANGE } from './synonyms'

/** Empties the engine and fills it with every published searchable document and the current synonyms; returns how many. */
export const rebuildSearchIndex = async ({ engine, payload }: { engine: SearchEngine; payload: Payload }): Promise<number> => {
  const docs = await loadAllSearchDocuments({ payload })
  await engine.setSynonyms(await loadSynonyms({ payload }))
  // Loaded first, so the index is only briefly empty rather than for the whole load.
  await engine.clear()
  await engine.upsert(docs)
  return docs.length
}

export type ReconcileReport = {
  /** Published searchable documents in the database. */
  expected: number
  /** Documents the engine held before repairs. */
  indexed: number
  missing: number
  stale: number
  extra: number
}

/**
 * Compares the engine with the database document by document (by digest, so a missed edit counts as well as a
 * missed publish) and repairs the difference in place: search keeps answering throughout, unlike a rebuild.
 */
export const reconcileSearchIndex = async ({ engine, payload }: { engine: SearchEngine; payload: Payload }): Promise<ReconcileReport> => {
  await engine.setSynonyms(await loadSynonyms({ payload }))
  const held = await engine.digests()
  const wanted = new Set<string>()
  const report: ReconcileReport = { expected: 0, extra: 0, indexed: held.size, missing: 0, stale: 0 }
  // A page at a time: the whole text of the database is never held beside the index's own copy.
  for await (const docs of searchDocumentPages({ payload })) {
    const repairs = docs.filter((doc) => {
      wanted.add(doc.id)
      const digest = held.get(doc.id)
      if (digest === undefined) report.missing++
      else if (digest !== digestOf(doc)) report.stale++
      else return false
      return true
    })
    report.expected += docs.length
    if (repairs.length) await engine.upsert(repairs)
  }
  const extra = [...held.keys()].filter((id) => !wanted.has(id))
  report.extra = extra.length
  if (extra.length) await engine.remove(extra)
  return report
}

export const driftOf = (report: ReconcileReport): number => report.missing + report.stale + report.extra

/**
 * Change records are stamped by the writing process before its transaction commits, so one can become visible
 * after newer ones were read, and instances' clocks differ a little: each poll looks back this far again.
 */
const OVERLAP_MS = 10_000
const BATCH = 500
const KEEP_CHANGES_MS = 24 * 60 * 60 * 1000
const PRUNE_EVERY_MS = 10 * 60 * 1000

type Change = {
  collection: string
  createdAt: string
  docId: string
  id: number | string
}

export type SearchFollower = {
  stop: () => void
  /** Applies the changes recorded since the last poll; returns how many documents were re-read. */
  pollNow: () => Promise<number>
  /** Repairs any drift between the engine and the database, never at the same time as a poll. */
  reconcileNow: () => Promise<ReconcileReport>
}

/** Re-reads one document (and those whose address depends on it) and puts the index in line with it. */
const applyTarget = async ({
  collection,
  docId,
  engine,
  payload,
}: {
  collection: string
  docId: string
  engine: SearchEngine
  payload: Payload
}) => {
  if (collection === SYNONYMS_CHANGE.collection) {
    await engine.setSynonyms(await loadSynonyms({ payload }))
    return 1
  }
  const targets = [{ collection, id: docId as number | string }, ...(await dependentTargets({ collection, id: docId, payload }))]
  for (const target of targets) {
    const doc = await loadSearchDocument({
      collection: target.collection,
      id: target.id,
      payload,
    })
    if (doc) await engine.upsert([doc])
    else await engine.remove([searchDocumentId(target)])
  }
  return targets.length
}

/**
 * Keeps `engine` equal to the published content by replaying the `search-changes` log. Every step is
 * idempotent (it re-reads the database rather than trusting the record), so seeing a change twice is harmless;
 * a failed poll leaves the cursor where it was and the next poll retries.
 */
export const followSearchChanges = ({
  engine,
  intervalMs = 2000,
  payload,
  reconcileEveryMs = 0,
  since = new Date(),
}: {
  engine: SearchEngine
  intervalMs?: number
  payload: Payload
  /** How often to reconcile with the database; 0 never (tests call reconcileNow). */
  reconcileEveryMs?: number
  /** When the index was last known complete, usually when its rebuild began. */
  since?: Date
}): SearchFollower => {
  let newest = since.getTime()
  // Records already applied within the look-back window, so the overlap does not re-apply them every poll.
  const applied = new Map<string, number>()
  let lastPrune = 0
  // Polls and reconciles take turns: a reconcile reading the database while a poll applies a newer version
  // could otherwise write the older one back over it.
  let queue: Promise<unknown> = Promise.resolve()
  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task)
    queue = result.catch(() => undefined)
    return result
  }
  let polling: Promise<number> | null = null
  let stopped = false

  const readChanges = async (): Promise<Change[]> => {
    const from = new Date(newest - OVERLAP_MS).toISOString()
    const changes: Change[] = []
    for (let page = 1; ; page++) {
      const result = await payload.find({
        collection: 'search-changes',
        depth: 0,
        limit: BATCH,
        overrideAccess: true,
        page,
        sort: 'createdAt',
        where: { createdAt: { greater_than_equal: from } },
      })
      changes.push(...(result.docs as Change[]).filter((change) => !applied.has(String(change.id))))
      if (!result.hasNextPage) return changes
    }
  }

  const prune = async () => {
    if (Date.now() - lastPrune < PRUNE_EVERY_MS) return
    lastPrune = Date.now()
    await payload.delete({
      collection: 'search-changes',
      overrideAccess: true,
      where: {
        createdAt: {
          less_than: new Date(Date.now() - KEEP_CHANGES_MS).toISOString(),
        },
      },
    })
  }

  const poll = async (): Promise<number> => {
    const changes = await readChanges()
    // One re-read per document however often it changed: the database holds its final state.
    const targets = new Map(changes.map((change) => [`${change.collection}:${change.docId}`, change]))
    let reread = 0
    for (const change of targets.values()) {
      reread += await applyTarget({
        collection: change.collection,
        docId: change.docId,
        engine,
        payload,
      })
    }
    // Only now, with every change applied, does the cursor move: a failure above retries them all next time.
    for (const change of changes) {
      applied.set(String(change.id), new Date(change.createdAt).getTime())
      newest = Math.max(newest, new Date(change.createdAt).getTime())
    }
    for (const [id, at] of applied) if (at < newest - OVERLAP_MS) applied.delete(id)
    await prune().catch((error) => payload.logger.warn({ err: error }, 'Could not prune old search change records'))
    return reread
  }

  // A timer tick during a slow poll (or pollNow) shares the poll in progress rather than queueing another.
  const pollNow = () => {
    polling ??= exclusive(poll).finally(() => {
      polling = null
    })
    return polling
  }

  const reconcileNow = () =>
    exclusive(async () => {
      const started = Date.now()
      const report = await reconcileSearchIndex({ engine, payload })
      const drift = driftOf(report)
      if (drift > 0) payload.logger.warn({ ...report }, `Search index had drifted from the database by ${drift} documents; repaired`)
      else payload.logger.info({ documents: report.expected, ms: Date.now() - started }, 'Search index reconciled')
      return report
    })

  const timer = setInterval(() => {
    if (stopped) return
    pollNow().catch((error) =>
      payload.logger.error({ err: error }, 'Search index could not apply content changes; retrying on the next poll'),
    )
  }, intervalMs)
  timer.unref()
  const reconcileTimer =
    reconcileEveryMs > 0
      ? setInterval(() => {
          if (stopped) return
          reconcileNow().catch((error) => payload.logger.error({ err: error }, 'Search index could not be reconciled; retrying later'))
        }, reconcileEveryMs)
      : undefined
  reconcileTimer?.unref()

  return {
    pollNow,
    reconcileNow,
    stop: () => {
      stopped = true
      clearInterval(timer)
      clearInterval(reconcileTimer)
    },
  }
}

/**
 * Builds this process's search index (searchRuntime) from the database and keeps it current. Every web
 * process runs its own; a failed build is retried, and search reports not ready until one succeeds.
 */
export const startSearchIndex = ({
  intervalMs,
  payload,
  reconcileEveryMs = env().SEARCH_RECONCILE_MINUTES * 60 * 1000,
}: {
  intervalMs?: number
  payload: Payload
  reconcileEveryMs?: number
}): (() => void) => {
  const runtime = searchRuntime()
  let follower: null | SearchFollower = null
  let stopped = false
  let retry: ReturnType<typeof setTimeout> | undefined

  const build = async () => {
    const since = new Date()
    try {
      const started = Date.now()
      const count = await rebuildSearchIndex({
        engine: runtime.engine,
        payload,
      })
      if (stopped) return
      runtime.ready = true
      payload.logger.info({ documents: count, ms: Date.now() - started }, 'Search index built')
      const headroom = heapHeadroom()
      const warning = heapWarning({ headroom, what: `The search index of ${count} documents` })
      if (warning) payload.logger.warn({ heapLimitMb: headroom.limitMb, heapUsedMb: headroom.usedMb }, warning)
      follower = followSearchChanges({
        engine: runtime.engine,
        intervalMs,
        payload,
        reconcileEveryMs,
        since,
      })
    } catch (error) {
      payload.logger.error({ err: error }, 'Search index could not be built; retrying in 30 s')
      if (!stopped) retry = setTimeout(() => void build(), 30_000)
      retry?.unref()
    }
  }
  void build()

  return () => {
    stopped = true
    clearTimeout(retry)
    follower?.stop()
  }
}
