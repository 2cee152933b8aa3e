import type { Payload } from 'payload'

import { DEFAULT_RESPONSE_TARGET_DAYS } from '../globals/site-settings'

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
