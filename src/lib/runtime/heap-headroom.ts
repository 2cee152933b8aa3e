import v8 from 'node:v8'

/** Above this share of the heap bound in use after a build, a process has too little room for its work. */
export const HEAP_WARN_SHARE = 0.7

export type HeapHeadroom = { limitMb: number; share: number; usedMb: number }

/** How much of the V8 heap bound is in use now (live objects and garbage not yet collected). */
export const heapHeadroom = ({
  used = process.memoryUsage().heapUsed,
  limit = v8.getHeapStatistics().heap_size_limit,
}: { limit?: number; used?: number } = {}): HeapHeadroom => ({
  limitMb: Math.round(limit / 2 ** 20),
  share: used / limit,
  usedMb: Math.round(used / 2 ** 20),
})

/** The warning an operator needs when a large index leaves the bounded heap nearly full, or null. */
export const heapWarning = ({ headroom, what }: { headroom: HeapHeadroom; what: string }): null | string =>
  headroom.share <= HEAP_WARN_SHARE
    ? null
    : `${what} leaves ${headroom.limitMb - headroom.usedMb} MB of the ${headroom.limitMb} MB heap bound free: raise it (node --max-old-space-size=<MB> dist/start.js, see README "Memory and the page cache")`
