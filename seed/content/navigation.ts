import type { SeedArgs } from './shared'

import {
  ADMIN,
  ASK,
  CONSULTATIONS,
  DOCUMENTS,
  GOVERNANCE,
  HOME,
  HOME_CARE_AREAS,
  NEWSLETTER,
  PARLIAMENTARY_QUESTIONS,
  RECOMMENDATIONS,
  TEN_TOP_TIPS,
  UPDATES,
  UPDATES_FEED,
} from '../../src/lib/routes'

// A link to a capability's pages (`needs` its collection) is left out of a hub that does not run it.
type SeedLink = { href: string; label: string; needs?: 'groups' | 'newsletters' | 'questions' }

export const HEADER_LINKS: SeedLink[] = [
  { href: HOME, label: 'Home' },
  { href: HOME_CARE_AREAS, label: 'Care areas' },
  { href: TEN_TOP_TIPS, label: 'Ten top tips' },
  { href: UPDATES, label: 'Updates' },
  { href: CONSULTATIONS, label: 'Consultations' },
  { href: PARLIAMENTARY_QUESTIONS, label: 'Parliamentary questions' },
  { href: DOCUMENTS, label: 'Documents' },
  { href: GOVERNANCE, label: 'Governance', needs: 'groups' },
  { href: RECOMMENDATIONS, label: 'Recommendations', needs: 'groups' },
  { href: ASK, label: 'Ask a question', needs: 'questions' },
]

export const FOOTER_LINKS: SeedLink[] = [
  { href: HOME, label: 'Home' },
  { href: DOCUMENTS, label: 'Documents' },
  { href: UPDATES_FEED, label: 'Updates feed' },
  { href: GOVERNANCE, label: 'Governance', needs: 'groups' },
  { href: NEWSLETTER, label: 'Get the newsletter', needs: 'newsletters' },
  { href: ADMIN, label: 'Staff admin' },
]

/** Header and footer links, stored once: a navigation global that has been saved is the editors'. */
export const ensureNavigation = async ({ log, payload }: SeedArgs): Promise<void> => {
  const current = await payload.findGlobal({ slug: 'navigation', depth: 0 })
  if (current.updatedAt) return
  const present = ({ needs }: SeedLink) => !needs || needs in payload.collections
  const stored = (links: SeedLink[]) => links.filter(present).map(({ href, label }) => ({ href, label }))
  await payload.updateGlobal({ slug: 'navigation', data: { footer: stored(FOOTER_LINKS), header: stored(HEADER_LINKS) } })
  log('Seed: stored the header and footer navigation.')
}
