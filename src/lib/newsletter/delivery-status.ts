/**
 * One recipient's copy of one issue. `sending` is a claim: a sender has taken it and may be talking to the
 * SMTP server; if that sender dies, the claim expires and the copy is sent again with the same Message-ID.
 * `skipped`: the person unsubscribed or was suppressed between the start of the send and their turn.
 */
export const DELIVERY_STATUSES = [
  { label: 'Queued', value: 'queued' },
  { label: 'Sending', value: 'sending' },
  { label: 'Sent', value: 'sent' },
  { label: 'Failed', value: 'failed' },
  { label: 'Bounced', value: 'bounced' },
  { label: 'Skipped', value: 'skipped' },
] as const

export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]['value']
