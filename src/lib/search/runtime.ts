import type { SearchEngine } from './types'

import { selectSearchEngine } from './select-engine'

type Runtime = { engine: SearchEngine; ready: boolean }

// One index per process, shared by the Express-side boot code and the Next/Payload routes.
const RUNTIME_KEY = Symbol.for('diabetes-hub.search-runtime')

export const searchRuntime = (): Runtime => {
  const holder = globalThis as unknown as Record<symbol, Runtime | undefined>
  holder[RUNTIME_KEY] ??= { engine: selectSearchEngine(), ready: false }
  return holder[RUNTIME_KEY]
}
