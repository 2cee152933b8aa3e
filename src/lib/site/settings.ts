import type { Payload, PayloadRequest } from 'payload'

import { DEFAULT_RESPONSE_TARGET_DAYS } from '../sla/target'

export type SiteSettingsValue = { disclaimer: string; questionResponseTargetDays: number; siteName: string }

/** Pass `req` from inside a hook, so the read joins the request's transaction instead of taking a second connection. */
export const readSiteSettings = async ({ payload, req }: { payload: Payload; req?: PayloadRequest }): Promise<SiteSettingsValue> => {
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, req })
  return {
    disclaimer: settings.disclaimer ?? '',
    questionResponseTargetDays: settings.questionResponseTargetDays ?? DEFAULT_RESPONSE_TARGET_DAYS,
    siteName: settings.siteName ?? 'Diabetes Network Hub',
  }
}
