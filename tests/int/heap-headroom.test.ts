import v8 from 'node:v8'
import { describe, expect, it } from 'vitest'

import { HEAP_WARN_SHARE, heapHeadroom, heapWarning } from '../../src/lib/runtime/heap-headroom'

const MB = 2 ** 20

describe('heap headroom after building the search index', () => {
  it('reads this process: the bound V8 was started with, and what is in use', () => {
    const headroom = heapHeadroom()
    expect(headroom.limitMb).toBe(Math.round(v8.getHeapStatistics().heap_size_limit / MB))
    expect(headroom.usedMb).toBeGreaterThan(0)
    expect(headroom.share).toBeCloseTo(headroom.usedMb / headroom.limitMb, 1)
  })

  it('warns, naming what is free and how to raise the bound, only once the heap is more than 70% full', () => {
    const full = heapHeadroom({ limit: 256 * MB, used: 200 * MB })
    expect(full.share).toBeGreaterThan(HEAP_WARN_SHARE)
    const warning = heapWarning({ headroom: full, what: 'The search index of 10040 documents' })
    expect(warning).toContain('The search index of 10040 documents leaves 56 MB of the 256 MB heap bound free')
    expect(warning).toContain('--max-old-space-size=<MB>')
    expect(heapWarning({ headroom: heapHeadroom({ limit: 256 * MB, used: 170 * MB }), what: 'x' })).toBeNull()
    expect(heapWarning({ headroom: heapHeadroom({ limit: 256 * MB, used: 180 * MB }), what: 'x' })).not.toBeNull()
  })
})
