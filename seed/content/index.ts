import type { SeedArgs } from './shared'
import type { SeedShared } from './steps'

import { seedStepsOf } from './steps'

/**
 * The starting content from the documents the network supplied, as each capability's plugin asks for it.
 * Each item is created only when missing (found by slug, rank, name or question), published, and never
 * changed afterwards, so editors' work survives.
 */
export const ensureContent = async ({ log, payload }: SeedArgs): Promise<void> => {
  const shared: SeedShared = { library: {}, organisations: {}, people: {} }
  const steps = [...seedStepsOf(payload.config)].sort((a, b) => a.stage - b.stage)
  for (const step of steps) await step.run({ log, payload, shared })
}
