export const SUBSCRIBER_STATUSES = [
  { label: 'Unconfirmed', value: 'unconfirmed' },
  { label: 'Confirmed', value: 'confirmed' },
  { label: 'Unsubscribed', value: 'unsubscribed' },
] as const

export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number]['value']
