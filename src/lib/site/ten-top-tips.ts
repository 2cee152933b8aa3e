import { TEN_TOP_TIPS as TEN_TOP_TIPS_PATH } from '../routes'

/**
 * The ten top tips page: its wording is here, not in the CMS, so the page, its search entry and its feedback
 * form all describe it the same way.
 */
export const TEN_TOP_TIPS = {
  description: 'Principles from the Department of Health Long Term Conditions team that also apply to commissioning diabetes services.',
  /** How feedback answers name the page (it is not a guidance page with an id). */
  feedbackKey: 'ten-top-tips',
  lede: 'The Department of Health Long Term Conditions team put together these principles. They also apply to the commissioning of diabetes services.',
  path: TEN_TOP_TIPS_PATH,
  title: 'Ten top tips for commissioning long-term conditions',
} as const
