/** Where a guidance page stands in clinical sign-off (the pages' `signOff.status`), with what staff read. */
export const SIGN_OFF_STATES = [
  { label: 'Draft', value: 'draft' },
  { label: 'Awaiting clinical sign-off', value: 'awaiting-sign-off' },
  { label: 'Returned for changes', value: 'returned' },
  { label: 'Signed off', value: 'signed-off' },
] as const

export const signOffStatusLabel = (status: null | string | undefined): string =>
  SIGN_OFF_STATES.find((state) => state.value === (status ?? 'draft'))?.label ?? String(status)

/** The longest note to a reviewer or reason for a return: a few paragraphs. */
export const REQUEST_NOTE_MAX = 2000

/** Context keys by which the workflow's steps tell the guidance pages' sign-off hooks what they are doing. */
export const SIGN_OFF_STEP = 'signOffStep'
export const SIGN_OFF_REVIEW = 'signOffReview'
/** The versions a reviewer compared: the draft they read and the published version it was set against. */
export type SignOffReview = { comparedWith: null | string; reviewedVersion: null | string }
