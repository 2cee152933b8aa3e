import type { ReactNode } from 'react'

import { requireCapability } from '@/lib/site/capabilities'

/** Pages of an optional capability: not found in a hub that leaves it out. */
const GovernanceLayout = async ({ children }: { children: ReactNode }) => {
  await requireCapability({ collection: 'groups' })
  return children
}

export default GovernanceLayout
