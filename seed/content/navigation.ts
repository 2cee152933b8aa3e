import type { SeedArgs } from './shared'

import {
  ADMIN,
  ASK,
  CONSULTATIONS,
  DOCUMENTS,
  GOVERNANCE,
  HOME,
  NEWSLETTER,
  PARLIAMENTARY_QUESTIONS,
  RECOMMENDATIONS,
  TEN_TOP_TIPS,
  UPDATES,
  UPDATES_FEED,
} from '../../src/lib/routes'

export const HEADER_LINKS = [
  { href: HOME, label: 'Home' },
  { href: '/#care-areas', label: 'Care areas' },
  { href: TEN_TOP_TIPS, label: 'Ten top tips' },
  { href: UPDATES, label: 'Updates' },
  { href: CONSULTATIONS, label: 'Consultations' },
  { href: PARLIAMENTARY_QUESTIONS, label: 'Parliamentary questions' },
  { href: DOCUMENTS, label: 'Documents' },
  { href: GOVERNANCE, label: 'Governance' },
  { href: RECOMMENDATIONS, label: 'Recommendations' },
  { href: ASK, label: 'Ask a question' },
]

export const FOOTER_LINKS = [
  { href: HOME, label: 'Home' },
  { href: DOCUMENTS, label: 'Documents' },
  { href: UPDATES_FEED, label: 'Updates feed' },
  { href: GOVERNANCE, label: 'Governance' },
  { href: NEWSLETTER, label: 'Get the newsletter' },
  { href: ADMIN, label: 'Staff admin' },
]

/** Header and footer links, stored once: a navigation global that has been saved is the editors'. */
export const ensureNavigation = async ({ log, payload }: SeedArgs): Promise<void> => {
  const current = await payload.findGlobal({ slug: 'navigation', depth: 0 })
  if (current.updatedAt) return
  await payload.updateGlobal({ slug: 'navigation', data: { footer: FOOTER_LINKS, header: HEADER_LINKS } })
  log('Seed: stored the header and footer navigation.')
}
