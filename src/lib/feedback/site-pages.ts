import { TEN_TOP_TIPS } from '../site/ten-top-tips'

/**
 * Pages of the site that carry "Was this page useful?" without being guidance pages in the CMS. Feedback names
 * them by key; the admin's feedback summary links to their address.
 */
export const SITE_FEEDBACK_PAGES = [{ label: TEN_TOP_TIPS.title, path: TEN_TOP_TIPS.path, value: TEN_TOP_TIPS.feedbackKey }] as const

export type SiteFeedbackPage = (typeof SITE_FEEDBACK_PAGES)[number]['value']

export const siteFeedbackPage = (value: unknown) => SITE_FEEDBACK_PAGES.find((page) => page.value === value) ?? null
