/**
 * The exact words a person agreed to, by version. A consent record stores the version, so the words stay
 * provable after they change: add a new version rather than editing one that has been used.
 */
export const CONSENT_WORDING = {
  'ask-1': 'Send me the network newsletter (optional)',
  'preferences-1': 'Choose the topics you want to hear about. You can change them or unsubscribe at any time.',
  'signup-1':
    'Send me the Diabetes Network Hub newsletter on the topics I have chosen. I can change my topics or unsubscribe at any time, using the link in every email.',
} as const

export type ConsentWording = keyof typeof CONSENT_WORDING

/** The wording currently shown on each page that asks for consent. */
export const CURRENT_WORDING = { ask: 'ask-1', preferences: 'preferences-1', signup: 'signup-1' } as const satisfies Record<
  string,
  ConsentWording
>

/** What a consent record says happened. */
export const CONSENT_ACTIONS = [
  { label: 'Asked to subscribe', value: 'requested' },
  { label: 'Confirmed by email', value: 'confirmed' },
  { label: 'Changed topics', value: 'topics-changed' },
  { label: 'Unsubscribed', value: 'unsubscribed' },
  { label: 'Suppressed after a hard bounce', value: 'suppressed' },
] as const

export type ConsentAction = (typeof CONSENT_ACTIONS)[number]['value']

/** Where a change came from when it was not a page on the site. */
export const CONSENT_SOURCES = {
  bounce: 'smtp:hard-bounce',
  listUnsubscribe: 'email:list-unsubscribe-post',
  staff: 'admin',
} as const
