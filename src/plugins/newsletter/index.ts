import type { Plugin } from 'payload'

import type { NewsletterItemSource } from '../../lib/newsletter/items'

import { NewsletterDeliveries } from '../../../collections/newsletter-deliveries'
import { newslettersCollection } from '../../../collections/newsletters'
import { Subscribers } from '../../../collections/subscribers'
import { env } from '../../lib/env'
import { NEWSLETTER_QUEUE } from '../../lib/jobs/names'
import { NEWSLETTER_ITEM_COLLECTIONS } from '../../lib/newsletter/items'
import { newsletterOptInTask } from '../../lib/newsletter/opt-in-task'
import { eraseUnconfirmedSubscribersTask } from '../../lib/newsletter/retention'
import { sendNewslettersTask } from '../../lib/newsletter/task'
import { capabilityPlugin } from '../capability'

/**
 * The newsletter: issues, subscribers and each delivery. Issues go out on a queue of their own, checked
 * more often, so a long send never delays other email. Items may come from the collections plugins listed
 * before this one added (minutes need governance).
 */
export const newsletterPlugin = (): Plugin => (config) => {
  const present = new Set((config.collections ?? []).map((collection) => collection.slug))
  const items = NEWSLETTER_ITEM_COLLECTIONS.filter((slug): slug is NewsletterItemSource => present.has(slug))
  return capabilityPlugin({
    collections: [newslettersCollection({ items }), Subscribers, NewsletterDeliveries],
    queues: [{ cron: () => env().NEWSLETTER_CRON, limit: 2, queue: NEWSLETTER_QUEUE }],
    tasks: [sendNewslettersTask, newsletterOptInTask, eraseUnconfirmedSubscribersTask],
  })(config)
}
