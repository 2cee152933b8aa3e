import type { Payload } from 'payload'

import { DEFAULT_RESPONSE_TARGET_DAYS } from '../src/lib/sla/target'
import { DEFAULT_SYNONYMS } from '../src/lib/search/synonyms'

/** Stores the starting site settings once; later edits in the admin are never overwritten. */
export const ensureSiteSettings = async ({ payload }: { payload: Payload }): Promise<void> => {
  const current = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
  if (current.updatedAt) return
  await payload.updateGlobal({
    slug: 'site-settings',
    data: {
      disclaimer:
        'The network team does not and cannot offer clinical advice. If you need medical help, contact your GP, call NHS 111, or in an emergency call 999.',
      questionResponseTargetDays: DEFAULT_RESPONSE_TARGET_DAYS,
      siteName: 'Diabetes Network Hub',
    },
  })
}

/** Fills the editable synonym list with the built-in groups once, so editors start from them rather than from nothing. */
export const ensureSearchSettings = async ({ payload }: { payload: Payload }): Promise<void> => {
  const current = await payload.findGlobal({ slug: 'search-settings', depth: 0 })
  if (current.updatedAt) return
  await payload.updateGlobal({
    slug: 'search-settings',
    data: { synonyms: DEFAULT_SYNONYMS.map((group) => ({ terms: group.join(', ') })) },
  })
}
