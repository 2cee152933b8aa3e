/** The longest note to a reviewer or reason for a return: a few paragraphs. */
export const REQUEST_NOTE_MAX = 2000

/** Context keys by which the workflow's steps tell the guidance pages' sign-off hooks what they are doing. */
export const SIGN_OFF_STEP = 'signOffStep'
export const SIGN_OFF_REVIEW = 'signOffReview'
export type SignOffStep = 'request' | 'return'
/** The versions a reviewer compared: the draft they read and the published version it was set against. */
export type SignOffReview = { comparedWith: null | string; reviewedVersion: null | string }
