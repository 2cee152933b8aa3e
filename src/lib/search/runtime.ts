import type { SearchEngine } from './types'

import { createEmbeddedEngine } from './embedded'

type Runtime = { engine: SearchEngine; ready: boolean }

// One index per process, shared by the Express-side boot code and the Next/Payload routes.
const RUNTIME_KEY = Symbol.for('diabetes-hub.search-runtime')

export const searchRuntime = (): Runtime => {
  const holder = globalThis as unknown as Record<symbol, Runtime | undefined>
  holder[RUNTIME_KEY] ??= { engine: createEmbeddedEngine(), ready: false }
  return holder[RUNTIME_KEY]
}
