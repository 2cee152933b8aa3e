import v8 from 'node:v8'

/**
 * How far V8 lets the old generation grow past what survived its last full collection, while bulk work runs.
 * V8 picks a factor of up to 4 by itself: in a process whose start-up leaves some 70 MB live (Payload, its
 * editor, the configuration) a long send piled up 200 MB of garbage promoted out of the young generation
 * before the first full collection, for a peak RSS of 440 MB. At 1.5 the full collections come every
 * 35 MB or so and cost a few percent of the sender's time.
 */
export const BULK_WORK_HEAP_GROWING_PERCENT = 50

let holders = 0

/**
 * Bounds heap growth until the returned function is called (by every caller, when several run at once),
 * then gives V8 back its own choice. Flags are process-wide: other work in the process collects sooner too.
 */
export const boundHeapGrowth = (): (() => void) => {
  if (holders++ === 0) v8.setFlagsFromString(`--heap-growing-percent=${BULK_WORK_HEAP_GROWING_PERCENT}`)
  let released = false
  return () => {
    if (released) return
    released = true
    // 0 is V8's default: the factor it works out itself.
    if (--holders === 0) v8.setFlagsFromString('--heap-growing-percent=0')
  }
}
