/** The ask form's hidden field saying the person has seen the published answers matching their question. */
export const BEFORE_YOU_ASK_FIELD = 'beforeYouAsk'
/** Its value once answers were offered: as they typed (with JavaScript) or on a first submission (without). */
export const BEFORE_YOU_ASK_SEEN = 'seen'
