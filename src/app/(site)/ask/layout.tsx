import type { ReactNode } from 'react'

import { requireCapability } from '@/lib/site/capabilities'

/** Pages of an optional capability: not found in a hub that leaves it out. */
const AskLayout = async ({ children }: { children: ReactNode }) => {
  await requireCapability({ collection: 'questions' })
  return children
}

export default AskLayout
