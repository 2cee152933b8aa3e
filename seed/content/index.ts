import type { SeedArgs } from './shared'

import { ensureOrganisations, ensurePeople } from './contacts'
import { ensureGovernance } from './governance'
import { ensureGuidance } from './guidance'
import { ensureNavigation } from './navigation'
import { ensureQuestions } from './questions'
import { ensureTips } from './tips'
import { ensureUpdates } from './updates'

/**
 * The starting content from the documents the network supplied. Each item is created only when missing
 * (found by slug, rank, name or question), published, and never changed afterwards, so editors' work survives.
 */
export const ensureContent = async ({ log, payload }: SeedArgs): Promise<void> => {
  const organisations = await ensureOrganisations({ log, payload })
  const people = await ensurePeople({ log, organisations, payload })
  await ensureTips({ log, payload })
  await ensureGuidance({ log, payload })
  await ensureUpdates({ log, organisations, payload, people })
  await ensureQuestions({ log, payload })
  await ensureGovernance({ log, organisations, payload, people })
  await ensureNavigation({ log, payload })
}
