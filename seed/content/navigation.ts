import type { SeedArgs } from './shared'

export const HEADER_LINKS = [
  { href: '/', label: 'Home' },
  { href: '/#care-areas', label: 'Care areas' },
  { href: '/commissioning/ten-top-tips', label: 'Ten top tips' },
  { href: '/updates', label: 'Updates' },
  { href: '/consultations', label: 'Consultations' },
  { href: '/parliamentary-questions', label: 'Parliamentary questions' },
  { href: '/documents', label: 'Documents' },
  { href: '/governance', label: 'Governance' },
  { href: '/recommendations', label: 'Recommendations' },
  { href: '/ask', label: 'Ask a question' },
]

export const FOOTER_LINKS = [
  { href: '/', label: 'Home' },
  { href: '/documents', label: 'Documents' },
  { href: '/updates/feed.xml', label: 'Updates feed' },
  { href: '/governance', label: 'Governance' },
  { href: '/newsletter', label: 'Get the newsletter' },
  { href: '/admin', label: 'Staff admin' },
]

/** Header and footer links, stored once: a navigation global that has been saved is the editors'. */
export const ensureNavigation = async ({ log, payload }: SeedArgs): Promise<void> => {
  const current = await payload.findGlobal({ slug: 'navigation', depth: 0 })
  if (current.updatedAt) return
  await payload.updateGlobal({ slug: 'navigation', data: { footer: FOOTER_LINKS, header: HEADER_LINKS } })
  log('Seed: stored the header and footer navigation.')
}
