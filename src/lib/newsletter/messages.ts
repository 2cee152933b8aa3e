import { TOKEN_LIFETIME_SECONDS } from './tokens'
import { topicLabel } from './topics'

const days = Math.round(TOKEN_LIFETIME_SECONDS.confirm / (24 * 60 * 60))

/** Plain-text emails about a subscription (the issues themselves are rendered in render.ts). */
export const confirmationEmail = ({ confirmUrl, siteName, topics }: { confirmUrl: string; siteName: string; topics: string[] }) => ({
  subject: `Confirm your subscription to the ${siteName} newsletter`,
  text: [
    `Please confirm that you want to receive the ${siteName} newsletter.`,
    '',
    `Topics: ${topics.map(topicLabel).join(', ')}`,
    '',
    `Confirm your subscription (this link works for ${days} days):`,
    confirmUrl,
    '',
    'If you did not ask for this, ignore this email: you will not be subscribed and we will not write again.',
  ].join('\n'),
})

export const alreadySubscribedEmail = ({ manageUrl, siteName }: { manageUrl: string; siteName: string }) => ({
  subject: `You are already subscribed to the ${siteName} newsletter`,
  text: [
    `Someone (probably you) asked to subscribe this address to the ${siteName} newsletter. It is already subscribed, so nothing has changed.`,
    '',
    'To change your topics or unsubscribe, use this link:',
    manageUrl,
    '',
    'If you did not ask for this, you can ignore this email.',
  ].join('\n'),
})
