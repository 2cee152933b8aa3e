import type { Plugin } from 'payload'

import { adminConventions } from '../lib/admin/conventions'
import { guardStoredInput } from '../lib/input/stored'
import { corePlugin } from './core'
import { governancePlugin } from './governance'
import { guidancePlugin } from './guidance'
import { linkHealthPlugin } from './link-health'
import { newsletterPlugin } from './newsletter'
import { pageCachePlugin } from './page-cache'
import { questionDeskPlugin } from './question-desk'
import { redirectsPlugin } from './redirects'
import { searchIndexPlugin } from './search-index'
import { sitePagesPlugin } from './site-pages'

/** The capabilities a hub can run without (each removes its collections, jobs, views and links, nothing else). */
export const OPTIONAL_CAPABILITIES = ['questionDesk', 'governance', 'newsletter'] as const
export type OptionalCapability = (typeof OPTIONAL_CAPABILITIES)[number]

/**
 * The hub's plugins, in order: the core, each capability, redirects and link health, then the cross-cutting ones that act on the
 * collections that opt in (search index, page cache), then the stored-input guard and the admin's conventions
 * (UK dates, lock length), which cover every collection and global the others added.
 */
export const hubPlugins = ({ without = [] }: { without?: readonly OptionalCapability[] } = {}): Plugin[] => {
  const optional: Record<OptionalCapability, () => Plugin> = {
    governance: governancePlugin,
    newsletter: newsletterPlugin,
    questionDesk: questionDeskPlugin,
  }
  return [
    corePlugin(),
    guidancePlugin(),
    sitePagesPlugin(),
    ...OPTIONAL_CAPABILITIES.filter((name) => !without.includes(name)).map((name) => optional[name]()),
    redirectsPlugin(),
    linkHealthPlugin(),
    searchIndexPlugin(),
    pageCachePlugin(),
    guardStoredInput,
    adminConventions,
  ]
}
