import type { Payload } from 'payload'

import { DEFAULT_RESPONSE_TARGET_DAYS } from '../../../globals/site-settings'

export type SiteSettingsValue = { disclaimer: string; questionResponseTargetDays: number; siteName: string }

export const readSiteSettings = async ({ payload }: { payload: Payload }): Promise<SiteSettingsValue> => {
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
  return {
    disclaimer: settings.disclaimer ?? '',
    questionResponseTargetDays: settings.questionResponseTargetDays ?? DEFAULT_RESPONSE_TARGET_DAYS,
    siteName: settings.siteName ?? 'Diabetes Network Hub',
  }
}
