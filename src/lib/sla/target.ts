/** The service-level target for answering a question, in working days, until an administrator sets another. */
export const DEFAULT_RESPONSE_TARGET_DAYS = 5
