/**
 * The words and field names of "Was this page useful?", shared by the site's form and the page the /feedback
 * route answers with when a post without JavaScript needs correcting, so both read the same.
 */
export const FEEDBACK_QUESTION = 'Was this page useful?'

export const USEFUL_OPTIONS = [
  { label: 'Yes', value: 'yes' },
  { label: 'No', value: 'no' },
] as const

/** The first radio: where the error summary's link goes (the NHS.UK pattern). */
export const USEFUL_FIRST_ID = 'useful-yes'

export const USEFUL_ERROR = 'Select yes or no'

export const COMMENT_LABEL = 'Tell us how we could improve this page (optional)'

export const COMMENT_HINT = 'Do not include personal or medical information. We cannot reply to comments.'
