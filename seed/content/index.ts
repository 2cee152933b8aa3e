import type { SeedArgs } from './shared'

import { ensureOrganisations, ensurePeople } from './contacts'
import { ensureDocuments } from './documents'
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
  // Before the content that mentions them, which links to the entries.
  const library = await ensureDocuments({ log, payload })
  await ensureGuidance({ library, log, payload })
  await ensureUpdates({ library, log, organisations, payload, people })
  await ensureQuestions({ log, payload })
  await ensureGovernance({ library, log, organisations, payload, people })
  await ensureNavigation({ log, payload })
}
