import type { Payload } from 'payload'

import { randomUUID } from 'node:crypto'

import type { Newsletter } from '../../payload-types'

import { mailDomain } from '../email/identity'
import { createRateLimiter } from '../http/rate-limit'
import { NEWSLETTER_PREFERENCES, NEWSLETTER_UNSUBSCRIBE, ONE_CLICK_UNSUBSCRIBE, signedLinkPath } from '../routes'
import { absoluteUrl } from '../site/urls'
import { loadIssueContent, personalise, renderIssueTemplate } from './render'
import { listHeaders } from './sender'
import { newsletterSettings } from './settings'
import { openBulkTransport } from './transport'

const limiter = createRateLimiter({ durationSeconds: 10 * 60, name: 'newsletter-test-send', points: 10 })

/** Links in a preview or test copy: they lead to the pages, which say the link is only a sample. */
export const sampleLinks = () => ({
  manage: absoluteUrl(signedLinkPath({ path: NEWSLETTER_PREFERENCES, token: 'sample' })),
  oneClick: absoluteUrl(signedLinkPath({ path: ONE_CLICK_UNSUBSCRIBE, token: 'sample' })),
  unsubscribe: absoluteUrl(signedLinkPath({ path: NEWSLETTER_UNSUBSCRIBE, token: 'sample' })),
})

/** An issue as a subscriber would get it (with sample links), for the admin preview. */
export const previewIssue = async ({ issue, payload }: { issue: Newsletter; payload: Payload }) => {
  const content = await loadIssueContent({ issue, payload })
  const template = renderIssueTemplate({ content })
  const { manage, unsubscribe } = sampleLinks()
  return { ...personalise({ links: { manage, unsubscribe }, template }), content, subject: template.subject }
}

export type TestSendResult =
  { kind: 'limited'; retryAfterSeconds: number } | { kind: 'failed'; reason: string } | { kind: 'sent'; to: string }

/**
 * Sends one copy to the signed-in editor straight away (not through the queue), so they see the result at
 * once. The subject says it is a test; it is not recorded as a delivery.
 */
export const sendTestCopy = async ({
  issue,
  payload,
  to,
  userKey,
}: {
  issue: Newsletter
  payload: Payload
  to: string
  userKey: string
}): Promise<TestSendResult> => {
  const slot = await limiter.take({ key: userKey })
  if (!slot.allowed) return { kind: 'limited', retryAfterSeconds: slot.retryAfterSeconds }
  const preview = await previewIssue({ issue, payload })
  const settings = newsletterSettings()
  const transport = openBulkTransport({ connections: 1 })
  try {
    const outcome = await transport.send({
      headers: listHeaders({
        oneClick: sampleLinks().oneClick,
        siteName: preview.content.siteName,
        topic: issue.topic,
        unsubscribeMailbox: settings.unsubscribeMailbox,
      }),
      html: preview.html,
      messageId: `<newsletter-test-${randomUUID()}@${mailDomain()}>`,
      subject: `[Test] ${preview.subject}`,
      text: preview.text,
      to,
    })
    return outcome.kind === 'sent' ? { kind: 'sent', to } : { kind: 'failed', reason: outcome.reason }
  } finally {
    transport.close()
  }
}
