/**
 * The ten top tips page: its wording is here, not in the CMS, so the page, its search entry and its feedback
 * form all describe it the same way.
 */
export const TEN_TOP_TIPS = {
  description: 'Principles from the Department of Health Long Term Conditions team that also apply to commissioning diabetes services.',
  /** How feedback answers name the page (it is not a guidance page with an id). */
  feedbackKey: 'ten-top-tips',
  lede: 'The Department of Health Long Term Conditions team put together these principles. They also apply to the commissioning of diabetes services.',
  path: '/commissioning/ten-top-tips',
  title: 'Ten top tips for commissioning long-term conditions',
} as const

/** The address of one tip on the page. */
export const tipUrl = ({ slug }: { slug: string }): string => `${TEN_TOP_TIPS.path}#tip-${slug}`
