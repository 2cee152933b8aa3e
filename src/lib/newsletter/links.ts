import type { TokenPurpose } from './tokens'

import { absoluteUrl } from '../site/urls'
import { createToken } from './tokens'

export type LinkSubject = { id: number | string; tokenNonce?: null | string }

const tokenFor = ({ now, purpose, secret, subscriber }: { now?: Date; purpose: TokenPurpose; secret: string; subscriber: LinkSubject }) =>
  createToken({ id: subscriber.id, nonce: subscriber.tokenNonce ?? '', now, purpose, secret })

/** Where each signed link leads: pages on the site, and the one-click endpoint mail programs POST to. */
export const confirmUrl = (args: { now?: Date; secret: string; subscriber: LinkSubject }) =>
  absoluteUrl(`/newsletter/confirm?token=${tokenFor({ ...args, purpose: 'confirm' })}`)

export const manageUrl = (args: { now?: Date; secret: string; subscriber: LinkSubject }) =>
  absoluteUrl(`/newsletter/preferences?token=${tokenFor({ ...args, purpose: 'manage' })}`)

/** The unsubscribe page (a link in the email) and the RFC 8058 one-click address, with the same token. */
export const unsubscribeUrls = (args: { now?: Date; secret: string; subscriber: LinkSubject }) => {
  const token = tokenFor({ ...args, purpose: 'unsubscribe' })
  return { oneClick: absoluteUrl(`/api/subscribers/unsubscribe?token=${token}`), page: absoluteUrl(`/newsletter/unsubscribe?token=${token}`) }
}
