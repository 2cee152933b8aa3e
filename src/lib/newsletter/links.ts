import type { TokenPurpose } from './tokens'

import { NEWSLETTER_CONFIRM, NEWSLETTER_PREFERENCES, NEWSLETTER_UNSUBSCRIBE, ONE_CLICK_UNSUBSCRIBE, signedLinkPath } from '../routes'
import { absoluteUrl } from '../site/urls'
import { createToken } from './tokens'

export type LinkSubject = { id: number | string; tokenNonce?: null | string }

const tokenFor = ({ now, purpose, secret, subscriber }: { now?: Date; purpose: TokenPurpose; secret: string; subscriber: LinkSubject }) =>
  createToken({ id: subscriber.id, nonce: subscriber.tokenNonce ?? '', now, purpose, secret })

/** Where each signed link leads: pages on the site (paths, for links within it), and the one-click endpoint. */
export const confirmPath = (args: { now?: Date; secret: string; subscriber: LinkSubject }) =>
  signedLinkPath({ path: NEWSLETTER_CONFIRM, token: tokenFor({ ...args, purpose: 'confirm' }) })

export const managePath = (args: { now?: Date; secret: string; subscriber: LinkSubject }) =>
  signedLinkPath({ path: NEWSLETTER_PREFERENCES, token: tokenFor({ ...args, purpose: 'manage' }) })

/** Absolute addresses, for emails. */
export const confirmUrl = (args: { now?: Date; secret: string; subscriber: LinkSubject }) => absoluteUrl(confirmPath(args))

export const manageUrl = (args: { now?: Date; secret: string; subscriber: LinkSubject }) => absoluteUrl(managePath(args))

/** The unsubscribe page (a link in the email) and the RFC 8058 one-click address, with the same token. */
export const unsubscribeUrls = (args: { now?: Date; secret: string; subscriber: LinkSubject }) => {
  const token = tokenFor({ ...args, purpose: 'unsubscribe' })
  return {
    oneClick: absoluteUrl(signedLinkPath({ path: ONE_CLICK_UNSUBSCRIBE, token })),
    page: absoluteUrl(signedLinkPath({ path: NEWSLETTER_UNSUBSCRIBE, token })),
  }
}
