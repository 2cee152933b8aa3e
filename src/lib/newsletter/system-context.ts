/** Passed as `context` by the hub's own writes, which the staff rules in the collection's hooks do not apply to. */
export const SYSTEM_CONTEXT = { newsletterSystem: true } as const
